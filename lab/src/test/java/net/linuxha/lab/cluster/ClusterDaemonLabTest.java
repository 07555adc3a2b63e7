package net.linuxha.lab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import net.linuxha.lab.Halab;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import net.linuxha.common.testing.Wait;

/**
 * The cluster daemon on two real nodes (10.1, 10.2, 21.4-21.6, 25.3): forming, joining, the clock check, a daemon
 * killed and restarted, network faults, a partition, and hostile traffic. Each test gets a fresh lab
 * ({@code Halab.runWithNewLab}, lab id from HALAB_ID) with clconf.xml timings keepalive 0.5, warn 1, dead 3.
 */
@Tag("lab")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ClusterDaemonLabTest {

    private static final Duration FORM = Duration.ofSeconds(30);

    private static void withCluster(LabBody body) throws Exception {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root (namespaces, mounts)");
        Halab.runWithNewLab(lab -> {
            LabCluster c = new LabCluster(lab);
            c.configure();
            try {
                body.run(c);
            } finally {
                System.out.println("=== servera log\n" + c.log("servera") + "=== serverb log\n" + c.log("serverb"));
                c.stopDaemon("servera");
                c.stopDaemon("serverb");
            }
        });
    }

    @FunctionalInterface
    interface LabBody {
        void run(LabCluster c) throws Exception;
    }

    /** Forms with both nodes started together; returns once both see the other UP. */
    private static void formBoth(LabCluster c, String envA, String envB, String... extra) {
        String[] args = concat(new String[] {"--form", "--verbose", "--detach"}, extra);
        CompletableFuture<Halab.Result> a = CompletableFuture.supplyAsync(() -> c.cldaemon("servera", envA, args));
        Halab.Result b = c.cldaemon("serverb", envB, args);
        Halab.require(a.join(), "cldaemon --form on servera");
        Halab.require(b, "cldaemon --form on serverb");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void awaitUp(LabCluster c) {
        Wait.assertWithin(FORM, Wait.SLOWLY, () -> c.ask("servera", "GET_NODE_STATE node=serverb").equals("UP")
                && c.ask("serverb", "GET_NODE_STATE node=servera").equals("UP"), () -> "cluster not UP on both");
    }

    @Test
    void formsWithBothNodesAndRunsUnderItsProcessName() throws Exception {
        withCluster(c -> {
            formBoth(c, "", "");
            awaitUp(c);
            assertEquals("UP", c.ask("servera", "ECHO"));
            assertTrue(c.log("servera").contains("Both nodes agree UP"), c.log("servera"));
            assertTrue(c.lab.sh("servera", "ps -ef | grep -- -cluster1 | grep -v grep").out()
                    .contains("cldaemon-cluster1"), "ps shows the daemon by its cluster name");
            assertEquals("ALREADY", c.cldaemon("servera", "", "--form", "--detach").exitCode() == 5 ? "ALREADY"
                    : "started twice", "a second daemon on the same node is refused");
        });
    }

    @Test
    void formingAloneIsRefusedAfterTheTimeoutThenForcedThenTheOtherNodeJoins() throws Exception {
        withCluster(c -> {
            Halab.require(c.cldaemon("servera", "", "--form", "--detach", "--timeout", "3"), "form alone");
            Wait.assertWithin(Duration.ofSeconds(20), Wait.SLOWLY, () -> c.ask("servera", "ECHO").equals("UNREACHABLE"),
                    () -> "a lone --form without --force must give up");
            assertTrue(c.log("servera").contains("cluster not formed"), c.log("servera"));
            Halab.require(c.cldaemon("servera", "", "--form", "--force", "--detach", "--timeout", "3"), "forced");
            Wait.assertWithin(Duration.ofSeconds(20), Wait.SLOWLY, () -> c.ask("servera", "ECHO").equals("UP"),
                    () -> "--force forms a one-node cluster");
            assertEquals("DOWN", c.ask("servera", "GET_NODE_STATE node=serverb"));
            Halab.require(c.cldaemon("serverb", "", "--join", "--verbose", "--detach"), "join");
            Wait.assertWithin(FORM, Wait.SLOWLY, () -> c.ask("serverb", "ECHO").equals("UP")
                    && c.ask("servera", "GET_NODE_STATE node=serverb").equals("UP"), () -> "serverb did not join");
            assertTrue(c.log("serverb").contains("Node serverb has now joined the cluster"), c.log("serverb"));
        });
    }

    @Test
    void clocksMoreThanTenMinutesApartRefuseTheClusterUnlessForced() throws Exception {
        withCluster(c -> {
            formBoth(c, "LINUXHA_CLOCK_OFFSET_SECONDS=700", "");
            Wait.assertWithin(FORM, Wait.SLOWLY, () -> c.ask("servera", "ECHO").equals("UNREACHABLE"),
                    () -> "the primary must refuse clocks 700 s apart");
            assertTrue(c.log("servera").contains("Time difference between nodes is >10 minutes - require --force"),
                    c.log("servera"));
            c.stopDaemon("serverb");
            formBoth(c, "LINUXHA_CLOCK_OFFSET_SECONDS=700", "", "--force");
            awaitUp(c);
            assertTrue(c.log("servera").contains("continuing since --force was given"), c.log("servera"));
        });
    }

    @Test
    void aDaemonKilledWithSigkillRestartsWithoutDisturbingTheRunningApplication() throws Exception {
        withCluster(c -> {
            c.demoApplication();
            c.holdServiceAddress("servera");
            formBoth(c, "", "");
            awaitUp(c);
            Wait.assertWithin(Duration.ofSeconds(15), Wait.SLOWLY, () -> c.ask("serverb", "APP_STATUS app=demo")
                    .startsWith("STARTED,servera"), () -> "demo not seen running on servera");
            String pid = c.pid("servera");
            Halab.require(c.lab.exec("servera", "kill", "-9", pid), "SIGKILL the daemon");
            Wait.assertWithin(Duration.ofSeconds(15), Wait.SLOWLY, () -> c.ask("serverb", "GET_NODE_STATE node=servera")
                    .equals("DIED"), () -> "serverb did not notice the daemon's death");
            assertTrue(c.log("serverb").contains("its cluster daemon has died"), c.log("serverb"));
            assertTrue(c.ask("serverb", "APP_STATUS app=demo").startsWith("STARTED,servera"), "nothing moved");
            Halab.require(c.cldaemon("servera", "", "--join", "--detach"), "restart with --join");
            Wait.assertWithin(FORM, Wait.SLOWLY,
                    () -> c.ask("servera", "APP_STATUS app=demo").startsWith("STARTED,servera")
                    && c.ask("serverb", "GET_NODE_STATE node=servera").equals("UP"), () -> "no resume");
            assertTrue(c.lab.exec("servera", "ip", "-o", "addr", "show", "eth0").out().contains(LabCluster.SERVICE_IP),
                    "the service address stayed where it was");
            assertFalse(c.lab.exec("serverb", "ip", "-o", "addr").out().contains(LabCluster.SERVICE_IP));
        });
    }

    @Test
    void cuttingTheDrbdNetworkWithPublicUpDoesNotDeclareThePeerDead() throws Exception {
        withCluster(c -> {
            formBoth(c, "", "");
            awaitUp(c);
            Halab.require(c.lab.halab("net", "drbd", "down"), "drbd down");
            try {
                assertFalse(Wait.until(Duration.ofSeconds(8), Wait.SLOWLY, () -> !c.ask("servera",
                        "GET_NODE_STATE node=serverb").equals("UP")), "the peer must stay UP over public");
                assertFalse(c.log("servera").contains("not reachable on any network"), c.log("servera"));
                assertFalse(c.log("serverb").contains("not reachable on any network"), c.log("serverb"));
            } finally {
                Halab.require(c.lab.halab("net", "drbd", "up"), "drbd up");
            }
            Halab.require(c.lab.halab("net", "public", "down"), "public down");
            try {
                assertFalse(Wait.until(Duration.ofSeconds(8), Wait.SLOWLY, () -> !c.ask("servera",
                        "GET_NODE_STATE node=serverb").equals("UP")), "the peer must stay UP over drbd");
                // The heartbeat either moved to drbd now or was already back on it since the first cut: both say
                // that drbd carries it; which one depends on where the heartbeat stood when public went down.
                String log = c.log("servera");
                assertTrue(log.contains("now use network drbd") || log.contains("received again on network drbd"),
                        log);
            } finally {
                Halab.require(c.lab.halab("net", "public", "up"), "public up");
            }
        });
    }

    @Test
    void aFullPartitionChangesNoApplicationStateAndHealingReunites() throws Exception {
        withCluster(c -> {
            c.demoApplication();
            c.holdServiceAddress("servera");
            formBoth(c, "", "");
            awaitUp(c);
            Wait.assertWithin(Duration.ofSeconds(15), Wait.SLOWLY, () -> c.ask("serverb", "APP_STATUS app=demo")
                    .startsWith("STARTED,servera"), () -> "demo not seen running on servera");
            Halab.require(c.lab.halab("partition"), "partition");
            try {
                Wait.assertWithin(Duration.ofSeconds(20), Wait.SLOWLY,
                        () -> c.log("servera").contains("Network partitioned")
                        && c.log("serverb").contains("Network partitioned"), () -> "no partition verdict");
                assertTrue(c.ask("serverb", "APP_STATUS app=demo").startsWith("STARTED,servera"), "no takeover");
                assertTrue(c.ask("servera", "APP_STATUS app=demo").startsWith("STARTED,servera"));
                assertTrue(c.ask("serverb", "START_APP app=demo").startsWith("ERROR"), "no state change allowed");
            } finally {
                Halab.require(c.lab.halab("heal"), "heal");
            }
            awaitUp(c);
            assertTrue(c.ask("serverb", "APP_STATUS app=demo").startsWith("STARTED,servera"));
            assertFalse(c.lab.exec("serverb", "ip", "-o", "addr").out().contains(LabCluster.SERVICE_IP));
            assertFalse(c.log("servera").contains("Resetting node"), c.log("servera"));
        });
    }

    @Test
    void forgedReplayedAndGarbageMessagesChangeNothing() throws Exception {
        withCluster(c -> {
            c.demoApplication();
            formBoth(c, "", "");
            awaitUp(c);
            Wait.assertWithin(Duration.ofSeconds(15), Wait.SLOWLY, () -> c.ask("servera", "APP_LIST").equals("demo"),
                    () -> "demo not registered");
            assertTrue(c.ask("servera", "--key wrongkey ABORT").startsWith("NOANSWER"), "forged ABORT unanswered");
            String line = c.ask("servera", "--emit SETVALIDNODES app=demo nodes=serverb");
            String send = "exec 3<>/dev/tcp/127.0.0.1/9900; printf '%s\\n' '" + line + "' >&3; timeout 3 head -c 1 <&3";
            assertFalse(c.lab.exec("servera", "bash", "-c", send).out().isEmpty(), "the first sending is answered");
            assertEquals("OK servera,serverb".replace("servera,", ""), c.ask("servera", "GETVALIDNODES app=demo"));
            assertEquals("OK", c.ask("servera", "SETVALIDNODES app=demo"));
            assertTrue(c.lab.exec("servera", "bash", "-c", send).out().isEmpty(), "a replay is not answered");
            assertEquals("OK servera,serverb", c.ask("servera", "GETVALIDNODES app=demo"), "the replay changed it");
            c.lab.exec("servera", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9900;"
                    + " head -c 300000 /dev/urandom | base64 >&3 2>/dev/null; true");
            c.lab.exec("servera", "bash", "-c", "for i in $(seq 200); do exec 3<>/dev/tcp/127.0.0.1/9900;"
                    + " printf 'not hex at all %s\\n' $i >&3 2>/dev/null; exec 3>&-; done; true");
            assertEquals("UP", c.ask("servera", "ECHO"), "the daemon keeps answering");
            assertEquals("UP", c.ask("servera", "GET_NODE_STATE node=serverb"));
            assertEquals("demo", c.ask("servera", "APP_LIST"));
            // The lock and network daemons cldaemon started share the wire pipeline; their ports get the same.
            for (int port : new int[] {9849, 9850}) {
                hostileTrafficAtPortChangesNothing(c, port);
            }
        });
    }

    /** A forged, a replayed and a flood of garbage lines at {@code port} on servera: the daemon keeps answering. */
    private static void hostileTrafficAtPortChangesNothing(LabCluster c, int port) {
        String at = "--port " + port + " ";
        String echo = c.ask("servera", at + "ECHO");
        assertFalse(echo.startsWith("NOANSWER") || echo.equals("UNREACHABLE"), port + " answers ECHO: " + echo);
        assertTrue(c.ask("servera", at + "--key wrongkey ABORT").startsWith("NOANSWER"), port + ": forged ABORT");
        String line = c.ask("servera", at + "--emit ECHO");
        String send = "exec 3<>/dev/tcp/127.0.0.1/" + port + "; printf '%s\\n' '" + line + "' >&3;"
                + " timeout 3 head -c 1 <&3";
        assertFalse(c.lab.exec("servera", "bash", "-c", send).out().isEmpty(), port + ": the first sending");
        assertTrue(c.lab.exec("servera", "bash", "-c", send).out().isEmpty(), port + ": a replay is not answered");
        c.lab.exec("servera", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port + ";"
                + " head -c 300000 /dev/urandom | base64 >&3 2>/dev/null; true");
        c.lab.exec("servera", "bash", "-c", "for i in $(seq 200); do exec 3<>/dev/tcp/127.0.0.1/" + port + ";"
                + " printf 'not hex at all %s\\n' $i >&3 2>/dev/null; exec 3>&-; done; true");
        assertEquals(echo, c.ask("servera", at + "ECHO"), port + " keeps answering after the garbage");
    }
}
