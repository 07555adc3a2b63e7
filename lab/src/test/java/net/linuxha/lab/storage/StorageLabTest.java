package net.linuxha.lab.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.PrefixedCommandRunner;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.shell.RemoteCommandRunner;
import net.linuxha.common.shell.RemoteShell;
import net.linuxha.common.storage.DrbdAddresses;
import net.linuxha.common.storage.DrbdFiles;
import net.linuxha.common.storage.DrbdResourceFile;
import net.linuxha.common.storage.FsMapEntry;
import net.linuxha.common.storage.ReplicationSlots;
import net.linuxha.lab.Halab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import net.linuxha.common.testing.Wait;

/**
 * The storage layer on the two-node lab (real drbdadm, simulated drbdsetup/LVM, real ext4, mounts, ssh): DRBD
 * addresses found on each node's drbd card, a resource file drbdadm accepts on both nodes, and drbd_tool driving
 * ApplicationStorage: create-md/up/primary --force and mkfs on the primary, sync to the peer with progress to 100 %,
 * failover with the data intact, unmount of a busy file system through fuser -km, growth of the file system seen on
 * both nodes, invalidate_remote.
 */
@Tag("lab")
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class StorageLabTest {

    private static final String APP = "app01";
    private static final FsMapEntry DOCS = new FsMapEntry("app01vg", "docs", Path.of("/app01/docs"), "ext4", "rw",
            20480);
    /** Test-only slots: clbuildapp backs ReplicationSlots with the cluster's resource pools. */
    private static final ReplicationSlots SLOTS = (app, vg, lv) -> new ReplicationSlots.Slot(7789, 0);
    private static final Pattern PERCENT = Pattern.compile("Syncing\\s+([0-9.]+) %");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRoot() {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root");
    }

    private static boolean bothInSync(Halab lab, String node) {
        Halab.Result status = lab.sh(node, "drbd_tool -A " + APP + " --action status");
        return status.ok() && status.out().contains("/app01/docs          both    drbd  Sync");
    }

    @Test
    void applicationStorageOnTwoNodes() throws Exception {
        Halab.runWithNewLab(lab -> {
            Path checkout = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
            String clconf = Files.readString(checkout.resolve("lab/demo/etc/clconf.xml"));
            ClusterConfig config = ClusterConfig.parse(Path.of("clconf.xml"), clconf).config();

            // DRBD addresses as the configurator finds them: ip on servera, ip over ssh on serverb
            CommandRunner inServera = new PrefixedCommandRunner(new ProcessCommandRunner(),
                    List.of(checkout.resolve("lab/halab").toString(), "exec", "servera"));
            String addressA = DrbdAddresses.address(config, "servera", new IpDriver(inServera));
            String addressB = DrbdAddresses.address(config, "serverb",
                    new IpDriver(new RemoteCommandRunner(new RemoteShell(inServera, "serverb"))));
            assertEquals("172.16.178.1", addressA);
            assertEquals("172.16.178.2", addressB);

            ReplicationSlots.Slot slot = SLOTS.slotFor(APP, DOCS.vg(), DOCS.lv());
            DrbdResourceFile resource = new DrbdResourceFile(APP, DOCS, config.dataProtocol(), 4096, slot.minor(),
                    Optional.empty(), List.of(new DrbdResourceFile.Host("servera", 0, addressA, slot.port()),
                    new DrbdResourceFile.Host("serverb", 1, addressB, slot.port())));
            DrbdFiles files = new DrbdFiles(dir);
            files.write(resource);
            for (String node : List.of("servera", "serverb")) {
                lab.put(node, "/etc/cluster/clconf.xml", clconf, "600");
                lab.put(node, "/etc/drbd.d/linuxha.conf", Files.readString(files.topConfig()), "644");
                lab.put(node, "/etc/drbd.d/linuxha/" + resource.name() + ".res", resource.text(), "644");
                lab.put(node, "/etc/cluster/.resources/fsmap/" + APP, DOCS.line() + "\n", "644");
                lab.must(node, "simvg create app01vg 200M && lvcreate -L 20M -n docs app01vg");
                String dump = lab.must(node, "drbdadm -c /etc/drbd.d/linuxha.conf dump " + resource.name()).out();
                assertTrue(dump.contains("address          ipv4 172.16.178.2:7789;"), dump);
            }
            // a new file system through DRBD on the forced primary, with data on it; the first DRBD command starts
            // servera's simulated DRBD agent, with a resync rate limit so that progress can be watched
            lab.must("servera", "HALAB_SIM_SYNC_KBPS=1024 drbd_tool -A app01 --action start --force");
            lab.must("servera", "mkfs.ext4 -q /dev/drbd0 && drbd_tool -A app01 --action mount -V");
            String sum = lab.must("servera", "head -c 12000000 /dev/urandom > /app01/docs/data && echo written-on-a "
                    + "> /app01/docs/file && md5sum < /app01/docs/data").out();
            lab.must("servera", "drbd_tool -A app01 --action unmount && drbd_tool -A app01 --action down");

            // clbuildapp --sync's job: both started, servera the source, progress until in sync, both stopped
            String sync = lab.must("servera", "drbd_tool -A app01 --action sync --interval 1").out();
            List<Double> percents = new ArrayList<>();
            Matcher m = PERCENT.matcher(sync);
            while (m.find()) {
                percents.add(Double.parseDouble(m.group(1)));
            }
            assertTrue(!percents.isEmpty(), "progress was reported while syncing:\n" + sync);
            for (int i = 1; i < percents.size(); i++) {
                assertTrue(percents.get(i) >= percents.get(i - 1), "progress never goes back: " + percents);
            }
            assertTrue(sync.contains("Sync progress: /app01/docs          both    drbd  Sync"), sync);
            assertTrue(sync.contains("0:00:00:"), "an estimated completion time was shown:\n" + sync);

            // serverb takes over (8.6.1 with the remote started too): the data is there
            lab.must("servera", "drbd_tool -A app01 --action start --noprimary");
            lab.must("serverb", "drbd_tool -A app01 --action start && drbd_tool -A app01 --action mount");
            assertEquals("written-on-a\n", lab.must("serverb", "cat /app01/docs/file").out());
            assertEquals(sum, lab.must("serverb", "md5sum < /app01/docs/data").out());

            // a process sitting in the file system is killed so the unmount succeeds
            lab.must("serverb", "cd /app01/docs && setsid sleep 777 </dev/null >/dev/null 2>&1 &");
            Wait.assertWithin(Duration.ofSeconds(10), Wait.SLOWLY,
                    () -> lab.sh("serverb", "pgrep -fx 'sleep 777'").ok(), () -> "the busy process runs");
            String unmount = lab.must("serverb", "drbd_tool -A app01 --action unmount --maxdelay 1 -V").out();
            assertTrue(unmount.contains("unmount failed with: busy"), unmount);
            assertTrue(unmount.contains("(fuser -km)"), unmount);
            assertTrue(unmount.contains("File system /app01/docs un-mounted."), unmount);
            assertTrue(!lab.sh("serverb", "pgrep -fx 'sleep 777'").ok(), "the process using the mount was killed");

            // growth: both logical volumes, the DRBD device and the file system; the fsmap records it on both
            lab.must("serverb", "drbd_tool -A app01 --action resize --vg app01vg --lv docs --size 40M -V");
            for (String node : List.of("servera", "serverb")) {
                assertEquals("app01vg:docs:/app01/docs:ext4:rw:40960\n",
                        lab.must(node, "cat /etc/cluster/.resources/fsmap/app01").out());
                assertTrue(lab.must(node, "lvs --noheadings -o lv_size --units k --nosuffix app01vg/docs").out()
                        .contains("40960"), node + " volume extended");
            }
            lab.must("serverb", "drbd_tool -A app01 --action mount");
            long sizeB = dfKib(lab.must("serverb", "df -k --output=size /app01/docs").out());
            assertTrue(sizeB > 30000, "file system grown on serverb: " + sizeB + " KiB");
            lab.must("serverb", "drbd_tool -A app01 --action unmount");

            // servera re-attaches to see its grown volume, resyncs, and takes the application back
            lab.must("servera", "drbd_tool -A app01 --action down && drbd_tool -A app01 --action start --noprimary");
            Wait.assertWithin(Duration.ofSeconds(60), Wait.SLOWLY, () -> bothInSync(lab, "servera"),
                    () -> "servera back in sync");
            lab.must("serverb", "drbd_tool -A app01 --action down");
            lab.must("servera", "drbd_tool -A app01 --action set_primary && drbd_tool -A app01 --action mount");
            long sizeA = dfKib(lab.must("servera", "df -k --output=size /app01/docs").out());
            assertEquals(sizeB, sizeA, "the grown file system on servera too");
            assertEquals(sum, lab.must("servera", "md5sum < /app01/docs/data").out());
            assertTrue(lab.must("servera", "drbd_tool -A app01 --action status").out()
                    .contains("/app01/docs          local   drbd  Unsync"), "serverb is down: only the local copy");

            // invalidate_remote: the peer's copy is rewritten in full, then both are in sync again
            lab.must("serverb", "drbd_tool -A app01 --action start --noprimary");
            Wait.assertWithin(Duration.ofSeconds(60), Wait.SLOWLY, () -> bothInSync(lab, "servera"),
                    () -> "serverb in sync");
            lab.must("servera", "drbd_tool -A app01 --action invalidate_remote --vg app01vg --lv docs");
            Wait.assertWithin(Duration.ofSeconds(60), Wait.SLOWLY, () -> bothInSync(lab, "servera"),
                    () -> "in sync after invalidate_remote");
            lab.must("servera", "drbd_tool -A app01 --action unmount && drbd_tool -A app01 --action down");
            lab.must("serverb", "drbd_tool -A app01 --action down");
        });
    }

    private static long dfKib(String dfOutput) {
        List<String> lines = dfOutput.strip().lines().toList();
        return Long.parseLong(lines.get(lines.size() - 1).strip());
    }
}
