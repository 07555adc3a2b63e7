package net.linuxha.lab.apps;

import static net.linuxha.lab.Halab.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import net.linuxha.lab.Halab;
import net.linuxha.lab.SampleApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * File systems added, grown and removed while the sample application runs (Reference 18.1.1, 18.3.1, 18.2.1), with
 * the client fetching the page every second throughout:
 * <ol>
 * <li>18.1.1 on servera, where it runs: lvcreate, mkfs, mount of /apache/extra (local storage), then clbuildapp -F
 * --vgbuild and -F --build bring it under DRBD on-line: mounted from a /dev/drbd device, in the fsmap of both nodes,
 * its data still there, its copy on serverb synchronised. Before that, a first --build whose fsck of the new DRBD
 * device fails (a failing fsck first on PATH) is undone: the file system is mounted from its logical volume again
 * and its DRBD resource is down on both nodes.</li>
 * <li>18.3.1: lvextend of app01vg/docs from 20 to 40 MiB on servera, then -F --vgbuild and -F --build: the volume
 * grows on serverb too, the DRBD device and the file system grow. Growing a mounted ext4 needs CAP_SYS_RESOURCE,
 * which a machine running the lab may lack; there the rebuild reports that step's failure and the file system is
 * grown off-line after the move below with drbd_tool --action resize (18.3.2).</li>
 * <li>The application moves to serverb (clhaltapp, clrunapp --node serverb): the new file system and its data, and
 * the grown one, are there.</li>
 * <li>18.2.1 on serverb, where it now runs: umount /apache/extra, -F --vgbuild, -F --build: gone from the fsmap, its
 * DRBD resource stopped and its resource file deleted on both nodes.</li>
 * </ol>
 * The page answers at every fetch except while the application moves.
 */
@Tag("lab")
@Timeout(value = 1200, unit = TimeUnit.SECONDS)
class OnlineStorageLabTest {

    private static final String APP = "apache";
    private static final String IP = SampleApp.SAMPLE.ip();
    private static final String PAGE = "page of apache\n";

    @BeforeAll
    static void needsRoot() {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root");
    }

    /** Fetches the page every second in the background and records failed fetches of the phases that count. */
    private static final class Fetcher implements AutoCloseable {
        final List<String> failures = new CopyOnWriteArrayList<>();
        volatile String phase = "start";
        volatile boolean counting = true;
        private volatile boolean running = true;
        private final Thread thread;

        Fetcher(SampleApp app) {
            thread = new Thread(() -> {
                long end = System.nanoTime() + Duration.ofMinutes(20).toNanos();
                while (running && System.nanoTime() < end) {
                    String got = app.page(IP, "");
                    if (counting && !PAGE.equals(got)) {
                        failures.add(phase + ": got '" + got.strip() + "'");
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "page-fetcher");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(15_000);
        }
    }

    private static long sizeKb(SampleApp app, String node, String mountPoint) {
        return Long.parseLong(app.ok(node, "df -k --output=size " + mountPoint + " | tail -n 1").out().strip());
    }

    private static boolean replicated(SampleApp app, String resource) {
        String status = app.run("servera", "drbdsetup status " + resource).out()
                + app.run("serverb", "drbdsetup status " + resource).out();
        return status.contains("peer-disk:UpToDate") && !status.contains("Inconsistent");
    }

    @Test
    void fileSystemsAddedGrownAndRemovedWhileTheApplicationRuns() throws Exception {
        Halab.runWithNewLab(lab -> {
            SampleApp app = new SampleApp(lab);
            app.cluster();
            app.buildSample(xml -> xml);
            app.form("");
            await(Duration.ofSeconds(120), () -> app.startedOn(APP, "servera") && PAGE.equals(app.page(IP, "")),
                    () -> "apache did not start on servera after clform:\n" + app.diagnosis(APP));
            try (Fetcher fetcher = new Fetcher(app)) {
                // 18.1.1: a new file system, local storage first, then into the cluster
                fetcher.phase = "add";
                app.ok("servera", "lvcreate -L 20M -n extra app01vg && mkfs.ext4 -q /dev/app01vg/extra"
                        + " && mkdir -p /apache/extra && mount /dev/app01vg/extra /apache/extra"
                        + " && echo 'extra data' > /apache/extra/data.txt");
                app.ok("serverb", "mkdir -p /apache/extra");
                app.ok("servera", "clbuildapp -A apache -F -V --vgbuild");
                // a move under DRBD that fails part-way (fsck of the new DRBD device fails) is undone
                app.ok("servera", "mkdir -p /root/failing && printf '#!/bin/sh\\necho injected fsck failure >&2\\n"
                        + "exit 8\\n' > /root/failing/fsck && chmod 755 /root/failing/fsck");
                Halab.Result failed = app.run("servera", "PATH=/root/failing:$PATH clbuildapp -A apache -F -V --build");
                String failure = failed.out() + failed.err();
                assertNotEquals(0, failed.exitCode(), failure);
                assertTrue(failure.contains("they are mounted from their logical volumes again"), failure);
                assertFalse(app.ok("servera", "grep ' /apache/extra ' /proc/self/mounts").out().startsWith("/dev/drbd"),
                        "mounted from its logical volume again");
                assertEquals("extra data\n", app.ok("servera", "cat /apache/extra/data.txt").out());
                for (String node : SampleApp.NODES) {
                    assertFalse(app.run(node, "drbdsetup status apache_app01vg_extra").ok(),
                            "resource down on " + node);
                }
                assertTrue(app.startedOn(APP, "servera"), app.diagnosis(APP));
                String added = app.ok("servera", "clbuildapp -A apache -F -V --build").out();
                assertTrue(added.contains("REBUILD: File system /apache/extra mounted successfully."), added);
                assertTrue(app.ok("servera", "grep ' /apache/extra ' /proc/self/mounts").out()
                        .startsWith("/dev/drbd"), "mounted through DRBD");
                assertEquals("extra data\n", app.ok("servera", "cat /apache/extra/data.txt").out());
                for (String node : SampleApp.NODES) {
                    assertTrue(app.ok(node, "cat /etc/cluster/.resources/fsmap/apache").out()
                            .contains("app01vg:extra:/apache/extra:ext4:"), "fsmap on " + node);
                }
                await(Duration.ofSeconds(120), () -> replicated(app, "apache_app01vg_extra"),
                        () -> "extra is not replicated to serverb:\n" + app.run("servera", "drbdsetup status"));
                assertTrue(app.startedOn(APP, "servera"), app.diagnosis(APP));

                // 18.3.1: a file system grown
                fetcher.phase = "grow";
                long before = sizeKb(app, "servera", "/apache/docs");
                app.ok("servera", "lvextend -L 40M app01vg/docs");
                app.ok("servera", "clbuildapp -A apache -F -V --vgbuild");
                Halab.Result grown = app.run("servera", "clbuildapp -A apache -F -V --build");
                boolean onlineGrowth = app.run("servera", "cap=$(awk '/^CapEff/ { print $2 }' /proc/self/status)"
                        + " && [ $(( (0x$cap >> 24) & 1 )) = 1 ]").ok();
                for (String node : SampleApp.NODES) {
                    assertTrue(app.ok(node, "lvs --noheadings -o lv_size --units m --nosuffix app01vg/docs").out()
                            .strip().startsWith("40"), "app01vg/docs is 40 MiB on " + node);
                }
                System.out.println("on-line growth of a mounted ext4 " + (onlineGrowth ? "possible" : "not possible "
                        + "here (no CAP_SYS_RESOURCE): grown off-line after the move") + "; clbuildapp --build: "
                        + grown.exitCode());
                if (onlineGrowth) {
                    assertEquals(0, grown.exitCode(), grown.toString());
                    assertTrue(sizeKb(app, "servera", "/apache/docs") > before + 15000, "docs grew on-line");
                } else {
                    String all = grown.out() + grown.err();
                    assertTrue(all.contains("resize2fs"), "the failed on-line growth is named:\n" + grown);
                }
                assertTrue(app.startedOn(APP, "servera"), app.diagnosis(APP));

                // the application moves: everything is on serverb
                fetcher.counting = false;
                assertEquals(0, app.run("servera", "clhaltapp -A apache").exitCode());
                Halab.require(app.run("servera", "clrunapp -A apache --node serverb"), "clrunapp --node serverb");
                await(Duration.ofSeconds(60), () -> app.startedOn(APP, "serverb") && PAGE.equals(app.page(IP, "")),
                        () -> "apache did not move to serverb:\n" + app.diagnosis(APP));
                fetcher.phase = "on serverb";
                fetcher.counting = true;
                assertEquals("extra data\n", app.ok("serverb", "cat /apache/extra/data.txt").out());
                if (!onlineGrowth) {
                    fetcher.counting = false;
                    assertEquals(0, app.run("serverb", "clhaltapp -A apache").exitCode());
                    app.ok("serverb", "drbd_tool -A apache --action start && drbd_tool -A apache --action resize"
                            + " && drbd_tool -A apache --action down");
                    Halab.require(app.run("serverb", "clrunapp -A apache --node serverb"), "clrunapp after resize");
                    await(Duration.ofSeconds(60), () -> PAGE.equals(app.page(IP, "")), () -> app.diagnosis(APP));
                    fetcher.counting = true;
                }
                assertTrue(sizeKb(app, "serverb", "/apache/docs") > before + 15000, "docs is grown on serverb");

                // 18.2.1: removed on the node running it
                fetcher.phase = "remove";
                app.ok("serverb", "umount /apache/extra");
                app.ok("serverb", "clbuildapp -A apache -F -V --vgbuild");
                String removed = app.ok("serverb", "clbuildapp -A apache -F -V --build").out();
                assertTrue(removed.contains("apache_app01vg_extra"), removed);
                for (String node : SampleApp.NODES) {
                    assertFalse(app.ok(node, "cat /etc/cluster/.resources/fsmap/apache").out().contains(":extra:"),
                            "extra left the fsmap on " + node);
                    assertFalse(app.run(node, "drbdsetup status apache_app01vg_extra").ok(), "resource down on "
                            + node);
                    assertFalse(app.run(node, "test -e /etc/drbd.d/linuxha/apache_app01vg_extra.res").ok(),
                            "resource file removed on " + node);
                }
                assertTrue(app.startedOn(APP, "serverb"), app.diagnosis(APP));
                assertEquals(PAGE, app.page(IP, ""));
                assertEquals(List.of(), fetcher.failures, "the page answered throughout");
            }
        });
    }
}
