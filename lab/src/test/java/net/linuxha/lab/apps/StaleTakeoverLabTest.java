package net.linuxha.lab.apps;

import static net.linuxha.lab.Halab.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import net.linuxha.lab.Halab;
import net.linuxha.lab.SampleApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Take-over of an application whose copy on the surviving node is stale (Reference 21.3, 22.4, 8.1 "takeover").
 * The sample application runs on servera (clform's autostart); the replication network goes down and servera writes
 * a new page, so serverb's copy falls behind: Lems' fsmon sees the DRBD connections lost and reports FLAG_UNSYNC
 * invalid=remote forward=yes, which puts {@code app01vg.LV.serverb.STALE} on both nodes. Then servera loses power.
 * With takeover normal serverb does not start the application and its log says why; with takeover force it starts
 * it on the stale copy (clstartapp --reallyforce), with a warning, and the page written last is missing there.
 */
@Tag("lab")
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class StaleTakeoverLabTest {

    private static final String APP = "apache";
    private static final String IP = SampleApp.SAMPLE.ip();
    private static final String PAGE = "page of apache\n";

    @BeforeAll
    static void needsRoot() {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root");
    }

    /** The sample running on servera, serverb's copies flagged STALE, then servera powered off. */
    private static SampleApp staleCopyOnServerbThenKillServera(Halab lab, String takeover) {
        SampleApp app = new SampleApp(lab);
        app.cluster();
        app.buildSample(xml -> xml.replace("<takeover>normal</takeover>", "<takeover>" + takeover + "</takeover>"));
        app.form("");
        await(Duration.ofSeconds(120), () -> app.startedOn(APP, "servera") && PAGE.equals(app.page(IP, "")),
                () -> "apache did not start on servera after clform:\n" + app.diagnosis(APP));

        Halab.require(lab.halab("net", "drbd", "down"), "halab net drbd down");
        app.ok("servera", "echo 'written while serverb was cut off' > /apache/docs/late.html && sync");
        for (String node : SampleApp.NODES) {
            await(Duration.ofSeconds(60), () -> {
                String flags = app.run(node, "ls /etc/cluster/.status/apache").out();
                return SampleApp.SAMPLE.volumes().stream().allMatch(lv -> flags.contains("app01vg." + lv
                        + ".serverb.STALE"));
            }, () -> "serverb's copies are not flagged STALE on " + node + ":\n"
                    + app.run(node, "ls /etc/cluster/.status/apache; tail /var/log/cluster/lems/lems-apache.log")
                    + app.diagnosis(APP));
        }
        assertTrue(app.status("serverb", APP).startsWith("STARTED,servera,"), app.status("serverb", APP));
        Halab.require(lab.halab("kill", "servera"), "halab kill servera");
        return app;
    }

    @Test
    void takeoverNormalLeavesTheApplicationDownOnAStaleCopy() throws Exception {
        Halab.runWithNewLab(lab -> {
            SampleApp app = staleCopyOnServerbThenKillServera(lab, "normal");
            await(Duration.ofSeconds(60), () -> app.clusterLog("serverb").contains("Application apache not started: "
                    + "the data on serverb is stale and takeover is normal. Recover servera, or start it with stale "
                    + "data using clstartapp --reallyforce if losing recent changes is acceptable."),
                    () -> "serverb did not refuse the take-over:\n" + app.diagnosis(APP));
            String log = app.clusterLog("serverb");
            assertTrue(log.contains("Node servera has died - taking over its applications"), log);
            assertTrue(app.status("serverb", APP).startsWith("DOWN,N/A,"), app.status("serverb", APP));
            assertFalse(app.holds("serverb", IP), "serverb holds the service address");
            assertEquals("", app.page(IP, ""), "nobody serves the page");
            assertFalse(app.run("serverb", "grep -q /apache/docs /proc/self/mounts").ok(), "nothing mounted");

            // what the log advises: --force is not enough for stale data (22.4 decision 2)
            Halab.Result force = app.run("serverb", "clstartapp -A apache --force");
            assertEquals(1, force.exitCode(), force.toString());
            assertTrue(force.err().contains("The local copy of data for apache on serverb is STALE"), force.err());
            assertFalse(app.holds("serverb", IP));
        });
    }

    @Test
    void takeoverForceStartsTheStaleCopyWithAWarning() throws Exception {
        Halab.runWithNewLab(lab -> {
            SampleApp app = staleCopyOnServerbThenKillServera(lab, "force");
            await(Duration.ofSeconds(150), () -> app.startedOn(APP, "serverb") && PAGE.equals(app.page(IP, "")),
                    () -> "serverb did not take apache over:\n" + app.diagnosis(APP));
            String log = app.clusterLog("serverb");
            assertTrue(log.matches("(?s).*WARN [0-9/: ]+ Starting application apache on serverb with stale data "
                    + "since takeover is force - the copy on servera will be overwritten when it rejoins the "
                    + "cluster\\..*"), log);
            assertTrue(log.lines().anyMatch(l -> l.contains("Application apache started: ")
                    && l.contains("clstartapp --application apache ") && l.endsWith(" --reallyforce finished")),
                    "started with --reallyforce:\n" + log);
            assertTrue(app.holds("serverb", IP));
            assertFalse(app.page(IP, "late.html").contains("written while serverb was cut off"),
                    "the page written on servera after the cut is not in serverb's stale copy");
        });
    }
}
