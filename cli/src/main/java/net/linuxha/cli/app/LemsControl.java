package net.linuxha.cli.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.LemsConfig;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.ShellException;
import net.linuxha.common.wire.LemsRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's Lems daemon from clstartapp and clhaltapp (Reference 22.4.1, 11.4): started with
 * {@code $linuxha.home/bin/lems --application X --detach} when {@code lems.local.xml} exists, aborted with ABORT on
 * the port of that file. Lems is monitoring, not the application: every failure here is a WARN and the start or
 * halt goes on.
 */
public final class LemsControl {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    static final Duration ABORT_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(LemsControl.class);

    private final String application;
    private final Path config;
    private final Path binDir;
    private final CommandRunner runner;
    private final WireContext wire;

    public LemsControl(String application, Path config, Path binDir, CommandRunner runner, WireContext wire) {
        this.application = Objects.requireNonNull(application, "application");
        this.config = Objects.requireNonNull(config, "config");
        this.binDir = Objects.requireNonNull(binDir, "binDir");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.wire = Objects.requireNonNull(wire, "wire");
    }

    public boolean configured() {
        return Files.isRegularFile(config);
    }

    /** Starts Lems unless it answers already; WARN on any failure. */
    public void start() {
        if (!configured()) {
            LOG.info("No {} - the application is not monitored by Lems.", config);
            return;
        }
        Optional<Integer> port = port();
        if (port.isPresent() && listening(port.get())) {
            LOG.info("Lems for {} already listens on port {}.", application, port.get());
            return;
        }
        Path lems = binDir.resolve("lems");
        LOG.info("Starting Lems: {} --application {} --detach", lems, application);
        try {
            CommandResult result = runner.run(Command.of(lems.toString(), "--application", application, "--detach")
                    .withTimeout(START_TIMEOUT));
            if (result.succeeded()) {
                LOG.info("Lems daemon started for {}.", application);
            } else {
                LOG.warn("Lems for {} did not start ({}); the application runs unmonitored - start it with "
                        + "'lems --application {} --detach' once the problem is fixed", application,
                        result.describeFailure(), application);
            }
        } catch (ShellException e) {
            LOG.warn("Lems for {} could not be started ({}); the application runs unmonitored", application,
                    e.getMessage());
        }
    }

    /** Sends ABORT to the Lems of the application, if one listens, and waits for its port to close. */
    public void abort() throws InterruptedException {
        if (!configured()) {
            return;
        }
        Optional<Integer> port = port();
        if (port.isEmpty()) {
            return;
        }
        if (!listening(port.get())) {
            LOG.info("Lems daemon for {} is not running.", application);
            return;
        }
        try {
            Reply reply = new WireClient(ClusterSetup.localAddress(port.get()), "Lems daemon for " + application,
                    wire).send(new LemsRequest.Abort());
            if (!reply.isOk()) {
                LOG.warn("Lems daemon for {} answered {} to ABORT", application, reply.text());
            }
        } catch (WireException e) {
            LOG.warn("Unable to abort the Lems daemon for {}: {} {}", application, e.getMessage(), e.detail());
            return;
        }
        long deadline = System.nanoTime() + ABORT_WAIT.toNanos();
        while (listening(port.get()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (listening(port.get())) {
            LOG.warn("Lems daemon for {} still listens on port {} {} s after ABORT", application, port.get(),
                    ABORT_WAIT.toSeconds());
        } else {
            LOG.info("Lems Daemon aborted.");
        }
    }

    private Optional<Integer> port() {
        try {
            return Optional.of(LemsConfig.load(config).config().port());
        } catch (ConfigException e) {
            LOG.warn("Cannot read the Lems port from {}: {}", config, e.getMessage());
            return Optional.empty();
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            InetSocketAddress address = ClusterSetup.localAddress(port);
            socket.connect(address, 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
