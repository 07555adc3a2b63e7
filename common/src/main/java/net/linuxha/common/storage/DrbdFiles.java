package net.linuxha.common.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.config.AtomicFiles;

/**
 * Where the product's DRBD configuration lives on a node, and writing it:
 *
 * <pre>
 * /etc/drbd.d/linuxha.conf          top-level file: global { usage-count no; } include "linuxha/*.res";
 * /etc/drbd.d/linuxha/RES.res       one resource per replicated logical volume ({@link DrbdResourceFile})
 * </pre>
 *
 * Every drbdadm call of the product passes {@code -c /etc/drbd.d/linuxha.conf}, so the product sees exactly its own
 * resources whatever else {@code /etc/drbd.conf} holds, never asks the DRBD usage survey, and works the same in the
 * lab (whose drbdadm is the real one with a simulated drbdsetup). The {@code .conf} suffix keeps the stock
 * {@code /etc/drbd.conf} (which includes {@code drbd.d/*.res}) from reading it twice. By hand:
 * {@code drbdadm -c /etc/drbd.d/linuxha.conf status}.
 */
public record DrbdFiles(Path dir) {

    static final String TOP_CONFIG = """
            # linuxha: the DRBD resources of linuxha applications. Every linuxha drbdadm call passes
            # -c /etc/drbd.d/linuxha.conf; by hand use: drbdadm -c /etc/drbd.d/linuxha.conf status
            global {
                usage-count no;
            }
            include "linuxha/*.res";
            """;

    public DrbdFiles {
        Objects.requireNonNull(dir, "dir");
    }

    public static DrbdFiles of(ClusterPaths paths) {
        return new DrbdFiles(paths.drbdConfigDir());
    }

    /** The file every drbdadm call names with {@code -c}. */
    public Path topConfig() {
        return dir.resolve("linuxha.conf");
    }

    public Path resourceDir() {
        return dir.resolve("linuxha");
    }

    public Path resourceFile(String resource) {
        return resourceDir().resolve(resource + ".res");
    }

    /** Writes the top-level file (if different) and the resource file, atomically, mode 0644. */
    public Path write(DrbdResourceFile resource) throws IOException {
        Files.createDirectories(resourceDir());
        if (!Files.exists(topConfig()) || !Files.readString(topConfig()).equals(TOP_CONFIG)) {
            writeFile(topConfig(), TOP_CONFIG);
        }
        Path file = resourceFile(resource.name());
        writeFile(file, resource.text());
        return file;
    }

    /** Removes a resource's file (18.2: a file system left the application); true if it existed. */
    public boolean remove(String resource) throws IOException {
        return Files.deleteIfExists(resourceFile(resource));
    }

    private static void writeFile(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8), PosixFilePermissions.fromString("rw-r--r--"));
    }
}
