package net.linuxha.lab.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.linuxha.lab.Halab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The newcomer's path through the Reference (7 to 12, 21.3) on the two-node lab, with nothing but the tools and the
 * sample files (etc-samples, lab/demo/apache): app01vg with admin/docs/logs made and mounted on servera, clbuild,
 * clbuildapp --check/--vgbuild/--build/--sync, clform --noapps, then
 * <ul>
 * <li>{@link #buildRunMoveAndRemove}: clrunapp, the client reaches the service at 172.16.177.200, clhaltapp,
 * clstartapp on the other node gives the same page, clhaltapp, clremoveapp: both nodes hold nothing of the
 * application afterwards (no address, mount, DRBD device, configuration, fsmap, resource file or pool entry);</li>
 * <li>{@link #nodeFailureTakeOverAndRejoin}: a page written on the running node and replicated is served by the
 * other node after the running node loses power, within dead + start time + margin, the take-over decided by
 * cldaemon on the survivor; the dead node boots, joins with clform --join as the stale side and is resynchronised
 * (clstat -A apache: no stale volume, every volume "both"/"sync").</li>
 * </ul>
 */
@Tag("lab")
@Timeout(value = 1800, unit = TimeUnit.SECONDS)
class NewcomerPathLabTest {

    private static final String SERVICE = "172.16.177.200";
    private static final Duration TOOL_LIMIT = Duration.ofMinutes(4);
    private static final List<String> NODES = List.of("servera", "serverb");
    /** The sample timings (etc-samples/clconf.xml): a dead node is declared after 12 s without heartbeats. */
    private static final Duration DEAD = Duration.ofSeconds(12);

    @BeforeAll
    static void needsRoot() {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root");
    }

    private static Halab.Result run(Halab lab, String node, String commandLine) {
        return lab.halab(TOOL_LIMIT, Map.of(), "exec", node, "sh", "-c", commandLine);
    }

    private static Halab.Result ok(Halab lab, String node, String commandLine) {
        return Halab.require(run(lab, node, commandLine), node + ": " + commandLine);
    }

    private static String fetch(Halab lab, String file) {
        Halab.Result r = lab.client("curl", "-s", "-f", "--max-time", "1", "http://" + SERVICE + "/" + file);
        return r.ok() ? r.out() : "";
    }

    private static String holder(Halab lab) {
        for (String node : NODES) {
            if (run(lab, node, "ip -4 -o addr").out().contains(" " + SERVICE + "/")) {
                return node;
            }
        }
        return "";
    }

    private static String other(String node) {
        return node.equals("servera") ? "serverb" : "servera";
    }

    /** Quickstart up to a formed cluster with apache built and synchronised; returns the page it serves. */
    private static String buildAndForm(Halab lab) throws Exception {
        lab.put("servera", "/etc/cluster/clconf.xml", Halab.checkoutFile("etc-samples/clconf.xml"),
                "600");
        ok(lab, "servera", "simvg create app01vg 1G >/dev/null && for lv in admin docs logs; do "
                + "lvcreate -L 20M -n $lv app01vg >/dev/null && mkfs.ext4 -q /dev/app01vg/$lv && mkdir -p /apache/$lv "
                + "&& mount /dev/app01vg/$lv /apache/$lv || exit 1; done");
        ok(lab, "servera", "mkdir -p /apache/admin/scripts && cp /opt/linuxha/lab/demo/apache/scripts/* "
                + "/apache/admin/scripts/ && chmod 755 /apache/admin/scripts/*");
        String page = "newcomer page " + System.nanoTime() + "\n";
        lab.put("servera", "/apache/docs/index.html", page, "644");
        for (String file : List.of("appconf.xml", "lems.local.xml", "httpd.xml")) {
            lab.put("servera", "/etc/cluster/apache/" + file,
                    Halab.checkoutFile("etc-samples/apache/" + file), "644");
        }
        ok(lab, "servera", "clbuild");
        for (String action : List.of("check", "vgbuild", "build", "sync")) {
            ok(lab, "servera", "clbuildapp --application apache --" + action);
        }
        Halab.Result form = ok(lab, "servera", "clform --noapps");
        assertTrue(form.out().contains("Cluster cluster1 started successfully."), form.toString());
        return page;
    }

    /** Nothing of a running application on {@code node}: address, mounts, DRBD devices, httpd. */
    private static void assertNotRunning(Halab lab, String node) {
        assertFalse(run(lab, node, "ip -4 -o addr").out().contains(" " + SERVICE + "/"), node + " holds " + SERVICE);
        assertFalse(run(lab, node, "cat /proc/self/mounts").out().contains(" /apache/"), node + " has /apache mounts");
        assertEquals("", ok(lab, node, "drbdsetup status").out().strip(), node + " has DRBD devices up");
        assertFalse(run(lab, node, "pgrep -f 'http[.]server'").ok(), node + " still runs httpd");
    }

    @Test
    void buildRunMoveAndRemove() throws Exception {
        Halab.runWithNewLab(lab -> {
            String page = buildAndForm(lab);

            Halab.Result runapp = ok(lab, "servera", "clrunapp --application apache");
            assertTrue(runapp.out().contains("Application apache started after"), runapp.toString());
            assertTrue(Halab.until(Duration.ofSeconds(20), () -> page.equals(fetch(lab, ""))),
                    "the client gets the page");
            String first = holder(lab);
            assertFalse(first.isEmpty(), "a node holds " + SERVICE);

            ok(lab, first, "clhaltapp --application apache");
            assertNotRunning(lab, first);
            assertFalse(lab.clientPing(SERVICE), "the service address answers nowhere after clhaltapp");

            String second = other(first);
            Halab.Result start = ok(lab, second, "clstartapp --application apache");
            assertTrue(start.out().contains("Application apache started successfully") || start.ok(), start.toString());
            assertTrue(Halab.until(Duration.ofSeconds(20), () -> page.equals(fetch(lab, ""))),
                    "the same page from " + second);
            assertEquals(second, holder(lab));

            ok(lab, second, "clhaltapp --application apache");
            assertNotRunning(lab, second);

            Halab.Result remove = ok(lab, "servera", "clremoveapp --application apache --nobackup --verbose");
            assertTrue(remove.out().contains("Successfully removed application apache from the cluster."),
                    remove.toString());
            for (String node : NODES) {
                assertNotRunning(lab, node);
                assertFalse(run(lab, node, "test -e /etc/cluster/apache").ok(), node + ": /etc/cluster/apache left");
                assertFalse(run(lab, node, "test -e /etc/cluster/.resources/fsmap/apache").ok(), node + ": fsmap left");
                assertFalse(run(lab, node, "test -e /etc/cluster/.status/apache").ok(), node + ": status left");
                assertEquals("", run(lab, node, "ls /etc/drbd.d/linuxha/ | grep '^apache_'").out().strip(),
                        node + ": DRBD resource files left");
                assertEquals("", run(lab, node, "ls /etc/cluster/.resources/ports /etc/cluster/.resources/drbd "
                        + "2>/dev/null | grep '[.]apache[.]'").out().strip(), node + ": pool entries left");
            }
            Halab.Result status = ok(lab, "servera", "clstat");
            assertFalse(status.out().contains("apache"), "apache is no longer registered:\n" + status);
        });
    }

    @Test
    void nodeFailureTakeOverAndRejoin() throws Exception {
        Halab.runWithNewLab(lab -> {
            String page = buildAndForm(lab);
            ok(lab, "servera", "clrunapp --application apache");
            assertTrue(Halab.until(Duration.ofSeconds(20), () -> page.equals(fetch(lab, ""))),
                    "the client gets the page");
            String victim = holder(lab);
            String survivor = other(victim);

            // A file written through the service's file system, replicated before the power loss: sim-flush
            // returns once the peer acknowledged every pending block (protocol C).
            ok(lab, victim, "echo v2 > /apache/docs/v2.html && sync && drbdsetup sim-flush apache_app01vg_docs");

            long t0 = System.nanoTime();
            Halab.require(lab.halab("kill", victim), "halab kill " + victim);
            // dead, plus a probe of the networks, the partition decision and clstartapp (about 15 s here), plus margin
            Duration limit = DEAD.plus(Duration.ofSeconds(60));
            assertTrue(Halab.until(limit, () -> "v2\n".equals(fetch(lab, "v2.html"))), "v2.html from " + survivor
                    + " within " + limit.toSeconds() + " s of the power loss; " + survivor + "'s log:\n"
                    + run(lab, survivor, "tail -30 /var/log/cluster/cldaemon-cluster1.log").out());
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
            assertTrue(seconds >= DEAD.toSeconds(), "not before dead (" + seconds + " s)");
            assertEquals(page, fetch(lab, ""), "the synced copy serves the same index page");
            String log = ok(lab, survivor, "cat /var/log/cluster/cldaemon-cluster1.log").out();
            assertTrue(log.contains("Node " + victim + " is not reachable on any network after"), log);
            assertTrue(log.contains("Starting application apache on " + survivor + " since node " + victim
                    + " has died."), "cldaemon on the survivor decided the take-over:\n" + log);
            assertTrue(ok(lab, survivor, "cat /var/log/cluster/cldaemon.apache.actions.log; "
                    + "cat /var/log/cluster/clstart.apache.log").out().contains("started successfully"),
                    "clstartapp --force ran on " + survivor);
            Halab.Result stale = ok(lab, survivor, "clstat -A apache");
            assertTrue(stale.out().matches("(?s).*apache +" + survivor + " +STARTED .* 3 +.*"),
                    "the three copies on " + victim + " are stale:\n" + stale);

            Halab.require(lab.halab("boot", victim), "halab boot " + victim);
            Halab.Result join = ok(lab, victim, "clform --join");
            assertTrue(join.out().contains("successfully joined"), join.toString());
            assertTrue(Halab.until(Duration.ofMinutes(4), () -> {
                String s = run(lab, survivor, "clstat -A apache").out();
                return s.matches("(?s).*apache +" + survivor + " +STARTED +\\S+ +\\S+ +0 +Yes.*")
                        && s.split("both +drbd +sync", -1).length == 4;
            }), () -> victim + " rejoined but was not resynchronised:\n" + run(lab, survivor, "clstat -A apache")
                    + "\n" + run(lab, survivor, "tail -20 /var/log/cluster/lems/lems-apache.log").out());
            String rejoined = ok(lab, victim, "drbdsetup status").out();
            assertEquals(3, rejoined.lines().filter(l -> l.strip().equals("disk:UpToDate")).count(),
                    "the rejoined node's three copies are UpToDate again:\n" + rejoined);
        });
    }
}
