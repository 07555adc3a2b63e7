package net.linuxha.cli.clbuildapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import net.linuxha.common.config.AtomicFiles;

/**
 * What --vgbuild validated (8.5: "Validated VG build run has completed against this configuration"): the MD5 of
 * appconf.xml followed by the file systems' {@code vg:lv:size} lines, kept in {@code .vgbuild.md5}. --build
 * refuses to run when appconf.xml or a file system changed since, because the other node's volumes and the meta
 * data volumes were checked for what was there then.
 */
final class VgbuildStamp {

    private final Path file;

    VgbuildStamp(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    static String compute(byte[] appconf, List<String> volumeLines) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(appconf);
            for (String line : volumeLines.stream().sorted().toList()) {
                md5.update(("\n" + line).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides MD5", e);
        }
    }

    void record(String stamp) throws IOException {
        AtomicFiles.write(file, (stamp + "\n").getBytes(StandardCharsets.US_ASCII),
                PosixFilePermissions.fromString("rw-r--r--"));
    }

    boolean matches(String stamp) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip().equals(stamp);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    boolean exists() {
        return Files.exists(file);
    }
}
