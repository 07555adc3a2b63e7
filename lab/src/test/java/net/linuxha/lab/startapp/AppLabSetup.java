package net.linuxha.lab.startapp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.linuxha.common.config.DataProtocol;
import net.linuxha.common.storage.DrbdResourceFile;
import net.linuxha.common.storage.FsMapEntry;
import net.linuxha.lab.Halab;

/**
 * The sample application "apache" on the lab's two nodes without clbuildapp (written in parallel): clconf.xml from
 * etc-samples validated by clbuild, volume group app01vg with admin/docs/logs on both nodes, appconf.xml and its
 * build checksum, the fsmap and one DRBD resource file per file system on both nodes (fixed ports and minors in
 * place of clbuildapp's resource pools), then the file systems made through DRBD on servera with the demo's scripts
 * and an index.html, and synchronised to serverb as clbuildapp --sync does.
 */
final class AppLabSetup {

    static final String APP = "apache";
    static final List<String> NODES = List.of("servera", "serverb");
    static final List<String> VOLUMES = List.of("admin", "docs", "logs");
    static final int FIRST_PORT = 9901;
    static final String PAGE = "startapp lab page\n";
    /** Where test scripts live on both nodes (outside the replicated file systems). */
    static final String TEST_SCRIPTS = "/etc/cluster/apache/test";

    private final Halab lab;

    AppLabSetup(Halab lab) {
        this.lab = lab;
    }

    /** A command that may run long (a start script at its limit): up to {@code limit}. */
    static Halab.Result slow(Halab lab, Duration limit, String node, String commandLine) {
        return lab.halab(limit, Map.of(), "exec", node, "sh", "-c", commandLine);
    }

    void build() {
        String clconf = Halab.checkoutFile("etc-samples/clconf.xml");
        for (String node : NODES) {
            lab.put(node, "/etc/cluster/clconf.xml", clconf, "600");
        }
        lab.must("servera", "clbuild");
        List<String> fsmap = new ArrayList<>();
        List<DrbdResourceFile> resources = new ArrayList<>();
        for (int i = 0; i < VOLUMES.size(); i++) {
            FsMapEntry entry = new FsMapEntry("app01vg", VOLUMES.get(i), Path.of("/apache/" + VOLUMES.get(i)), "ext4",
                    "rw", 20480);
            fsmap.add(entry.line());
            resources.add(new DrbdResourceFile(APP, entry, DataProtocol.C, 2000, i, Optional.empty(), List.of(
                    new DrbdResourceFile.Host("servera", 0, "172.16.178.1", FIRST_PORT + i),
                    new DrbdResourceFile.Host("serverb", 1, "172.16.178.2", FIRST_PORT + i))));
        }
        for (String node : NODES) {
            lab.must(node, "simvg create app01vg 200M >/dev/null && for lv in admin docs logs; do "
                    + "lvcreate -L 20M -n $lv app01vg >/dev/null || exit 1; done");
            for (String file : List.of("appconf.xml", "lems.local.xml", "httpd.xml")) {
                lab.put(node, "/etc/cluster/apache/" + file,
                        Halab.checkoutFile("etc-samples/apache/" + file), "644");
            }
            lab.must(node, "cd /etc/cluster/apache && md5sum appconf.xml > .appbuild.md5");
            lab.put(node, "/etc/cluster/.resources/fsmap/apache", String.join("\n", fsmap) + "\n", "644");
            lab.put(node, "/etc/drbd.d/linuxha.conf", "global { usage-count no; }\ninclude \"linuxha/*.res\";\n",
                    "644");
            for (DrbdResourceFile resource : resources) {
                lab.put(node, "/etc/drbd.d/linuxha/" + resource.name() + ".res", resource.text(), "644");
            }
        }
        lab.must("servera", "drbd_tool -A apache --action start --force");
        lab.must("servera", "for i in 0 1 2; do mkfs.ext4 -q /dev/drbd$i || exit 1; done");
        lab.must("servera", "drbd_tool -A apache --action mount");
        lab.must("servera", "mkdir -p /apache/admin/scripts && cp /opt/linuxha/lab/demo/apache/scripts/* "
                + "/apache/admin/scripts/ && chmod 755 /apache/admin/scripts/*");
        lab.put("servera", "/apache/docs/index.html", PAGE, "644");
        lab.must("servera", "drbd_tool -A apache --action unmount && drbd_tool -A apache --action down");
        Halab.require(slow(lab, Duration.ofMinutes(3), "servera", "drbd_tool -A apache --action sync --interval 1"),
                "initial synchronisation");
    }

    /** Points appconf.xml's start or stop script at a test script on both nodes, and records the checksum. */
    void useScript(String element, String name, String body) {
        for (String node : NODES) {
            lab.put(node, TEST_SCRIPTS + "/" + name, "#!/bin/sh\n" + body + "\n", "755");
            lab.must(node, "cd /etc/cluster/apache && cp -n appconf.xml appconf.sample && sed -i "
                    + "'s#<" + element + ">.*</" + element + ">#<" + element + ">" + TEST_SCRIPTS + "/" + name
                    + "</" + element + ">#' appconf.xml && md5sum appconf.xml > .appbuild.md5");
        }
    }

    /** The sample appconf.xml again. */
    void sampleScripts() {
        for (String node : NODES) {
            lab.must(node, "cd /etc/cluster/apache && if [ -f appconf.sample ]; then cp appconf.sample appconf.xml; "
                    + "fi && md5sum appconf.xml > .appbuild.md5");
        }
    }
}
