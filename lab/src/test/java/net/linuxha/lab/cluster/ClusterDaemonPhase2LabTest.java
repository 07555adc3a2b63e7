package net.linuxha.lab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The cluster daemon's supervision and reactions on two real nodes (10.1, 5.6-5.7, 21.2.1, 24.1): the cluster is
 * formed with the sample clconf.xml (clport and clnetdport set), so each cldaemon starts its node's cllockd and
 * clnetd through their launchers; application "demo" runs on servera (its service address is held there) with a
 * lems.local.xml, so cldaemon starts its Lems, and starts it again after it is killed with SIGKILL; NETWORK_FAILED
 * for a network no application uses changes nothing and is logged; APP_STATUS lvinfo=yes goes to the real storage
 * layer (demo has no fsmap, so the answer is the error naming it).
 */
@Tag("lab")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ClusterDaemonPhase2LabTest {

    private static final Duration FORM = Duration.ofSeconds(40);
    private static final int LEMS_PORT = 9911;
    private static final String LEMS_LOCAL = """
            <?xml version="1.0"?>
            <lems_config>
              <globals port="%d"/>
              <check>
                <name>flag_check</name>
                <type>internal</type>
                <module>flag_check demo</module>
                <interval>5</interval>
                <action_list>
                  <action rc="0" action="NOP"/>
                  <action rc="1" action="%%RCDATA%%"/>
                  <action rc="2" action="ABORT"/>
                </action_list>
              </check>
            </lems_config>
            """.formatted(LEMS_PORT);

    @Test
    void siblingsAreStartedLemsIsKeptRunningAndAnUnusedNetworkFailureMovesNothing() throws Exception {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root (namespaces, mounts)");
        Halab.runWithNewLab(lab -> {
            LabCluster c = new LabCluster(lab);
            c.configure();
            c.demoApplication();
            for (String node : new String[] {"servera", "serverb"}) {
                lab.put(node, "/etc/cluster/demo/lems.local.xml", LEMS_LOCAL, "644");
            }
            c.holdServiceAddress("servera");
            try {
                formBoth(c);
                Wait.assertWithin(FORM, Wait.SLOWLY, () -> c.ask("servera", "GET_NODE_STATE node=serverb").equals("UP")
                        && c.ask("serverb", "GET_NODE_STATE node=servera").equals("UP"), () -> "cluster not UP");

                for (String node : new String[] {"servera", "serverb"}) {
                    String ps = lab.sh(node, "ps -eo pid,args | grep -v grep").out();
                    assertTrue(ps.contains("-Dlinuxha.process=cllockd-cluster1"), node + " runs cllockd:\n" + ps);
                    assertTrue(ps.contains("-Dlinuxha.process=clnetd-cluster1"), node + " runs clnetd:\n" + ps);
                    String log = c.log(node);
                    assertTrue(log.contains("Locking daemon is not running - will attempt to start."), log);
                    assertTrue(log.contains("Successfully started locking daemon."), log);
                    assertTrue(log.contains("Successfully started network daemon."), log);
                }

                Wait.assertWithin(Duration.ofSeconds(60), Wait.SLOWLY, () -> !lemsPid(c).isEmpty()
                        && c.ask("servera", "APP_STATUS app=demo").startsWith("STARTED,servera,1,"),
                        () -> "cldaemon did not start Lems for demo: " + c.ask("servera", "APP_STATUS app=demo")
                                + "\n" + c.log("servera"));
                String first = lemsPid(c);
                Halab.require(lab.exec("servera", "kill", "-KILL", first), "SIGKILL of Lems " + first);
                Wait.assertWithin(Duration.ofSeconds(60), Wait.SLOWLY, () -> {
                    String now = lemsPid(c);
                    return !now.isEmpty() && !now.equals(first);
                }, () -> "Lems not restarted after SIGKILL; log:\n" + c.log("servera"));
                assertTrue(c.log("servera").contains("Lems for application demo is not running (nothing answers "
                        + "on port " + LEMS_PORT + ") - starting it"), c.log("servera"));
                Wait.assertWithin(Duration.ofSeconds(20), Wait.SLOWLY, () -> c.ask("servera", "APP_STATUS app=demo")
                        .startsWith("STARTED,servera,1,"), () -> "monitor column: "
                        + c.ask("servera", "APP_STATUS app=demo"));

                assertEquals("OK", c.ask("servera", "NETWORK_FAILED network=drbd"));
                Wait.assertWithin(Duration.ofSeconds(10), Wait.SLOWLY,
                        () -> c.log("servera").contains("Network drbd has failed "
                        + "on this node (no working card left); no application running here uses it"),
                        () -> c.log("servera"));
                assertTrue(c.ask("servera", "APP_STATUS app=demo").startsWith("STARTED,servera,"),
                        "demo stays where it is");
                assertTrue(c.ask("serverb", "APP_STATUS app=demo").startsWith("STARTED,servera,"));

                String lvinfo = c.ask("servera", "APP_STATUS app=demo lvinfo=yes");
                assertTrue(lvinfo.startsWith("ERROR cannot read the volumes of demo") && lvinfo.contains("fsmap"),
                        "the real storage layer answers: " + lvinfo);
            } finally {
                System.out.println("=== servera log\n" + c.log("servera") + "=== serverb log\n" + c.log("serverb"));
                c.stopDaemon("servera");
                c.stopDaemon("serverb");
                for (String node : new String[] {"servera", "serverb"}) {
                    for (String process : new String[] {"lems-demo", "cllockd-cluster1", "clnetd-cluster1"}) {
                        String pids = lab.sh(node, "pgrep -f -- '-Dlinuxha[.]process=" + process + " '").out().trim();
                        for (String pid : pids.split("\\s+")) {
                            if (!pid.isEmpty()) {
                                lab.exec(node, "kill", "-9", pid);
                            }
                        }
                    }
                }
            }
        });
    }

    private static void formBoth(LabCluster c) {
        String[] args = {"--form", "--verbose", "--detach"};
        CompletableFuture<Halab.Result> a = CompletableFuture.supplyAsync(() -> c.cldaemon("servera", "", args));
        Halab.Result b = c.cldaemon("serverb", "", args);
        Halab.require(a.join(), "cldaemon --form on servera");
        Halab.require(b, "cldaemon --form on serverb");
    }

    /** The PID of servera's lems-demo JVM, or empty. The bracket keeps pgrep's own shell from matching. */
    private static String lemsPid(LabCluster c) {
        return c.lab.sh("servera", "pgrep -f -- '-Dlinuxha[.]process=lems-demo ' | head -n 1").out().trim();
    }
}
