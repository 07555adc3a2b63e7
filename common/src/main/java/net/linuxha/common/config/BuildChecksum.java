package net.linuxha.common.config;

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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import net.linuxha.common.ClusterPaths;

/**
 * The build checksum of clbuild ({@code /etc/cluster/.clbuild.md5} over clconf.xml) and of clbuildapp
 * ({@code /etc/cluster/<app>/.appbuild.md5} over appconf.xml): the MD5 of the validated file, written once
 * validation succeeded, so that every tool can refuse a configuration changed but not validated (7.2.6, 8.5, 11.2).
 *
 * <p>The checksum file is one line in md5sum(1) format, {@code <hex>  <file name>}, so {@code md5sum -c} accepts it
 * in the configuration directory.
 *
 * @param configFile   the validated file
 * @param checksumFile where its checksum is kept
 * @param application  the application name, or empty for the cluster configuration
 */
public record BuildChecksum(Path configFile, Path checksumFile, Optional<String> application) {

    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");

    public BuildChecksum {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(checksumFile, "checksumFile");
        Objects.requireNonNull(application, "application");
    }

    public static BuildChecksum cluster(ClusterPaths paths) {
        return new BuildChecksum(paths.clconf(), paths.clusterBuildChecksum(), Optional.empty());
    }

    public static BuildChecksum application(ClusterPaths paths, String application) {
        return new BuildChecksum(paths.appconf(application), paths.applicationBuildChecksum(application),
                Optional.of(application));
    }

    /** Lower-case hex MD5 of the configuration file as it is now, the same as md5sum(1) prints. */
    public String compute() throws IOException {
        return md5Hex(Files.readAllBytes(configFile));
    }

    /** Records the current configuration as validated; atomic, so a crash never leaves a half-written checksum. */
    public void record() throws IOException {
        String line = compute() + "  " + configFile.getFileName() + "\n";
        AtomicFiles.write(checksumFile, line.getBytes(StandardCharsets.US_ASCII),
                PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** The recorded checksum, or empty when there is none or it is not a 32-digit hex MD5. */
    public Optional<String> recorded() throws IOException {
        try {
            String content = Files.readString(checksumFile, StandardCharsets.US_ASCII).strip();
            String first = content.isEmpty() ? "" : content.split("\\s+")[0].toLowerCase(Locale.ROOT);
            return MD5_HEX.matcher(first).matches() ? Optional.of(first) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Compares the configuration file with the recorded checksum. A damaged checksum file counts as CHANGED. */
    public BuildStatus status() throws IOException {
        if (!Files.exists(checksumFile)) {
            return BuildStatus.NOT_BUILT;
        }
        Optional<String> recorded = recorded();
        return recorded.isPresent() && recorded.get().equals(compute()) ? BuildStatus.VALID : BuildStatus.CHANGED;
    }

    /** Removes the checksum (clremoveapp, or a rebuild that failed half way). */
    public void remove() throws IOException {
        Files.deleteIfExists(checksumFile);
    }

    /**
     * The lines a tool prints (each prefixed ERROR by the tool) when {@code status} is not VALID; empty for VALID.
     * For the cluster the CHANGED text is the Reference's (7.2.6), for an application that of 11.2.
     */
    public List<String> messageLines(BuildStatus status) {
        if (status == BuildStatus.VALID) {
            return List.of();
        }
        if (application.isEmpty()) {
            return status == BuildStatus.CHANGED ? List.of(
                    "The cluster configuration file",
                    configFile + " appears to have been changed",
                    "but the changes have not yet been validated.",
                    "Please run the clbuild(1M) command first before",
                    "running this command again.",
                    "Please note that if the cluster is already running",
                    "you will need to use the --force argument. This will",
                    "not affect running applications.") : List.of(
                    "The cluster configuration file",
                    configFile + " has not been validated yet",
                    "(" + checksumFile + " is missing).",
                    "Please run the clbuild(1M) command first before",
                    "running this command again.");
        }
        String app = application.get();
        return status == BuildStatus.CHANGED ? List.of(
                "The configuration file for this application has been altered",
                "but the --build stage has not yet been rerun. Do that first:",
                "clbuildapp --application " + app + " --build --force",
                "(" + configFile + " does not match " + checksumFile + ")") : List.of(
                "Application " + app + " has not been built",
                "(" + checksumFile + " is missing).",
                "Run clbuildapp --application " + app + " with --check, --vgbuild and --build first.");
    }

    static String md5Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides MD5", e);
        }
    }
}
