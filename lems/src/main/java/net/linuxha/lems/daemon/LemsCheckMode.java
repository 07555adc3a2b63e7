package net.linuxha.lems.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.LemsCheck;
import net.linuxha.common.config.LemsConfig;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.RemoteShell;
import net.linuxha.lems.model.Seconds;
import net.linuxha.lems.modules.MonitorRegistry;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lems --check} (Reference 9.3): everything a Lems would do at start-up short of running. The port must be
 * free here and on the other node and used by no other application's Lems; every check's monitor must be
 * creatable (so its module and the files it names are right); then the validated file is copied to the same path
 * on the other node and the check interval is reported. Every problem is collected, naming the element or check.
 */
public final class LemsCheckMode {

    private static final Logger LOG = LoggerFactory.getLogger(LemsCheckMode.class);
    private static final Duration COPY_TIMEOUT = Duration.ofSeconds(30);

    private final String application;
    private final Path configFile;
    private final LemsConfig config;
    private final ClusterPaths paths;
    private final RemoteShell remote;
    private final MonitorRegistry registry;
    private final MonitorContext context;

    public LemsCheckMode(String application, Path configFile, LemsConfig config, ClusterPaths paths,
                         RemoteShell remote, MonitorRegistry registry, MonitorContext context) {
        this.application = Objects.requireNonNull(application, "application");
        this.configFile = Objects.requireNonNull(configFile, "configFile");
        this.config = Objects.requireNonNull(config, "config");
        this.paths = Objects.requireNonNull(paths, "paths");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The outcome: the problems found (none: the file is valid and on both nodes) and the check interval. */
    public record Outcome(List<String> problems, Optional<Duration> checkInterval) {
        public Outcome {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Outcome run() {
        List<String> problems = new ArrayList<>();
        LOG.info("Using modules from : {}", config.modules());
        LOG.info("Using programs from : {}", config.programs());
        LOG.info("Writing logs to : {}", LemsLocations.logsDir(config, paths));
        int port = config.port();
        LOG.info("Validating port not open locally...");
        PortProbe.localProblem(port).ifPresent(p -> problems.add(portProblem(p)));
        LOG.info("Validating port not open on {}...", remote.node());
        PortProbe.remoteProblem(remote, port).ifPresent(p -> problems.add(portProblem(p)));
        problems.addAll(clashes(port));
        for (LemsCheck check : config.checks()) {
            LOG.info("Validating monitor entry {}...", check.name());
            try {
                Monitor monitor = registry.create(check, context);
                monitor.close();
                LOG.info("Validated monitor entry {} successfully.", check.name());
            } catch (MonitorCreationException | RuntimeException e) {
                problems.add(configFile + ": <check[" + check.name() + "]><module>: " + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            LOG.info("Check mode - transferring validated config to remote node.");
            transfer().ifPresentOrElse(problems::add, () -> LOG.info("Configuration transferred successfully."));
        } else {
            LOG.info("Check mode - the configuration is not transferred to {} until it validates", remote.node());
        }
        return new Outcome(problems, checkInterval(config));
    }

    private String portProblem(String problem) {
        return configFile + ": <globals>@port: " + problem + "; the Lems of " + application
                + " must not be running for --check, and the port must be free on both nodes";
    }

    /** The Lems of another application on this node must listen elsewhere. */
    private List<String> clashes(int port) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(paths.configDir())) {
            return problems;
        }
        List<Path> others;
        try (Stream<Path> dirs = Files.list(paths.configDir())) {
            others = dirs.filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().toString().equals(application)).sorted().toList();
        } catch (IOException e) {
            LOG.warn("Cannot list {} to compare Lems ports: {}", paths.configDir(), e.getMessage());
            return problems;
        }
        for (Path dir : others) {
            String other = dir.getFileName().toString();
            Path file = paths.lemsConfig(other);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                int otherPort = LemsConfig.load(file).config().port();
                if (otherPort == port) {
                    problems.add(configFile + ": <globals>@port: value \"" + port + "\" is also the port of the Lems "
                            + "of application " + other + " (" + file + "); give each application its own port");
                } else {
                    LOG.info("No clash for application {} - uses port {} not {}.", other, otherPort, port);
                }
            } catch (ConfigException e) {
                LOG.warn("Cannot compare ports with application {}: {}", other, String.join("; ", e.lines()));
            }
        }
        return problems;
    }

    /** Copies the validated file to the same path on the other node; the problem, if it failed. */
    private Optional<String> transfer() {
        Path dir = configFile.toAbsolutePath().getParent();
        CommandResult made = remote.run(Command.of("mkdir", "-p", dir.toString()).withTimeout(COPY_TIMEOUT));
        if (!made.succeeded()) {
            return Optional.of("cannot create " + dir + " on " + remote.node() + ": " + made.describeFailure());
        }
        CommandResult copied = remote.copyTo(configFile.toAbsolutePath(), configFile.toAbsolutePath().toString(),
                COPY_TIMEOUT);
        if (!copied.succeeded()) {
            return Optional.of("cannot copy " + configFile + " to " + remote.node() + ": " + copied.describeFailure()
                    + "; copy it by hand, or set up root ssh between the nodes (Appendix C)");
        }
        return Optional.empty();
    }

    /**
     * The check interval the Reference's check mode reports: half the shortest interval of a check that runs on
     * its own, the granularity a polling scheduler needs to run every check no later than half an interval late
     * (the Reference's example, shortest interval 5 seconds, reports 2.5). Empty when every check only runs when
     * started by another.
     */
    public static Optional<Duration> checkInterval(LemsConfig config) {
        return config.checks().stream().map(LemsCheck::interval).filter(i -> !i.isZero()).min(Duration::compareTo)
                .map(shortest -> Duration.ofNanos(shortest.toNanos() / 2));
    }

    /** {@code Calculated a check interval of 2.5 seconds.} */
    public static String intervalLine(Optional<Duration> interval) {
        return interval.map(i -> "Calculated a check interval of " + Seconds.format(i) + " seconds.")
                .orElse("No check runs on its own (every interval is 0); checks run only when started by another.");
    }
}
