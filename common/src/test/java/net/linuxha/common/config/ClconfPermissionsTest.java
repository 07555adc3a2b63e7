package net.linuxha.common.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves clconf.xml is refused unless owned by root with no group or other access (7.2.4, 11.2 item 6), using real
 * files, real modes and, when the tests run as root, a real chown to uid 65534 (nobody).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClconfPermissionsTest {

    @TempDir
    Path dir;
    private Path clconf;

    @BeforeEach
    void writeClconf() throws IOException {
        clconf = dir.resolve("clconf.xml");
        Files.writeString(clconf, Samples.read(Samples.etcSamples().resolve("clconf.xml")));
    }

    private static ClconfPermissions ownedBy(int uid) {
        return new ClconfPermissions(file -> uid);
    }

    @Test
    void mode0600OwnedByRootIsAccepted() throws IOException {
        Files.setPosixFilePermissions(clconf, PosixFilePermissions.fromString("rw-------"));
        assertDoesNotThrow(() -> ownedBy(0).check(clconf));
    }

    @Test
    void stricterModesAreAccepted() throws IOException {
        Files.setPosixFilePermissions(clconf, PosixFilePermissions.fromString("r--------"));
        assertDoesNotThrow(() -> ownedBy(0).check(clconf));
    }

    @Test
    void worldReadableIsRefusedWithTheFix() throws IOException {
        Files.setPosixFilePermissions(clconf, PosixFilePermissions.fromString("rw-r--r--"));
        ConfigException e = assertThrows(ConfigException.class, () -> ownedBy(0).check(clconf));
        assertEquals(List.of(clconf + ": has permissions rw-r--r-- (0644); it must have permissions rw------- "
                + "(read/write by owner only) because it holds the cluster key: run \"chmod 600 " + clconf + "\""),
                e.lines());
    }

    @Test
    void groupWritableIsRefused() throws IOException {
        Files.setPosixFilePermissions(clconf, PosixFilePermissions.fromString("rw--w----"));
        ConfigException e = assertThrows(ConfigException.class, () -> ownedBy(0).check(clconf));
        assertEquals(List.of(clconf + ": has permissions rw--w---- (0620); it must have permissions rw------- "
                + "(read/write by owner only) because it holds the cluster key: run \"chmod 600 " + clconf + "\""),
                e.lines());
    }

    @Test
    void wrongOwnerAndModeAreBothReported() throws IOException {
        Files.setPosixFilePermissions(clconf, PosixFilePermissions.fromString("rw-rw-rw-"));
        ConfigException e = assertThrows(ConfigException.class, () -> ownedBy(1000).check(clconf));
        assertEquals(List.of(
                clconf + ": is owned by uid 1000; it must be owned by root because it holds the cluster key: run "
                        + "\"chown root " + clconf + "\"",
                clconf + ": has permissions rw-rw-rw- (0666); it must have permissions rw------- (read/write by owner "
                        + "only) because it holds the cluster key: run \"chmod 600 " + clconf + "\""), e.lines());
    }

    @Test
    void aFileReallyOwnedByNobodyIsRefused() throws IOException {
        assumeTrue(((Integer) Files.getAttribute(dir, "unix:uid")) == 0, "chown needs root");
        Files.setPosixFilePermissions(clconf, PosixFilePermissions.fromString("rw-------"));
        Files.setAttribute(clconf, "unix:uid", 65534);
        ConfigException e = assertThrows(ConfigException.class, () -> ClconfPermissions.system().check(clconf));
        assertEquals(List.of(clconf + ": is owned by uid 65534; it must be owned by root because it holds the cluster "
                + "key: run \"chown root " + clconf + "\""), e.lines());
        Files.setAttribute(clconf, "unix:uid", 0);
        assertDoesNotThrow(() -> ClconfPermissions.system().check(clconf));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nothere.xml");
        ConfigException e = assertThrows(ConfigException.class, () -> ownedBy(0).check(missing));
        assertEquals(List.of(missing + ": the file does not exist; create it (samples are in etc-samples/ of the "
                + "distribution)"), e.lines());
    }

    @Test
    void aDirectoryIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ownedBy(0).check(dir));
        assertEquals(List.of(dir + ": is not a regular file; it must be the cluster configuration file"), e.lines());
    }
}
