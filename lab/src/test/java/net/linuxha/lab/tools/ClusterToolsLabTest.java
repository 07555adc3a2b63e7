package net.linuxha.lab.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import net.linuxha.lab.Halab;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cluster tools on two real nodes against the real daemons (Reference 7.2.6, 10.3, 10.4, 11.3, 13.2-13.4,
 * 17.4, 19.3): clbuild then clform forms the cluster; clstat, cldaemonctl, clform --join, clhalt (one node, the
 * whole cluster), forming with the other node powered off, a configuration changed after clbuild, clstartup at
 * boot and the LSB init script. Every tool runs inside a node ({@code halab exec}); each test has a fresh lab
 * (HALAB_ID) and the clconf.xml timings keepalive 0.5, warn 1, dead 3, clusterform 20.
 */
@Tag("lab")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ClusterToolsLabTest {

    private static final Duration SHORT = Duration.ofSeconds(15);
    private static final String INIT = "/etc/init.d/linuxha";

    @FunctionalInterface
    interface ToolsBody {
        void run(LabTools t) throws Exception;
    }

    private static void withLab(ToolsBody body) throws Exception {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root (namespaces, mounts)");
        Halab.runWithNewLab(lab -> {
            LabTools tools = new LabTools(lab);
            boolean passed = false;
            try {
                body.run(tools);
                passed = true;
            } finally {
                if (!passed) {
                    System.out.println("=== servera log\n" + tools.log("servera") + "=== serverb log\n"
                            + tools.log("serverb"));
                }
            }
        });
    }

    private static List<String> statUp(String a, String b) {
        return List.of("Cluster: cluster1 - UP", "", "Node     Status", "servera  " + a, "serverb  " + b, "",
                "Application  Node  State  Started  Monitor  Stale  Fail-over?");
    }

    private static List<String> lines(Halab.Result result) {
        return result.out().lines().toList();
    }

    private static void awaitBothUp(LabTools t) {
        Halab.await(Duration.ofSeconds(30), t::bothUp, () -> "the cluster is not UP on both nodes:\n"
                + t.run("servera", "clstat") + t.run("serverb", "clstat"));
    }

    private static void awaitStat(LabTools t, String node, List<String> expected) {
        Halab.await(SHORT, () -> lines(t.run(node, "clstat")).equals(expected), () -> "clstat on " + node
                + " never showed " + expected + "; last: " + t.run(node, "clstat"));
    }

    /** 10.3, 11.3, 17.4, 19.3: clbuild + clform on servera; every tool sees the cluster from either node. */
    @Test
    void clformFormsTheClusterAndClstatAndCldaemonctlSeeItFromEitherNode() throws Exception {
        withLab(t -> {
            Halab.Result form = t.buildAndForm();
            assertEquals(List.of("INFO Validated checksum for cluster configuration",
                    "INFO SSH communication to serverb will be:",
                    "INFO 172.16.177.2 (\"public\" network)",
                    "INFO Checking that the cluster is not already running...",
                    "INFO *** ATTEMPTING TO FORM CLUSTER cluster1 ***",
                    "INFO Starting cldaemon on servera...",
                    "INFO Starting cldaemon on serverb...",
                    "INFO Waiting for cluster to form...",
                    "INFO Cluster cluster1 started successfully.",
                    "INFO No applications are configured to start automatically."), LabTools.texts(form.out()),
                    form.toString());
            awaitBothUp(t);
            assertTrue(t.daemonRuns("servera") && t.daemonRuns("serverb"), "cldaemon-cluster1 runs on both");
            assertTrue(t.log("servera").contains("Both nodes agree UP"), t.log("servera"));
            assertTrue(t.sh("serverb", "tr '\\0' '\\n' < /proc/" + t.pid("serverb") + "/environ").out().lines()
                    .anyMatch("LINUXHA_TOC_ACTION=halt-node"::equals), "serverb's daemon, started over ssh, got the "
                    + "lab's reset action");

            for (String node : new String[] {"servera", "serverb"}) {
                Halab.Result stat = t.run(node, "clstat");
                assertEquals(0, stat.exitCode(), stat.toString());
                assertEquals(statUp("UP", "UP"), lines(stat), "clstat on " + node + ": nodes in clconf.xml order");
                Halab.Result echo = t.run(node, "cldaemonctl", "--msg", "ECHO");
                assertEquals(0, echo.exitCode(), echo.toString());
                assertEquals("UP\n", echo.out(), "17.4: cldaemonctl --msg ECHO prints UP on " + node);
            }

            Halab.Result again = t.run("servera", "clform");
            assertEquals(5, again.exitCode(), again.toString());
            assertEquals(List.of("ERROR Cluster cluster1 is already running."), LabTools.texts(again.err()),
                    "19.3: forming a running cluster changes nothing");
            assertTrue(LabTools.texts(again.out()).contains("INFO Checking that the cluster is not already "
                    + "running..."), again.toString());
            awaitBothUp(t);

            // 17.4: with this node's daemon gone, cldaemonctl answers through the other node's.
            Halab.require(t.run("servera", "kill", "-9", t.pid("servera")), "SIGKILL servera's cldaemon");
            Halab.await(SHORT, () -> !t.daemonRuns("servera"), () -> "servera's cldaemon did not die");
            Halab.Result viaPeer = t.run("servera", "cldaemonctl", "--msg", "ECHO");
            assertEquals(0, viaPeer.exitCode(), viaPeer.toString());
            assertEquals("UP\n", viaPeer.out(), "answered by serverb's daemon");
            assertTrue(t.ask("servera", "ECHO").startsWith("ERROR"), "--node servera asks servera only");
            // 19.3.1: the node whose daemon died is still shown, through serverb: first UP (No daemon), then DIED.
            awaitStat(t, "servera", statUp("DIED", "UP"));

            // 19.3.1: clform --join on the node that is out of the cluster.
            Halab.Result join = t.run("servera", "clform", "--join");
            assertEquals(0, join.exitCode(), join.toString());
            assertEquals(List.of("INFO Validated checksum for cluster configuration",
                    "INFO SSH communication to serverb will be:",
                    "INFO 172.16.177.2 (\"public\" network)",
                    "INFO Checking cluster status...",
                    "INFO serverb is running - servera will attempt to join cluster.",
                    "INFO Join of cldaemon on servera...",
                    "INFO Waiting for servera to join the cluster...",
                    "INFO Node servera successfully joined cluster."), LabTools.texts(join.out()), join.toString());
            awaitBothUp(t);
            awaitStat(t, "serverb", statUp("UP", "UP"));
        });
    }

    /** 13.2-13.4, 17.4, 19.3.1: one node out and back (from either node), then the whole cluster down. */
    @Test
    void clhaltTakesOneNodeOutClformJoinsItBackAndClhaltStopsTheCluster() throws Exception {
        withLab(t -> {
            t.buildAndForm();
            awaitBothUp(t);

            Halab.Result halt = t.run("servera", "clhalt", "--node", "serverb");
            assertEquals(0, halt.exitCode(), halt.toString());
            assertEquals(List.of("INFO Validated checksum for cluster configuration.",
                    "INFO Attempting to halt cluster cluster1...",
                    "INFO Aborting cluster daemon on serverb...",
                    "INFO Cluster Daemon halted on serverb."), LabTools.texts(halt.out()), halt.toString());
            Halab.await(SHORT, () -> !t.daemonRuns("serverb"), () -> "serverb's cldaemon still runs");
            assertEquals("UP", t.ask("servera", "ECHO"), "servera stays in the cluster");

            Halab.Result join = t.run("serverb", "clform", "--join");
            assertEquals(0, join.exitCode(), join.toString());
            assertTrue(LabTools.texts(join.out()).containsAll(List.of(
                    "INFO servera is running - serverb will attempt to join cluster.",
                    "INFO Join of cldaemon on serverb...",
                    "INFO Node serverb successfully joined cluster.")), join.toString());
            awaitBothUp(t);

            // The same from the other side: serverb halts itself, servera's clform --join starts it over ssh.
            Halab.require(t.run("serverb", "clhalt", "--node", "serverb"), "clhalt --node serverb on serverb");
            Halab.await(SHORT, () -> !t.daemonRuns("serverb"), () -> "serverb's cldaemon still runs");
            Halab.Result remoteJoin = t.run("servera", "clform", "--join");
            assertEquals(0, remoteJoin.exitCode(), remoteJoin.toString());
            assertTrue(LabTools.texts(remoteJoin.out()).contains("INFO Node serverb successfully joined cluster."),
                    remoteJoin.toString());
            awaitBothUp(t);
            Halab.Result both = t.run("serverb", "clform", "--join");
            assertEquals(5, both.exitCode(), both.toString());
            assertTrue(LabTools.texts(both.out()).contains("INFO Both nodes are currently up - no action taken."),
                    both.toString());

            Halab.Result down = t.run("serverb", "clhalt");
            assertEquals(0, down.exitCode(), down.toString());
            assertEquals(List.of("INFO Validated checksum for cluster configuration.",
                    "INFO Attempting to halt cluster cluster1...",
                    "INFO Attempting to contact a cluster daemon...",
                    "INFO Connecting to cluster daemon via host serverb",
                    "INFO Asking cluster daemons to abort...",
                    "INFO Cluster daemons aborted - cluster cluster1 is DOWN."), LabTools.texts(down.out()),
                    down.toString());
            assertFalse(t.daemonRuns("servera") || t.daemonRuns("serverb"), "no cldaemon left on either node");

            for (String node : new String[] {"servera", "serverb"}) {
                Halab.Result stat = t.run(node, "clstat");
                assertEquals(4, stat.exitCode(), stat.toString());
                assertEquals("", stat.out(), stat.toString());
                assertEquals(List.of("ERROR Cluster cluster1 is not running."), LabTools.texts(stat.err()));
                Halab.Result echo = t.run(node, "cldaemonctl", "--msg", "ECHO");
                assertEquals(4, echo.exitCode(), echo.toString());
                assertEquals(1, lines(echo).size(), echo.toString());
                assertTrue(echo.out().startsWith("ERROR"), "17.4: a string starting with ERROR: " + echo);
            }
            Halab.Result again = t.run("servera", "clhalt");
            assertEquals(4, again.exitCode(), "halting a stopped cluster: " + again);
        });
    }

    /** 10.1.1, 19.3: serverb powered off: clform is refused, --force forms alone, serverb joins after boot. */
    @Test
    void withTheOtherNodeOffClformIsRefusedThenForcedAndTheNodeJoinsAfterBoot() throws Exception {
        withLab(t -> {
            t.build();
            Halab.require(t.lab.halab("kill", "serverb"), "halab kill serverb");

            Halab.Result refused = t.run("servera", "clform", "--timeout", "5");
            assertEquals(1, refused.exitCode(), refused.toString());
            List<String> errors = LabTools.texts(refused.err()).stream().filter(l -> l.startsWith("ERROR")).toList();
            assertTrue(errors.size() == 2 && errors.get(0).startsWith("ERROR Unable to start cldaemon on serverb: ")
                    && errors.get(1).equals("ERROR The cluster daemon started on servera has been asked to abort."),
                    refused.toString());
            Halab.await(SHORT, () -> !t.daemonRuns("servera"), () -> "servera's cldaemon was not aborted");

            Halab.Result forced = t.run("servera", "clform", "--timeout", "5", "--force");
            assertEquals(0, forced.exitCode(), forced.toString());
            List<String> out = LabTools.texts(forced.out());
            assertTrue(out.stream().anyMatch(l -> l.startsWith("WARN Unable to start cldaemon on serverb: ")
                    && l.endsWith("; forming without it (--force).")), forced.toString());
            assertTrue(out.contains("INFO Cluster cluster1 started successfully."), forced.toString());
            awaitStat(t, "servera", statUp("UP", "DOWN"));

            Halab.require(t.lab.halab("boot", "serverb"), "halab boot serverb");
            Halab.Result join = t.run("serverb", "clform", "--join");
            assertEquals(0, join.exitCode(), join.toString());
            assertTrue(LabTools.texts(join.out()).contains("INFO Node serverb successfully joined cluster."),
                    join.toString());
            awaitBothUp(t);
            awaitStat(t, "serverb", statUp("UP", "UP"));
        });
    }

    /** 7.2.6: clconf.xml changed after clbuild: clstat, clform and clhalt refuse with the Reference's message. */
    @Test
    void aConfigurationChangedAfterClbuildIsRefusedWithTheReferenceMessage() throws Exception {
        withLab(t -> {
            t.build();
            Halab.Result down = t.run("servera", "clstat");
            assertEquals(4, down.exitCode(), "validated but not running: " + down);
            Halab.require(t.sh("servera", "sed -i 's#<clusterform>20<#<clusterform>25<#' " + LabTools.CLCONF),
                    "edit clconf.xml");
            List<String> message = List.of("ERROR The cluster configuration file",
                    "ERROR /etc/cluster/clconf.xml appears to have been changed",
                    "ERROR but the changes have not yet been validated.",
                    "ERROR Please run the clbuild(1M) command first before",
                    "ERROR running this command again.",
                    "ERROR Please note that if the cluster is already running",
                    "ERROR you will need to use the --force argument. This will",
                    "ERROR not affect running applications.");
            for (String tool : new String[] {"clstat", "clform", "clhalt"}) {
                Halab.Result r = t.run("servera", tool);
                assertEquals(3, r.exitCode(), tool + ": " + r);
                assertEquals(message, LabTools.texts(r.err()), tool + ": " + r);
            }
            assertFalse(t.daemonRuns("servera") || t.daemonRuns("serverb"), "nothing was started");
            Halab.require(t.run("servera", "clbuild"), "clbuild validates the change");
            assertEquals(4, t.run("servera", "clstat").exitCode(), "validated again");
        });
    }

    /** 10.4: clstartup on both nodes at "boot" forms one cluster; the LSB init script starts, stops, reports. */
    @Test
    void clstartupOnBothNodesFormsTheClusterAndTheInitScriptManagesANode() throws Exception {
        withLab(t -> {
            t.build();
            for (String node : new String[] {"servera", "serverb"}) {
                t.lab.put(node, "/etc/cluster/clstartup.xml", LabTools.STARTUP, "644");
                Halab.require(t.sh(node, "cp /opt/linuxha/etc-samples/init/linuxha " + INIT + " && chmod 755 " + INIT),
                        "init script on " + node);
            }
            CompletableFuture<Halab.Result> a = CompletableFuture.supplyAsync(() -> t.run("servera", "clstartup"));
            Halab.Result b = t.run("serverb", "clstartup");
            Halab.Result aResult = a.join();
            assertEquals(0, aResult.exitCode(), aResult.toString());
            assertEquals(0, b.exitCode(), b.toString());
            for (Halab.Result r : List.of(aResult, b)) {
                assertTrue(LabTools.texts(r.out()).contains("INFO Cluster cluster1 started successfully.")
                        || LabTools.texts(r.out()).contains("INFO Node " + (r == b ? "serverb" : "servera")
                        + " successfully joined cluster."), r.toString());
            }
            awaitBothUp(t);
            assertTrue(t.log("servera").contains("Both nodes agree UP")
                    || t.log("servera").contains("joined the cluster"), "one cluster, not two: " + t.log("servera"));

            Halab.Result running = t.run("servera", INIT, "status");
            assertEquals(0, running.exitCode(), running.toString());
            Halab.Result stop = t.run("servera", INIT, "stop");
            assertEquals(0, stop.exitCode(), stop.toString());
            assertTrue(LabTools.texts(stop.out()).contains("INFO Cluster Daemon halted on servera."), stop.toString());
            assertFalse(t.daemonRuns("servera"), "stop took servera out");
            assertEquals("UP", t.ask("serverb", "ECHO"), "serverb stays up");
            Halab.Result stopped = t.run("servera", INIT, "status");
            assertEquals(3, stopped.exitCode(), stopped.toString());
            assertEquals(0, t.run("servera", INIT, "stop").exitCode(), "stopping a stopped node succeeds");

            Halab.Result start = t.run("servera", INIT, "start");
            assertEquals(0, start.exitCode(), start.toString());
            assertTrue(LabTools.texts(start.out()).contains("INFO Join of cldaemon on servera..."),
                    "join_existing_cluster yes: servera joins serverb's cluster (no --force): " + start);
            assertEquals(0, t.run("servera", INIT, "status").exitCode(), "running again");
            awaitBothUp(t);
            assertEquals(0, t.run("servera", INIT, "start").exitCode(), "starting a running node succeeds");

            // Both nodes stopped by their init scripts, then servera boots alone: allow_single_node forms alone.
            Halab.require(t.run("serverb", INIT, "stop"), "stop serverb");
            Halab.require(t.run("servera", INIT, "stop"), "stop servera");
            assertEquals(3, t.run("servera", INIT, "status").exitCode());
            assertEquals(3, t.run("serverb", INIT, "status").exitCode());
            Halab.Result alone = t.run("servera", INIT, "start");
            assertEquals(0, alone.exitCode(), alone.toString());
            assertEquals(0, t.run("servera", INIT, "status").exitCode(), alone.toString());
            awaitStat(t, "servera", statUp("UP", "DOWN"));
            Halab.Result last = t.run("servera", INIT, "stop");
            assertEquals(0, last.exitCode(), last.toString());
            assertEquals(3, t.run("servera", INIT, "status").exitCode());
        });
    }
}
