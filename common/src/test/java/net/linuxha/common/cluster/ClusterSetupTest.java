package net.linuxha.common.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.config.ConfigException;

@Timeout(30)
class ClusterSetupTest {

    @TempDir
    Path root;

    private ClusterPaths pathsWithSampleClconf(String mode) throws Exception {
        ClusterPaths paths = ClusterPaths.under(root);
        Files.createDirectories(paths.configDir());
        Path sample = findRepoFile("etc-samples/clconf.xml");
        Files.copy(sample, paths.clconf());
        Files.setPosixFilePermissions(paths.clconf(), PosixFilePermissions.fromString(mode));
        return paths;
    }

    @Test
    void loadsThePrivateSampleAndDerivesAWireContextThatToleratesFormationClockSkew() throws Exception {
        ClusterSetup setup = ClusterSetup.load(pathsWithSampleClconf("rw-------"));
        assertEquals("cluster1", setup.config().name());
        assertEquals(ClusterSetup.CLUSTER_REPLAY_WINDOW, setup.wireContext().settings().replayWindow());
        assertTrue(setup.wireContext().settings().replayWindow().toMinutes() > 10,
                "formation must be able to measure a skew of more than ten minutes");
    }

    @Test
    void refusesAClconfReadableByOthers() throws Exception {
        ClusterPaths paths = pathsWithSampleClconf("rw-r--r--");
        ConfigException e = assertThrows(ConfigException.class, () -> ClusterSetup.load(paths));
        assertTrue(e.getMessage().contains(paths.clconf().toString()), e.getMessage());
    }

    @Test
    void aHostOutsideTheClusterIsToldWhichNodesExist() throws Exception {
        ClusterSetup loaded = ClusterSetup.load(pathsWithSampleClconf("rw-------"));
        ClusterSetup elsewhere = new ClusterSetup(loaded.paths(), loaded.config(), loaded.warnings(), "serverz");
        ConfigException e = assertThrows(ConfigException.class, elsewhere::local);
        assertTrue(e.getMessage().contains("\"serverz\" is not one of the cluster's nodes (servera, serverb)"),
                e.getMessage());
    }

    static Path findRepoFile(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(relative))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve(relative);
    }
}
