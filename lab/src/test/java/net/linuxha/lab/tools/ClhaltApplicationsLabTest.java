package net.linuxha.lab.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import net.linuxha.lab.Halab;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * clhalt with a running application (Reference 13.2, 13.3), on the lab demo's apache application (lab/demo/run:
 * app01vg through the storage simulator, clbuildapp --check/--vgbuild/--build/--sync, autostart by clform):
 * {@code --node X} refuses by default, {@code --action failover} moves apache to the other node (the client gets
 * the page from there), {@code --action halt} stops it; the whole-cluster clhalt refuses while it runs and
 * {@code --force} stops it, then the cluster.
 */
@Tag("lab")
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class ClhaltApplicationsLabTest {

    private static final String URL = "http://172.16.177.200/";
    private static final Duration APP = Duration.ofSeconds(90);

    /** The demo's storage and files on servera, clbuild, clbuildapp; returns the page the client should get. */
    private static String apacheApplication(LabTools t) {
        t.configureServera();
        for (String step : new String[] {"simvg create app01vg 1G",
                "for lv in admin docs logs; do lvcreate -L 20M -n $lv app01vg && mkfs.ext4 -q /dev/app01vg/$lv"
                        + " && mkdir -p /apache/$lv && mount /dev/app01vg/$lv /apache/$lv || exit 1; done",
                "cp -r /opt/linuxha/lab/demo/apache/scripts /apache/admin/",
                "echo 'linuxha toolslab page' > /apache/docs/index.html",
                "mkdir -p /etc/cluster/apache && cp /opt/linuxha/etc-samples/apache/*.xml /etc/cluster/apache/"}) {
            Halab.require(t.sh("servera", step), step);
        }
        Halab.require(t.run("servera", "clbuild"), "clbuild");
        for (String action : new String[] {"--check", "--vgbuild", "--build", "--sync"}) {
            Halab.require(t.run("servera", "clbuildapp", "--application", "apache", action),
                    "clbuildapp " + action);
        }
        return "linuxha toolslab page";
    }

    private static String appRow(LabTools t) {
        return t.run("servera", "clstat").out().lines().filter(l -> l.startsWith("apache ")).findFirst().orElse("");
    }

    private static void awaitStartedOn(LabTools t, String node, String page) {
        Halab.await(APP, () -> appRow(t).matches("apache +" + node + " +STARTED .*"),
                () -> "apache not STARTED on " + node + ": " + t.run("servera", "clstat"));
        Halab.await(Duration.ofSeconds(20), () -> page.equals(t.lab.client("curl", "-s", "--max-time", "1", URL)
                .out().strip()), () -> "the client does not get the page from " + node);
    }

    @Test
    void clhaltRefusesFailsOverHaltsAndForcesWithApacheRunning() throws Exception {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root (namespaces, mounts, loop devices)");
        Halab.runWithNewLab(lab -> {
            LabTools t = new LabTools(lab);
            boolean passed = false;
            try {
                String page = apacheApplication(t);
                Halab.Result form = Halab.require(t.run("servera", "clform"), "clform");
                assertTrue(LabTools.texts(form.out()).contains("INFO Cluster daemon on servera accepted the start "
                        + "of application apache (answer OK)."), form.toString());
                awaitStartedOn(t, "servera", page);
                // 11.3.1: one File Systems row per logical volume of apache, from the daemon's lvinfo.
                Halab.Result detail = Halab.require(t.run("servera", "clstat", "--application", "apache"), "clstat -A");
                for (String lv : new String[] {"admin", "docs", "logs"}) {
                    assertTrue(detail.out().lines().anyMatch(l -> l.matches("app01vg/" + lv + " +\\S+ +drbd +\\S+.*")),
                            detail.toString());
                }

                // 13.3: the default action refuses to take out a node running an application.
                Halab.Result refused = t.run("servera", "clhalt", "--node", "servera");
                assertEquals(1, refused.exitCode(), refused.toString());
                assertEquals(List.of("ERROR Unable to remove node servera from cluster - it has",
                        "ERROR 1 applications still running."), LabTools.texts(refused.err()), refused.toString());
                // 13.2: so does the whole-cluster clhalt without --force.
                Halab.Result whole = t.run("serverb", "clhalt");
                assertEquals(1, whole.exitCode(), whole.toString());
                assertEquals(List.of("ERROR Unable to stop cluster - 1 application is still running"),
                        LabTools.texts(whole.err()), whole.toString());
                assertTrue(t.daemonRuns("servera") && t.daemonRuns("serverb"), "nothing was stopped");

                // 13.3 --action failover: apache moves to serverb, then servera's daemon stops.
                Halab.Result failover = t.run("servera", "clhalt", "--node", "servera", "--action", "failover");
                assertEquals(0, failover.exitCode(), failover.toString());
                List<String> lines = LabTools.texts(failover.out()).stream()
                        .map(l -> l.replaceAll("in \\d+ seconds", "in N seconds")).toList();
                assertEquals(List.of("INFO Validated checksum for cluster configuration.",
                        "INFO Attempting to halt cluster cluster1...",
                        "INFO Halting application apache on servera...",
                        "INFO Application apache halted in N seconds.",
                        "INFO SSH communication to serverb will be:",
                        "INFO 172.16.177.2 (\"public\" network)",
                        "INFO Application apache starting on node serverb...",
                        "INFO Application apache started in N seconds.",
                        "INFO Aborting cluster daemon on servera...",
                        "INFO Cluster Daemon halted on servera."), lines, failover.toString());
                assertFalse(t.daemonRuns("servera"), "servera left the cluster");
                assertTrue(t.run("serverb", "clstat").out().lines().anyMatch(l -> l.matches(
                        "apache +serverb +STARTED .*")), t.run("serverb", "clstat").toString());
                awaitStartedOn(t, "serverb", page);
                assertFalse(lab.exec("servera", "ip", "-o", "addr").out().contains("172.16.177.200"),
                        "the service address left servera");

                // 13.3 --action halt: back in the cluster, serverb is taken out with apache stopped.
                Halab.require(t.run("servera", "clform", "--join"), "clform --join servera");
                Halab.Result halt = t.run("servera", "clhalt", "--node", "serverb", "--action", "halt");
                assertEquals(0, halt.exitCode(), halt.toString());
                assertTrue(LabTools.texts(halt.out()).containsAll(List.of("INFO Halting application apache on "
                        + "serverb...", "INFO Aborting cluster daemon on serverb...", "INFO Cluster Daemon halted "
                        + "on serverb.")), halt.toString());
                assertFalse(t.daemonRuns("serverb"), "serverb left the cluster");
                assertTrue(appRow(t).matches("apache +N/A +DOWN .*"), t.run("servera", "clstat").toString());
                assertFalse(lab.exec("serverb", "ip", "-o", "addr").out().contains("172.16.177.200"));

                // 13.2 --force: apache running again on servera; the whole cluster goes down with it stopped.
                Halab.require(t.run("servera", "clform", "--join"), "clform --join serverb");
                Halab.require(t.run("servera", "clrunapp", "--application", "apache"), "clrunapp apache");
                awaitStartedOn(t, "servera", page);
                Halab.Result forced = t.run("serverb", "clhalt", "--force");
                assertEquals(0, forced.exitCode(), forced.toString());
                assertEquals(List.of("INFO Validated checksum for cluster configuration.",
                        "INFO Attempting to halt cluster cluster1...",
                        "INFO Attempting to contact a cluster daemon...",
                        "INFO Connecting to cluster daemon via host serverb",
                        "INFO Attempting to stop application \"apache\" on servera...",
                        "INFO Application \"apache\" has been halted successfully.",
                        "INFO Asking cluster daemons to abort...",
                        "INFO Cluster daemons aborted - cluster cluster1 is DOWN."), LabTools.texts(forced.out()),
                        forced.toString());
                assertFalse(t.daemonRuns("servera") || t.daemonRuns("serverb"));
                assertEquals(4, t.run("servera", "clstat").exitCode());
                assertFalse(lab.exec("servera", "ip", "-o", "addr").out().contains("172.16.177.200"));
                passed = true;
            } finally {
                if (!passed) {
                    System.out.println("=== servera log\n" + t.log("servera") + "=== serverb log\n"
                            + t.log("serverb"));
                }
            }
        });
    }
}
