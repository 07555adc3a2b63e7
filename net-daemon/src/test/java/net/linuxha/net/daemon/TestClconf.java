package net.linuxha.net.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cluster.ClusterSetup;

/** A clconf.xml whose first node is this host, with a public network on the given cards and a drbd network. */
final class TestClconf {

    private TestClconf() {
    }

    static ClusterPaths write(Path root, String publicCards, boolean withClnetdPort) throws IOException {
        return write(root, publicCards, withClnetdPort ? 9850 : -1, 9900);
    }

    /** @param clnetdPort -1 for none */
    static ClusterPaths write(Path root, String publicCards, int clnetdPort, int port) throws IOException {
        ClusterPaths paths = ClusterPaths.under(root);
        Files.createDirectories(paths.clconf().getParent());
        String xml = """
                <?xml version="1.0"?>
                <clconf>
                <global>
                    <name>cluster1</name>
                    <version>0.3</version>
                    <data>replicated</data>
                    <datadetail>drbd</datadetail>
                    <logdir>%s</logdir>
                    <key>testkey</key>
                    <port>%d</port>
                    <clport>9849</clport>
                    %s
                    <portpool>9901,9999</portpool>
                    <maxblockdevs>50</maxblockdevs>
                    <drbd_network>drbd</drbd_network>
                </global>
                <timings><keepalive>3</keepalive><warn>7</warn><dead>12</dead></timings>
                <node><name>%s</name><network name="public" cards="%s"/><network name="drbd" cards="eth2"/></node>
                <node><name>othernode</name><network name="public" cards="eth0"/><network name="drbd" cards="eth2"/></node>
                </clconf>
                """.formatted(root.resolve("log"), port, clnetdPort < 0 ? "" : "<clnetdport>" + clnetdPort
                + "</clnetdport>", ClusterSetup.hostName(), publicCards);
        Files.writeString(paths.clconf(), xml);
        Files.setPosixFilePermissions(paths.clconf(), PosixFilePermissions.fromString("rw-------"));
        return paths;
    }
}
