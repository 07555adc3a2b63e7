package net.linuxha.cluster.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.app.StaleFlag;
import net.linuxha.common.app.StaleFlags;
import net.linuxha.common.app.StatusDirectoryReader;
import net.linuxha.common.app.StatusSnapshot;
import net.linuxha.common.app.TimeFile;
import net.linuxha.common.config.ApplicationConfig;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.BuildStatus;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.LemsConfig;

/**
 * What is on disk about applications: which are configured ({@code /etc/cluster/<app>/appconf.xml}), whether their
 * build is validated (BuildChecksum), the CHECKSUM answer, STALE flags and TIME in the status directory
 * ({@code /etc/cluster/.status/<app>}) and the Lems port. Blocking file I/O: call from the I/O executor.
 */
public final class ApplicationCatalog {

    private final ClusterPaths paths;

    public ApplicationCatalog(ClusterPaths paths) {
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    /** Applications with an appconf.xml, sorted by name. */
    public List<String> configured() throws IOException {
        if (!Files.isDirectory(paths.configDir())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(paths.configDir())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).filter(n -> Files.isRegularFile(paths.appconf(n))).sorted()
                    .toList();
        }
    }

    /** The outcome of trying to load one application for registration. */
    public sealed interface Loaded {
        /** A validated build. */
        record Valid(ApplicationConfig config, String checksum) implements Loaded {
        }

        /** Not registrable; {@code answer} is REG_APP's (MISSING_FILE or NOT_CONFIGURED). */
        record Invalid(String answer, String reason) implements Loaded {
        }
    }

    /** Loads {@code application} if its configuration exists and its build is validated here. */
    public Loaded load(String application) {
        Path appconf = paths.appconf(application);
        if (!Files.isRegularFile(appconf)) {
            return new Loaded.Invalid("MISSING_FILE", "No " + appconf + " - application " + application
                    + " is not configured on this node.");
        }
        BuildChecksum build = BuildChecksum.application(paths, application);
        try {
            BuildStatus status = build.status();
            if (status != BuildStatus.VALID) {
                return new Loaded.Invalid("NOT_CONFIGURED", "No validated build for " + application
                        + " - not registering with cluster (" + String.join(" ", build.messageLines(status)) + ")");
            }
            ApplicationConfig config = ApplicationConfig.load(appconf).config();
            return new Loaded.Valid(config, build.recorded().orElseThrow());
        } catch (ConfigException e) {
            return new Loaded.Invalid("NOT_CONFIGURED", "The configuration of " + application + " is invalid - not "
                    + "registering with cluster: " + e.getMessage());
        } catch (IOException e) {
            return new Loaded.Invalid("NOT_CONFIGURED", "Cannot read the build of " + application + ": "
                    + e.getMessage());
        }
    }

    /** CHECKSUM's answer (25.4): the recorded MD5, NO_SUCH_APP, NO_SUCH_FILE or INVALID_FILE. */
    public String checksumAnswer(String application) {
        if (!Files.isDirectory(paths.applicationDir(application)) || application.startsWith(".")) {
            return "NO_SUCH_APP";
        }
        BuildChecksum build = BuildChecksum.application(paths, application);
        if (!Files.exists(build.checksumFile())) {
            return "NO_SUCH_FILE";
        }
        try {
            return build.recorded().orElse("INVALID_FILE");
        } catch (IOException e) {
            return "INVALID_FILE";
        }
    }

    /** {@code /etc/cluster/.status/<application>}. */
    public Path statusDir(String application) {
        return paths.applicationStatusDir(application);
    }

    /** The STALE flags and TIME of the application, empty when its status directory does not exist. */
    public Optional<StatusSnapshot> status(String application) throws IOException {
        try {
            return Optional.of(StatusDirectoryReader.read(statusDir(application)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** When the application was last started on this node (its TIME file), if recorded. */
    public Optional<Instant> lastStarted(String application) {
        try {
            return status(application).flatMap(StatusSnapshot::time).map(TimeFile::instant);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The STALE flags of the application; none when it has no status directory. */
    public StaleFlags staleFlags(String application) throws IOException {
        return status(application).map(StatusSnapshot::flags).orElse(StaleFlags.none());
    }

    /** Creates {@code VG.LV.node.STALE} (FLAG_UNSYNC). */
    public void flagStale(String application, StaleFlag flag) throws IOException {
        Path dir = statusDir(application);
        Files.createDirectories(dir);
        Path file = dir.resolve(flag.fileName());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
    }

    /** Removes {@code VG.LV.node.STALE} (FLAG_SYNC); true if it existed. */
    public boolean clearStale(String application, StaleFlag flag) throws IOException {
        return Files.deleteIfExists(statusDir(application).resolve(flag.fileName()));
    }

    /** The port of the application's Lems (lems.local.xml), if it has a valid one. */
    public Optional<Integer> lemsPort(String application) {
        Path file = paths.lemsConfig(application);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LemsConfig.load(file).config().port());
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }
}
