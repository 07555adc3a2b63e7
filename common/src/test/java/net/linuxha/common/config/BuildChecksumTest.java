package net.linuxha.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.linuxha.common.ClusterPaths;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the build checksums detect a configuration changed after clbuild/clbuildapp validated it (7.2.6, 8.5),
 * are md5sum-compatible, are written atomically, and give the Reference's messages.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BuildChecksumTest {

    @TempDir
    Path root;
    private ClusterPaths paths;

    @BeforeEach
    void install() throws IOException {
        paths = ClusterPaths.under(root);
        Files.createDirectories(paths.applicationDir("apache"));
        Files.writeString(paths.clconf(), Samples.read(Samples.etcSamples().resolve("clconf.xml")));
        Files.writeString(paths.appconf("apache"), Samples.read(Samples.etcSamples().resolve("apache/appconf.xml")));
    }

    @Test
    void clusterChecksumGoesFromNotBuiltToValidToChanged() throws IOException {
        BuildChecksum checksum = BuildChecksum.cluster(paths);
        assertEquals(paths.clusterBuildChecksum(), checksum.checksumFile());
        assertEquals(BuildStatus.NOT_BUILT, checksum.status());
        checksum.record();
        assertEquals(BuildStatus.VALID, checksum.status());
        Files.writeString(paths.clconf(), Files.readString(paths.clconf()).replace("<dead>12</dead>",
                "<dead>15</dead>"));
        assertEquals(BuildStatus.CHANGED, checksum.status());
        checksum.record();
        assertEquals(BuildStatus.VALID, checksum.status());
    }

    @Test
    void checksumFileIsTheMd5sumLineOfTheFile() throws Exception {
        BuildChecksum checksum = BuildChecksum.cluster(paths);
        checksum.record();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(Files.readAllBytes(paths.clconf())));
        assertEquals(expected + "  clconf.xml\n", Files.readString(paths.clusterBuildChecksum()));
        assertEquals(Optional.of(expected), checksum.recorded());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                paths.clusterBuildChecksum())));
    }

    @Test
    void md5MatchesAKnownVector() {
        assertEquals("9e107d9d372bb6826bd81d3542a419d6", BuildChecksum.md5Hex(
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aDamagedChecksumFileCountsAsChanged() throws IOException {
        BuildChecksum checksum = BuildChecksum.cluster(paths);
        Files.writeString(paths.clusterBuildChecksum(), "");
        assertEquals(BuildStatus.CHANGED, checksum.status());
        Files.writeString(paths.clusterBuildChecksum(), "not-a-checksum\n");
        assertEquals(BuildStatus.CHANGED, checksum.status());
        assertEquals(Optional.empty(), checksum.recorded());
    }

    @Test
    void applicationChecksumIsKeptApartFromTheCluster() throws IOException {
        BuildChecksum cluster = BuildChecksum.cluster(paths);
        BuildChecksum app = BuildChecksum.application(paths, "apache");
        assertEquals(paths.applicationBuildChecksum("apache"), app.checksumFile());
        app.record();
        assertEquals(BuildStatus.VALID, app.status());
        assertEquals(BuildStatus.NOT_BUILT, cluster.status());
        Files.writeString(paths.appconf("apache"), Files.readString(paths.appconf("apache")) + "\n");
        assertEquals(BuildStatus.CHANGED, app.status());
        app.remove();
        assertEquals(BuildStatus.NOT_BUILT, app.status());
    }

    @Test
    void recordLeavesNoTemporaryFiles() throws IOException {
        BuildChecksum checksum = BuildChecksum.cluster(paths);
        checksum.record();
        checksum.record();
        try (Stream<Path> files = Files.list(paths.configDir())) {
            assertEquals(List.of(".clbuild.md5", "apache", "clconf.xml"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void clusterChangedMessageIsTheReferencesClstatText() {
        BuildChecksum checksum = BuildChecksum.cluster(ClusterPaths.under(Path.of("/")));
        assertEquals(List.of(
                "The cluster configuration file",
                "/etc/cluster/clconf.xml appears to have been changed",
                "but the changes have not yet been validated.",
                "Please run the clbuild(1M) command first before",
                "running this command again.",
                "Please note that if the cluster is already running",
                "you will need to use the --force argument. This will",
                "not affect running applications."), checksum.messageLines(BuildStatus.CHANGED));
        assertEquals(List.of(), checksum.messageLines(BuildStatus.VALID));
        assertEquals(List.of(
                "The cluster configuration file",
                "/etc/cluster/clconf.xml has not been validated yet",
                "(/etc/cluster/.clbuild.md5 is missing).",
                "Please run the clbuild(1M) command first before",
                "running this command again."), checksum.messageLines(BuildStatus.NOT_BUILT));
    }

    @Test
    void applicationMessagesNameTheCommandToRun() {
        BuildChecksum checksum = BuildChecksum.application(ClusterPaths.under(Path.of("/")), "apache");
        assertEquals(List.of(
                "The configuration file for this application has been altered",
                "but the --build stage has not yet been rerun. Do that first:",
                "clbuildapp --application apache --build --force",
                "(/etc/cluster/apache/appconf.xml does not match /etc/cluster/apache/.appbuild.md5)"),
                checksum.messageLines(BuildStatus.CHANGED));
        assertEquals(List.of(
                "Application apache has not been built",
                "(/etc/cluster/apache/.appbuild.md5 is missing).",
                "Run clbuildapp --application apache with --check, --vgbuild and --build first."),
                checksum.messageLines(BuildStatus.NOT_BUILT));
    }
}
