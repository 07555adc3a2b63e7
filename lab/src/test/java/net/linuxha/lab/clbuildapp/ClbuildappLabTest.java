package net.linuxha.lab.clbuildapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import net.linuxha.lab.Halab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The newcomer's path of Reference 8 on the two-node lab, with the sample application: clconf.xml from etc-samples,
 * clbuild, app01vg with three mounted ext4 volumes on servera only, the application directory from
 * etc-samples/apache and the demo's scripts; then clbuildapp --check, --vgbuild (serverb gets the volume group and
 * the same logical volumes), --build (resources, fsmap, DRBD resources, checksum and files on both nodes) and
 * --sync (progress, DRBD down on both afterwards). serverb then starts the storage as primary and reads the page
 * written on servera. Failures on the way: a broken appconf.xml, a missing start script, --build before --vgbuild.
 */
@Tag("lab")
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class ClbuildappLabTest {

    private static final String APP = "apache";

    @BeforeAll
    static void needsRoot() {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root");
    }

    private static Halab.Result clbuildapp(Halab lab, String options) {
        return lab.sh("servera", "clbuildapp -A " + APP + " -V " + options);
    }

    private static void assertFails(Halab.Result result, String... texts) {
        assertNotEquals(0, result.exitCode(), "must fail:\n" + result);
        String all = result.out() + result.err();
        for (String text : texts) {
            assertTrue(all.contains(text), "output names \"" + text + "\":\n" + result);
        }
    }

    @Test
    void newcomerBuildsTheSampleApplication() throws Exception {
        Halab.runWithNewLab(lab -> {
            Path checkout = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
            Path samples = checkout.resolve("etc-samples");
            lab.put("servera", "/etc/cluster/clconf.xml", Files.readString(samples.resolve("clconf.xml")), "600");
            lab.must("servera", "clbuild -V");

            // the application's storage, on servera only (8.1: "that node must currently have all the file
            // systems that will contain data to be mounted")
            lab.must("servera", "simvg create app01vg 200M");
            for (String lv : List.of("admin", "docs", "logs")) {
                lab.must("servera", "lvcreate -L 20M -n " + lv + " app01vg && mkfs.ext4 -q /dev/app01vg/" + lv
                        + " && mkdir -p /apache/" + lv + " && mount /dev/app01vg/" + lv + " /apache/" + lv);
            }
            lab.must("servera", "echo 'hello from servera' > /apache/docs/index.html"
                    + " && head -c 12000000 /dev/urandom > /apache/docs/big && md5sum < /apache/docs/big"
                    + " > /root/big.md5");
            for (String script : List.of("startapp", "shutdown", "restart")) {
                lab.put("servera", "/apache/admin/scripts/" + script, Files.readString(checkout.resolve(
                        "lab/demo/apache/scripts/" + script)), "755");
            }
            for (String file : List.of("appconf.xml", "lems.local.xml", "httpd.xml")) {
                lab.put("servera", "/etc/cluster/apache/" + file, Files.readString(samples.resolve("apache/" + file)),
                        "644");
            }
            String appconf = Files.readString(samples.resolve("apache/appconf.xml"));

            // a broken appconf.xml is a configuration error naming the file and the element
            lab.put("servera", "/etc/cluster/apache/appconf.xml", appconf.replace("<syncrate>2000</syncrate>",
                    "<syncrate>fast</syncrate>"), "644");
            Halab.Result broken = clbuildapp(lab, "--check");
            assertEquals(3, broken.exitCode(), broken.toString());
            assertFails(broken, "/etc/cluster/apache/appconf.xml", "syncrate");
            lab.put("servera", "/etc/cluster/apache/appconf.xml", appconf, "644");

            // a missing start script
            lab.must("servera", "mv /apache/admin/scripts/startapp /apache/admin/scripts/startapp.away");
            assertFails(clbuildapp(lab, "--check"), "The start script /apache/admin/scripts/startapp of apache "
                    + "does not exist on servera", "Fix: ");
            lab.must("servera", "mv /apache/admin/scripts/startapp.away /apache/admin/scripts/startapp");

            // --check passes; serverb lacks the volume group, which --vgbuild will create (simulated LVM)
            String checked = lab.must("servera", "clbuildapp -A apache -V --check").out();
            assertTrue(checked.contains("Validated clconf.xml is consistent on both nodes"), checked);
            assertTrue(checked.contains("checking if app01vg/docs mounted as /apache/docs... yes (ext4"), checked);
            assertTrue(checked.contains("VG: app01vg Used LVs: 3 Not Used LVs: 0"), checked);
            assertTrue(checked.contains("WARN") && checked.contains("Volume group app01vg does not exist on "
                    + "serverb"), checked);
            assertTrue(checked.contains("servera available: PORTS: 99, DRBD: 50"), checked);
            assertTrue(checked.contains("Service IP address 172.16.177.200 is not in use (good)"), checked);
            assertTrue(checked.contains("Application apache checked without errors"), checked);
            assertFalse(lab.sh("servera", "test -e /etc/cluster/.resources/fsmap/apache").ok(), "--check changes "
                    + "nothing");

            // --build before --vgbuild: the volume group is missing on serverb
            assertFails(clbuildapp(lab, "--build"), "Volume group app01vg does not exist on serverb",
                    "The --vgbuild stage has not been run for application apache");

            String vgbuild = lab.must("servera", "clbuildapp -A apache -V --vgbuild").out();
            assertTrue(vgbuild.contains("VG app01vg does not contain LV docs on serverb - creating..."), vgbuild);
            assertTrue(vgbuild.contains("Now run with the --build to ensure all required resources"), vgbuild);
            for (String node : List.of("servera", "serverb")) {
                String lvs = lab.must(node, "lvs --noheadings -o lv_name,lv_size --units k --nosuffix app01vg").out();
                for (String lv : List.of("admin", "docs", "logs")) {
                    assertTrue(lvs.matches("(?s).*\\b" + lv + "\\s+20480[.0-9]*\\s.*"), node + " " + lv + ":\n" + lvs);
                    assertTrue(lvs.contains(lv + "_meta"), node + " meta volume of " + lv + ":\n" + lvs);
                }
            }

            String built = lab.must("servera", "clbuildapp -A apache -V --build").out();
            assertTrue(built.contains("Host/VG/LV serverb/app01vg/docs allocated port"), built);
            assertTrue(built.contains("Cluster build has completed successfully."), built);
            String fsmap = lab.must("servera", "cat /etc/cluster/.resources/fsmap/apache").out();
            assertTrue(fsmap.contains("app01vg:docs:/apache/docs:ext4:"), fsmap);
            assertTrue(fsmap.contains(":20480\n"), fsmap);
            assertEquals(fsmap, lab.must("serverb", "cat /etc/cluster/.resources/fsmap/apache").out());
            for (String file : List.of(".appbuild.md5", "appconf.xml", "lems.local.xml", "httpd.xml")) {
                assertEquals(lab.must("servera", "md5sum < /etc/cluster/apache/" + file).out(),
                        lab.must("serverb", "md5sum < /etc/cluster/apache/" + file).out(), file + " on both");
            }
            for (String node : List.of("servera", "serverb")) {
                assertEquals("3", lab.must(node, "ls /etc/cluster/.resources/ports | grep -c '\\.apache\\.app01vg\\.'")
                        .out().strip(), node + " ports");
                assertEquals("3", lab.must(node, "ls /etc/cluster/.resources/drbd | grep -c '\\.apache\\.app01vg\\.'")
                        .out().strip(), node + " minors");
                lab.must(node, "drbdadm -c /etc/drbd.d/linuxha.conf dump apache_app01vg_docs >/dev/null");
                lab.must(node, "test -d /apache/logs");
            }
            assertFails(clbuildapp(lab, "--build"), "appears to be built already", "--force");

            String sync = lab.must("servera", "HALAB_SIM_SYNC_KBPS=3072 clbuildapp -A apache -V --sync").out();
            assertTrue(sync.contains("File system /apache/docs un-mounted"), sync);
            assertTrue(sync.contains("Sync status: Devices sync'ed: 3, Devices unsync'ed: 0"), sync);
            assertTrue(sync.contains("% completed"), "progress with a percentage:\n" + sync);
            assertTrue(sync.contains("Successfully Synchronised data from servera to serverb"), sync);
            for (String node : List.of("servera", "serverb")) {
                assertEquals("", lab.must(node, "drbdsetup status").out().strip(), "DRBD down on " + node);
            }

            // serverb can run the application's storage: it starts as primary and holds servera's data
            lab.must("servera", "drbd_tool -A apache --action start --noprimary");
            lab.must("serverb", "drbd_tool -A apache --action start && drbd_tool -A apache --action mount");
            assertEquals("hello from servera\n", lab.must("serverb", "cat /apache/docs/index.html").out());
            assertEquals(lab.must("servera", "cat /root/big.md5").out(),
                    lab.must("serverb", "md5sum < /apache/docs/big").out());
            lab.must("serverb", "drbd_tool -A apache --action unmount && drbd_tool -A apache --action down");
            lab.must("servera", "drbd_tool -A apache --action down");
        });
    }
}
