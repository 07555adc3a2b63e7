package net.linuxha.lab.startapp;

import static net.linuxha.lab.startapp.AppLabSetup.slow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.linuxha.lab.Halab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * clstartapp and clhaltapp on the two-node lab (Reference 11.1, 11.2, 11.4, 9.1, 22.4): the sample application
 * "apache" started on servera serves its page to the client at 172.16.177.200, halts leaving no address, mount or
 * DRBD device, starts on serverb with the same data; a start is refused while the address is in use elsewhere; hung
 * start and stop scripts get HUP then KILL and leave the node clean; with serverb powered off a start needs --force
 * and the halt leaves STALE flags for serverb's copies.
 */
@Tag("lab")
@Timeout(value = 1200, unit = TimeUnit.SECONDS)
class StartAppLabTest {

    private static final String SERVICE = "172.16.177.200";
    private static final Duration TOOL_LIMIT = Duration.ofMinutes(3);

    @BeforeAll
    static void needsRoot() {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root");
    }

    private static Halab.Result tool(Halab lab, String node, String commandLine) {
        return slow(lab, TOOL_LIMIT, node, commandLine);
    }

    private static String page(Halab lab) {
        Halab.Result r = lab.client("curl", "-s", "--max-time", "2", "http://" + SERVICE + "/");
        return r.ok() ? r.out() : "";
    }

    /** Nothing of the application left: address, mounts, DRBD devices, httpd. */
    private static void assertClean(Halab lab, String node) {
        assertFalse(lab.sh(node, "ip -4 -o addr | grep -q ' " + SERVICE + "/'").ok(), node + " still holds "
                + SERVICE + ":\n" + lab.sh(node, "ip -4 -o addr"));
        assertFalse(lab.sh(node, "grep -q ' /apache/' /proc/self/mounts").ok(), node + " has mounts left:\n"
                + lab.sh(node, "grep /apache /proc/self/mounts"));
        assertEquals("", lab.must(node, "drbdsetup status").out().strip(), node + " has DRBD devices up");
        assertFalse(lab.sh(node, "pgrep -f 'http[.]server'").ok(), node + " still runs httpd");
    }

    private static void assertStarted(Halab.Result result, String node) {
        assertEquals(0, result.exitCode(), node + ": clstartapp " + result);
        assertTrue(result.out().contains("Application apache started successfully"), result.toString());
    }

    @Test
    void startHaltMoveRefuseAndEscalate() throws Exception {
        Halab.runWithNewLab(lab -> {
            AppLabSetup setup = new AppLabSetup(lab);
            setup.build();

            // start on servera (no cluster daemon runs: --force, 11.2), the client gets the page
            Halab.Result noDaemon = tool(lab, "servera", "clstartapp -A apache");
            assertEquals(4, noDaemon.exitCode(), "refused without a cluster daemon: " + noDaemon);
            assertTrue(noDaemon.err().contains("Unable to contact local cluster daemon."), noDaemon.toString());
            assertClean(lab, "servera");
            assertStarted(tool(lab, "servera", "clstartapp -A apache --force"), "servera");
            assertEquals(AppLabSetup.PAGE, page(lab));
            assertTrue(lab.must("servera", "ip -4 -o addr show dev eth0").out().contains("eth0:1"),
                    "the address is the labelled alias eth0:1");
            assertTrue(lab.must("servera", "cat /etc/cluster/.status/apache/TIME").out().strip().matches("\\d+"));

            Halab.Result halt = tool(lab, "servera", "clhaltapp -A apache");
            assertEquals(0, halt.exitCode(), halt.toString());
            assertClean(lab, "servera");
            assertEquals("", lab.must("serverb", "drbdsetup status").out().strip(), "serverb's devices down too");
            assertFalse(lab.clientPing(SERVICE), "the service address answers nowhere");

            // the same data on serverb
            assertStarted(tool(lab, "serverb", "clstartapp -A apache --force"), "serverb");
            assertEquals(AppLabSetup.PAGE, page(lab));
            assertEquals(0, tool(lab, "serverb", "clhaltapp -A apache").exitCode());
            assertClean(lab, "serverb");
            Halab.Result notRunning = tool(lab, "serverb", "clhaltapp -A apache");
            assertEquals(0, notRunning.exitCode(), "halting a stopped application is a no-op: " + notRunning);
            assertTrue(notRunning.out().contains("is not running on serverb"), notRunning.toString());

            // 11.2: the address is in use elsewhere (the client holds it): refused even with --force, nothing done
            Halab.require(lab.client("ip", "addr", "add", SERVICE + "/24", "dev", "eth0"), "client takes address");
            Halab.Result inUse = tool(lab, "servera", "clstartapp -A apache --force");
            assertEquals(5, inUse.exitCode(), inUse.toString());
            assertTrue(inUse.err().contains("It appears that the IP address for this application is in use."),
                    inUse.toString());
            assertTrue(lab.must("servera", "cat /var/log/cluster/clstart.apache.log").out()
                    .contains("IP address " + SERVICE + " answers ARP on card eth0"), "found by duplicate address "
                    + "detection");
            assertClean(lab, "servera");
            Halab.require(lab.client("ip", "addr", "del", SERVICE + "/24", "dev", "eth0"), "client frees address");

            // a start script that ignores HUP: warning at half time, HUP at the limit, KILL 5 s later, rolled back
            setup.useScript("startscript", "hang", "trap '' HUP\necho hanging\nsleep 600");
            Halab.Result hung = tool(lab, "servera", "clstartapp -A apache --force --maxdelay 4 -V");
            assertEquals(1, hung.exitCode(), hung.toString());
            String startLog = lab.must("servera", "cat /var/log/cluster/clstart.apache.log").out();
            assertTrue(startLog.contains("still running after 2 seconds"), startLog);
            assertTrue(startLog.contains("sending HUP"), startLog);
            assertTrue(startLog.contains("sending KILL"), startLog);
            assertTrue(startLog.contains("servera has been left as it was before the start"), startLog);
            assertClean(lab, "servera");
            assertFalse(lab.sh("servera", "pgrep -f 'sleep 60[0]'").ok(), "the script's sleep died");

            // a stop script that ignores HUP: the same escalation, then the halt completes
            setup.sampleScripts();
            setup.useScript("stopscript", "hangstop", "trap '' HUP\nsleep 600");
            assertStarted(tool(lab, "servera", "clstartapp -A apache --force"), "servera");
            Halab.Result hungStop = tool(lab, "servera", "clhaltapp -A apache --maxdelay 4 -V");
            assertEquals(0, hungStop.exitCode(), hungStop.toString());
            String haltLog = lab.must("servera", "cat /var/log/cluster/clhalt.apache.log").out();
            assertTrue(haltLog.contains("sending HUP") && haltLog.contains("sending KILL"), haltLog);
            assertTrue(haltLog.contains("(fuser -km)"), "httpd kept /apache/logs busy and was killed: " + haltLog);
            assertClean(lab, "servera");
            setup.sampleScripts();
        });
    }

    @Test
    void withTheOtherNodePoweredOffAStartNeedsForceAndTheHaltLeavesStaleFlags() throws Exception {
        Halab.runWithNewLab(lab -> {
            new AppLabSetup(lab).build();
            Halab.require(lab.halab("kill", "serverb"), "halab kill serverb");

            Halab.Result refused = tool(lab, "servera", "clstartapp -A apache");
            assertEquals(1, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("Remote node serverb appears to be down"), refused.toString());
            assertTrue(refused.err().contains("Will not start the application due to the risk of data corruption."),
                    refused.toString());
            assertClean(lab, "servera");

            assertStarted(tool(lab, "servera", "clstartapp -A apache --force"), "servera");
            assertEquals(AppLabSetup.PAGE, page(lab));
            Halab.Result halt = tool(lab, "servera", "clhaltapp -A apache");
            assertEquals(0, halt.exitCode(), halt.toString());
            assertClean(lab, "servera");
            String flags = lab.must("servera", "ls /etc/cluster/.status/apache").out();
            for (String lv : AppLabSetup.VOLUMES) {
                assertTrue(flags.contains("app01vg." + lv + ".serverb.STALE"), "serverb's copy of " + lv
                        + " is marked STALE:\n" + flags);
            }
            assertFalse(flags.contains("LIVENODE"), "LIVENODE removed by the halt:\n" + flags);
        });
    }
}
