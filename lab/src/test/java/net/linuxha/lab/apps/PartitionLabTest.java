package net.linuxha.lab.apps;

import static net.linuxha.lab.Halab.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import net.linuxha.lab.Halab;
import net.linuxha.lab.SampleApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Network partitioning (Reference 21.6) with the sample application running on servera. Its appconf.xml has the
 * checklist of the Reference's example in 21.2.2, servera's own public address (checkpercent 100). During
 * {@code halab partition} servera's checklist answers (its daemon assumes serverb down, which runs nothing, and its
 * Lems sees no IP-level failure), serverb's does not: serverb decides PARTITIONED, does not start the application and
 * refuses START_APP; {@code halab heal} reunites the cluster with the application still on servera only. (A
 * checklist that fails on servera too would make its Lems move the address and ask for a fail-over, 21.2.2; one
 * that answers on serverb too would make serverb take the application over, 21.6's worst case.)
 *
 * <p>Then a duplicate is forced: during a second partition the administrator starts the application on serverb by
 * hand. serverb's daemon knows it runs on servera and refuses (clstartapp exit 5), so the daemon is stopped first and
 * {@code clstartapp --reallyforce} starts it alone. After the heal serverb joins again; the duplicate check (about
 * every 10 s) finds the application on both nodes and the node that started it first, servera, resets itself
 * (halt-node in the lab: its applications stopped, its daemons ended). Exactly one node runs it afterwards.
 */
@Tag("lab")
@Timeout(value = 1500, unit = TimeUnit.SECONDS)
class PartitionLabTest {

    private static final String APP = "apache";
    private static final String IP = SampleApp.SAMPLE.ip();
    private static final String PAGE = "page of apache\n";
    private static final String CHECKLIST = "checklist=\"172.16.177.1\" checkpercent=\"100\"";

    @BeforeAll
    static void needsRoot() {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root");
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void aPartitionStartsNothingTwiceAndADuplicateIsResetOnceItHeals() throws Exception {
        Halab.runWithNewLab(lab -> {
            SampleApp app = new SampleApp(lab);
            app.cluster();
            app.buildSample(xml -> xml.replace("netmask=\"255.255.255.0\"/>", "netmask=\"255.255.255.0\" "
                    + CHECKLIST + "/>"));
            app.form("");
            await(Duration.ofSeconds(120), () -> app.startedOn(APP, "servera") && PAGE.equals(app.page(IP, "")),
                    () -> "apache did not start on servera after clform:\n" + app.diagnosis(APP));

            // 21.6: no network between the nodes; each daemon's checklist reaches only its own address
            Halab.require(lab.halab("partition"), "halab partition");
            await(Duration.ofSeconds(40), () -> app.clusterLog("serverb").contains("Network partitioned: No "
                    + "application checklist reaches its checkpercent"), () -> "serverb did not decide "
                    + "PARTITIONED:\n" + app.diagnosis(APP));
            await(Duration.ofSeconds(40), () -> app.clusterLog("servera").contains("Checklist of application apache "
                    + "answers"), () -> "servera's checklist:\n" + app.diagnosis(APP));
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < until) {
                assertFalse(app.holds("serverb", IP), "serverb started apache during the partition:\n"
                        + app.diagnosis(APP));
                assertTrue(app.status("serverb", APP).startsWith("STARTED,servera,"), "serverb's daemon still "
                        + "has apache on servera: " + app.status("serverb", APP));
                Thread.sleep(1000);
            }
            String refused = app.ask("serverb", "START_APP app=" + APP);
            assertTrue(refused.startsWith("ERROR") && refused.contains("partitioned"), refused);
            assertEquals(PAGE, app.page(IP, ""), "the client still reaches apache on servera");

            Halab.require(lab.halab("heal"), "halab heal");
            await(Duration.ofSeconds(40), () -> app.ask("servera", "GET_NODE_STATE node=serverb").equals("UP")
                    && app.ask("serverb", "GET_NODE_STATE node=servera").equals("UP")
                    && app.clusterLog("serverb").contains("Network partition with node servera has healed"),
                    () -> "the cluster did not reunite:\n" + app.diagnosis(APP));
            assertTrue(app.startedOn(APP, "servera"), app.diagnosis(APP));
            assertTrue(app.holds("servera", IP) && !app.holds("serverb", IP), app.diagnosis(APP));

            // A duplicate forced by hand during a second partition
            Halab.require(lab.halab("partition"), "halab partition (again)");
            await(Duration.ofSeconds(40), () -> count(app.clusterLog("serverb"), "Network partitioned:") == 2,
                    () -> "serverb did not see the second partition:\n" + app.diagnosis(APP));
            Halab.Result whileRegistered = app.run("serverb", "clstartapp -A apache --reallyforce");
            assertEquals(5, whileRegistered.exitCode(), "serverb's daemon knows apache runs on servera: "
                    + whileRegistered);
            assertTrue(whileRegistered.err().contains("Application apache is already running!"),
                    whileRegistered.toString());
            assertEquals("OK", app.ask("serverb", "ABORT"));
            await(Duration.ofSeconds(20), () -> !app.daemonRuns("serverb"), () -> "serverb's daemon did not end");
            Halab.Result forced = app.run("serverb", "clstartapp -A apache --reallyforce");
            assertEquals(0, forced.exitCode(), forced.toString());
            assertTrue(app.holds("serverb", IP) && app.holds("servera", IP), "both nodes run apache now:\n"
                    + app.diagnosis(APP));

            Halab.require(lab.halab("heal"), "halab heal (again)");
            Halab.require(app.tool("serverb", "clform --join"), "clform --join on serverb");
            long joined = System.nanoTime();
            await(Duration.ofSeconds(40), () -> app.clusterLog("servera").contains("Application apache is running "
                    + "on both servera and serverb - node servera will reset immediately since it started apache "
                    + "first"), () -> "the duplicate was not detected:\n" + app.diagnosis(APP));
            long detectedSeconds = Duration.ofNanos(System.nanoTime() - joined).toSeconds();
            assertTrue(detectedSeconds <= 25, "detected " + detectedSeconds + " s after the join (check every 10 s)");
            await(Duration.ofSeconds(150), () -> !app.daemonRuns("servera") && !app.holds("servera", IP),
                    () -> "servera did not reset (halt-node):\n" + app.diagnosis(APP));

            // exactly one copy: serverb's
            assertTrue(app.holds("serverb", IP), app.diagnosis(APP));
            assertFalse(app.run("servera", "pgrep -u nobody -f '^httpd'").ok(), "servera's httpd was stopped");
            assertTrue(app.run("serverb", "pgrep -u nobody -f '^httpd'").ok(), "serverb's httpd runs");
            long reset = System.nanoTime();
            await(Duration.ofSeconds(40), () -> PAGE.equals(app.page(IP, "")), () -> "serverb does not serve the "
                    + "page:\n" + lab.client("ip", "neigh") + app.run("serverb", "grep apache /proc/self/mounts; "
                    + "drbdsetup status; ip -4 -o addr; ls -la /apache/docs") + app.diagnosis(APP));
            System.out.println("page served by serverb " + Duration.ofNanos(System.nanoTime() - reset).toMillis()
                    + " ms after servera's reset");
            assertTrue(app.startedOn(APP, "serverb"), app.diagnosis(APP));
            // serverb saw the duplicate too: by its own check, or first from servera's APP_UPDATE (whichever came
            // first; servera's check may reset it before serverb's next one runs)
            String serverbLog = app.clusterLog("serverb");
            assertTrue(serverbLog.contains("node servera will reset immediately")
                    || serverbLog.contains("it runs on both nodes; the duplicate check resets the node that started "
                    + "it first"), serverbLog);
        });
    }
}
