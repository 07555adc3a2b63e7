package net.linuxha.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Proves every file shipped in etc-samples/ loads without error or warning, and the lab's values are as planned. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EtcSamplesTest {

    @Test
    void everySampleLoadsWithoutErrorsOrWarnings() throws IOException, ConfigException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Samples.etcSamples())) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertEquals(6, files.size(), "samples: " + files);
        List<String> warnings = new ArrayList<>();
        for (Path file : files) {
            warnings.addAll(load(file).warningLines());
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void labClusterHasTheAgreedTopology() throws ConfigException {
        ClusterConfig c = ClusterConfig.load(Samples.etcSamples().resolve("clconf.xml")).config();
        assertEquals("cluster1", c.name());
        assertEquals(List.of("servera", "serverb"), c.nodes().stream().map(ClusterNode::name).toList());
        for (ClusterNode node : c.nodes()) {
            assertEquals(List.of("eth0", "eth1"), node.network("public").orElseThrow().cards());
            assertEquals(List.of("eth2"), node.network("drbd").orElseThrow().cards());
        }
        assertEquals(9900, c.port());
        assertEquals(9849, c.clPort().orElseThrow());
        assertEquals(9850, c.clnetdPort().orElseThrow());
        assertEquals(new PortPool(9901, 9999), c.portPool());
        assertEquals(50, c.maxBlockDevs());
        assertEquals(new Timings(Duration.ofSeconds(3), Duration.ofSeconds(7), Duration.ofSeconds(12),
                Duration.ofSeconds(300)), c.timings());
    }

    @Test
    void labApacheApplicationFitsTheLabCluster() throws ConfigException {
        Path dir = Samples.etcSamples().resolve("apache");
        ApplicationConfig a = ApplicationConfig.load(dir.resolve("appconf.xml")).config();
        assertEquals(List.of(new ApplicationNetwork("public", List.of("172.16.177.200"), Optional.of("255.255.255.0"),
                Optional.empty(), List.of(), 100, Optional.empty(), Optional.empty())), a.networks());
        assertEquals(List.of(new VolumeGroup("app01vg", "filesystems")), a.volumeGroups());
        ClusterConfig cluster = ClusterConfig.load(Samples.etcSamples().resolve("clconf.xml")).config();
        Validation v = ApplicationClusterCheck.check(dir.resolve("appconf.xml"), a, cluster);
        assertTrue(v.ok(), v.toString());
        assertEquals(List.of(), v.warnings());
        LemsConfig lems = LemsConfig.load(dir.resolve("lems.local.xml")).config();
        Path procmonFile = Path.of(lems.check("httpd").orElseThrow().arguments().get(0));
        assertEquals(Path.of("/etc/cluster/apache/httpd.xml"), procmonFile);
        assertTrue(Files.exists(dir.resolve(procmonFile.getFileName())), "the procmon file the httpd check names");
    }

    /** Picks the binder by file name, or by root element for procmon files. */
    static Loaded<?> load(Path file) throws ConfigException {
        String name = file.getFileName().toString();
        return switch (name) {
            case "clconf.xml" -> ClusterConfig.load(file);
            case "cllocks.xml" -> LockConfig.load(file);
            case "clstartup.xml" -> StartupConfig.load(file);
            case "appconf.xml" -> ApplicationConfig.load(file);
            case "lems.local.xml" -> LemsConfig.load(file);
            default -> ProcmonConfig.load(file);
        };
    }
}
