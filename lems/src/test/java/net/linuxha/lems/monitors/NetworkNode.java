package net.linuxha.lems.monitors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.Loaded;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.ProgramRunner;
import net.linuxha.lems.spi.SystemFiles;

/**
 * A node "servera" under a temporary root for the network and storage modules: clconf.xml with network public on
 * the given cards and drbd on {@code eth2}, and appconf.xml of application apache with the given network element.
 */
final class NetworkNode {

    static final String NODE = "servera";

    final Path root;
    final ClusterPaths paths;
    final ClusterSetup setup;

    NetworkNode(Path root, String publicCards) throws IOException, ConfigException {
        this.root = root;
        this.paths = ClusterPaths.under(root);
        String xml = """
                <?xml version="1.0"?>
                <clconf>
                <global>
                    <name>cluster1</name>
                    <version>0.3</version>
                    <data>replicated</data>
                    <datadetail>drbd</datadetail>
                    <dataprotocol>C</dataprotocol>
                    <logdir>/var/log/cluster</logdir>
                    <key>lemsmonkey</key>
                    <port>9900</port>
                    <clport>9849</clport>
                    <portpool>9901,9999</portpool>
                    <maxblockdevs>50</maxblockdevs>
                    <drbd_network>drbd</drbd_network>
                    <echotype>ICMP</echotype>
                </global>
                <timings><keepalive>3</keepalive><warn>7</warn><dead>12</dead><clusterform>300</clusterform></timings>
                <node><name>servera</name><network name="public" cards="%s"/><network name="drbd" cards="eth2"/></node>
                <node><name>serverb</name><network name="public" cards="eth0"/>
                    <network name="drbd" cards="eth2"/></node>
                </clconf>
                """.formatted(publicCards);
        Files.createDirectories(paths.configDir());
        Files.writeString(paths.clconf(), xml);
        Loaded<ClusterConfig> loaded = ClusterConfig.parse(paths.clconf(), xml);
        this.setup = new ClusterSetup(paths, loaded.config(), List.of(), NODE);
    }

    /** Writes appconf.xml of {@code application} with one {@code <network .../>} element (its attributes). */
    void appconf(String application, String networkAttributes) throws IOException {
        Path file = paths.appconf(application);
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                <?xml version="1.0"?>
                <appconf>
                  <global>
                    <version>0.2</version>
                    <name>%s</name>
                    <takeover>normal</takeover>
                  </global>
                  <networks>
                    <network %s/>
                  </networks>
                </appconf>
                """.formatted(application, networkAttributes));
    }

    MonitorContext context(String check, Clock clock, ProgramRunner programs, MonitorContext.Services services) {
        return new MonitorContext("apache", check, paths, clock, programs,
                new SystemFiles(root.resolve("proc"), root.resolve("etc/passwd")), root.resolve("programs"),
                root.resolve("logs"), services);
    }
}
