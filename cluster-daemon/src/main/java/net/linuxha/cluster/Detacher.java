package net.linuxha.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.log.LogFiles;
import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.BackgroundProcess;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.CommandStartException;

/**
 * {@code cldaemon --detach}: re-launches {@code $linuxha.home/bin/cldaemon} with the same arguments minus
 * {@code --detach} in a new session ({@code setsid}) through the shell layer, and waits (at most {@link #LIMIT})
 * for its outcome file ({@value #OUTCOME_ENV}): {@code LISTENING pid} means exit 0, {@code FAILED reason} means a
 * non-zero exit with the reason on standard error, as does the child ending before it listens. clform relies on
 * this contract. The child's standard output and error go to {@code cldaemon-<cluster>.detach.log}.
 */
final class Detacher {

    static final String OUTCOME_ENV = "LINUXHA_CLDAEMON_OUTCOME";
    static final Duration LIMIT = Duration.ofSeconds(90);

    private final Path home;
    private final CommandRunner runner;
    private final ClusterSetup setup;
    private final PrintWriter err;

    Detacher(Path home, CommandRunner runner, ClusterSetup setup, PrintWriter err) {
        this.home = Objects.requireNonNull(home, "home");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.err = Objects.requireNonNull(err, "err");
    }

    ExitCode run(List<String> arguments) throws IOException, InterruptedException {
        Path launcher = home.resolve("bin/cldaemon");
        if (!Files.isExecutable(launcher)) {
            return fail(ExitCode.FAILURE, "cannot detach: " + launcher + " is missing or not executable; set "
                    + "-Dlinuxha.home to the linuxha installation (the launcher does this)");
        }
        int port = setup.config().port();
        if (listening(port)) {
            return fail(ExitCode.ALREADY_RUNNING, "a cluster daemon already listens on port " + port + " of "
                    + setup.localNode() + "; stop it first (clhalt --node " + setup.localNode() + ")");
        }
        Path runDir = setup.paths().runDir();
        Files.createDirectories(runDir);
        Path outcome = Files.createTempFile(runDir, "cldaemon-", ".outcome");
        Path output = new LogFiles(setup.paths()).clusterDaemon(setup.config().name()).resolveSibling("cldaemon-"
                + setup.config().name() + ".detach.log");
        Files.createDirectories(output.getParent());
        List<String> argv = new ArrayList<>(List.of("setsid", launcher.toString()));
        argv.addAll(arguments);
        BackgroundProcess child;
        try {
            child = runner.start(BackgroundCommand.of(argv, output, output).withEnv(OUTCOME_ENV, outcome.toString()));
        } catch (CommandStartException e) {
            Files.deleteIfExists(outcome);
            return fail(ExitCode.FAILURE, "cannot start the detached cluster daemon: " + e.getMessage());
        }
        try {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                String line = Files.readString(outcome, StandardCharsets.UTF_8).trim();
                if (line.startsWith("LISTENING") || line.startsWith("FORMED")) {
                    return ExitCode.SUCCESS;
                }
                if (line.startsWith("FAILED")) {
                    return fail(ExitCode.FAILURE, line.substring("FAILED".length()).trim() + " (see "
                            + new LogFiles(setup.paths()).clusterDaemon(setup.config().name()) + ")");
                }
                if (!child.isAlive()) {
                    int exit = child.waitFor(Duration.ofSeconds(1)).orElse(-1);
                    return fail(ExitCode.FAILURE, "the cluster daemon exited with " + exit + " before it listened "
                            + "on port " + port + tail(output) + "; see " + output + " and "
                            + new LogFiles(setup.paths()).clusterDaemon(setup.config().name()));
                }
                Thread.sleep(100);
            }
            return fail(ExitCode.NO_ANSWER, "the detached cluster daemon (pid " + child.pid() + ") did not listen on "
                    + "port " + port + " within " + LIMIT.toSeconds() + " s; see " + output);
        } finally {
            Files.deleteIfExists(outcome);
        }
    }

    /** The last lines the child wrote (its ERROR lines say why it stopped). */
    private static String tail(Path output) {
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
            return last.isEmpty() ? "" : ": " + String.join(" | ", last);
        } catch (IOException e) {
            return "";
        }
    }

    private ExitCode fail(ExitCode code, String message) {
        err.println("ERROR cldaemon: " + message);
        err.flush();
        return code;
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(ClusterSetup.localAddress(port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
