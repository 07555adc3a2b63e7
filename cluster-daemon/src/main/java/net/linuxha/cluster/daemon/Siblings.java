package net.linuxha.cluster.daemon;

import static net.linuxha.cluster.daemon.DaemonLog.LOG;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import net.linuxha.common.daemon.LocalPort;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;

/**
 * The other daemons of the node, started through their launchers in {@code $linuxha.home/bin} (10.1: "Locking
 * daemon is not running - will attempt to start."). A launcher whose class is not part of this build is reported
 * with a WARN naming it, and the cluster daemon carries on without that daemon.
 */
final class Siblings {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final CommandRunner runner;

    Siblings(Path home, CommandRunner runner) {
        this.home = Objects.requireNonNull(home, "home");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Starts cllockd and clnetd when their ports are configured and nothing listens there (blocking). */
    void startDaemons(ClusterConfig config) {
        start("Locking", "locking", "cllockd", "net.linuxha.lock.LockDaemonMain", config.clPort());
        start("Network", "network", "clnetd", "net.linuxha.net.NetDaemonMain", config.clnetdPort());
    }

    private void start(String title, String what, String launcher, String mainClass, OptionalInt port) {
        if (port.isEmpty()) {
            LOG.info("{} daemon is not configured (no port in clconf.xml) - not started.", title);
            return;
        }
        if (LocalPort.accepts(port.getAsInt())) {
            LOG.info("{} daemon already appears to be running.", title);
            return;
        }
        if (!present(launcher, mainClass)) {
            LOG.warn("{} daemon is not running and cannot be started: {} ({}) is not part of this build - "
                    + "continuing without it.", title, launcher, mainClass);
            return;
        }
        LOG.info("{} daemon is not running - will attempt to start.", title);
        CommandResult result = run(launcher, "--detach");
        if (result.succeeded() && LocalPort.accepts(port.getAsInt())) {
            LOG.info("Successfully started {} daemon.", what);
        } else {
            LOG.error("Failed to start {} daemon: {}", what, result.succeeded() ? "it does not listen on port "
                    + port.getAsInt() + " - see its log" : result.describeFailure());
        }
    }

    /** Whether {@code bin/launcher} exists and its main class is in this build. */
    boolean present(String launcher, String mainClass) {
        if (!Files.isExecutable(home.resolve("bin").resolve(launcher))) {
            return false;
        }
        try {
            Class.forName(mainClass, false, Siblings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Runs {@code bin/launcher args} to completion (a {@code --detach} launch returns once it is listening). */
    CommandResult run(String launcher, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(home.resolve("bin").resolve(launcher).toString());
        argv.addAll(List.of(args));
        return runner.run(Command.of(argv).withTimeout(START_TIMEOUT));
    }
}
