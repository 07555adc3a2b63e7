package net.linuxha.cli.cluster;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ClconfPermissions;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.Loaded;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.ProcessCommandRunner;

/**
 * Everything the cluster tools take from the machine they run on, in one value so that a test can substitute each:
 * the on-disk paths, the clock that stamps lines and measures durations, the command runner (the only way to start
 * cldaemon, locally or over ssh), this host's name, how node names resolve, where daemons listen, the
 * installation's {@code bin} directory and how often to ask a daemon again while waiting.
 *
 * @param root the {@code linuxha.root} directory tools and daemons use instead of {@code /}, passed on to the
 *             daemons they start as {@code LINUXHA_ROOT} (lab, tests); empty in production
 */
public record ToolEnvironment(ClusterPaths paths, Clock clock, CommandRunner runner, Supplier<String> hostName,
                              HostResolver resolver, DaemonLocator locator, Path binDir, Optional<String> root,
                              Duration pollInterval) {

    public ToolEnvironment {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(binDir, "binDir");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** The real machine: system paths, clock and processes; {@code bin} of this installation (linuxha.home). */
    public static ToolEnvironment system() {
        String home = System.getProperty("linuxha.home", "/opt/linuxha");
        String root = System.getProperty("linuxha.root");
        return new ToolEnvironment(ClusterPaths.system(), Clock.systemDefaultZone(), new ProcessCommandRunner(),
                ClusterSetup::hostName, HostResolver.system(), DaemonLocator.network(), Path.of(home).resolve("bin"),
                root == null || root.isBlank() ? Optional.empty() : Optional.of(root), Duration.ofMillis(500));
    }

    /** The same environment with another clock (tests stamp lines with a fixed one). */
    public ToolEnvironment withClock(Clock newClock) {
        return new ToolEnvironment(paths, newClock, runner, hostName, resolver, locator, binDir, root,
                pollInterval);
    }

    /**
     * Checks and loads clconf.xml (or {@code alternative}, clform's {@code --config}), naming this node.
     *
     * @throws ConfigException naming every problem: permissions, syntax, values
     */
    public ClusterSetup loadSetup(Optional<Path> alternative) throws ConfigException {
        Path file = alternative.orElse(paths.clconf());
        ClconfPermissions.system().check(file);
        Loaded<ClusterConfig> loaded = ClusterConfig.load(file);
        return new ClusterSetup(paths, loaded.config(), loaded.warningLines(), hostName.get());
    }

    public Poller poller() {
        return new Poller(pollInterval);
    }
}
