package net.linuxha.lock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.BackgroundProcess;
import net.linuxha.common.shell.CommandRunner;

/**
 * {@code --detach} for a daemon: starts {@code $linuxha.home/bin/<daemon>} again without {@code --detach}, in a
 * session of its own ({@code setsid}, so the terminal's hang-up does not reach it), standard output and error into
 * {@code console}, and waits until it answers ({@code ready}) or exits. The caller then ends: 0 once the detached
 * daemon listens, otherwise non-zero with the reason the daemon gave.
 *
 * <p>Written for cllockd; nothing in it is specific to the lock daemon.
 */
final class DaemonDetach {

    /** What became of the detached daemon. */
    sealed interface Outcome {
        /** It answers: it is up, with process id {@code pid}. */
        record Listening(long pid) implements Outcome {
        }

        /** It ended before answering, with {@code exitCode}; {@code output} is what it wrote (its reason). */
        record Exited(int exitCode, String output) implements Outcome {
        }

        /** It neither answered nor ended within the limit; it was killed. */
        record NoAnswer(Duration waited, String output) implements Outcome {
        }
    }

    private static final Duration POLL = Duration.ofMillis(100);
    private static final int MAX_OUTPUT_CHARS = 4000;

    private final CommandRunner runner;

    DaemonDetach(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * The launcher of {@code daemon} in the installation {@code home} (the {@code linuxha.home} property the
     * launcher sets).
     */
    static Path launcher(Optional<String> home, String daemon) {
        if (home.isEmpty() || home.get().isBlank()) {
            throw new IllegalStateException("--detach needs the linuxha.home property to find bin/" + daemon
                    + "; start the daemon through its launcher (bin/" + daemon + "), not with java directly");
        }
        Path launcher = Path.of(home.get(), "bin", daemon);
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("--detach cannot find the launcher " + launcher
                    + " (not there or not executable); is linuxha.home (" + home.get() + ") the installation?");
        }
        return launcher;
    }

    /**
     * Starts {@code launcher args} detached and waits up to {@code limit} for it to be {@code ready}.
     *
     * @param rootOverride the {@code linuxha.root} to hand on (LINUXHA_ROOT), when this process has one
     */
    Outcome start(Path launcher, List<String> args, Optional<String> rootOverride, Path console,
                  BooleanSupplier ready, Duration limit) throws IOException, InterruptedException {
        Files.createDirectories(console.toAbsolutePath().getParent());
        Files.deleteIfExists(console);
        List<String> argv = new ArrayList<>(List.of("setsid", launcher.toString()));
        argv.addAll(args);
        BackgroundCommand command = BackgroundCommand.of(argv, console, console);
        if (rootOverride.isPresent()) {
            command = command.withEnv("LINUXHA_ROOT", rootOverride.get());
        }
        BackgroundProcess process = runner.start(command);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.getAsBoolean()) {
                return new Outcome.Listening(process.pid());
            }
            OptionalInt exit = process.waitFor(POLL);
            if (exit.isPresent()) {
                return new Outcome.Exited(exit.getAsInt(), output(console));
            }
        }
        if (ready.getAsBoolean()) {
            return new Outcome.Listening(process.pid());
        }
        process.killTree(Duration.ofSeconds(2));
        return new Outcome.NoAnswer(limit, output(console));
    }

    /** The end of what the daemon wrote: its error lines. */
    private static String output(Path console) {
        try {
            if (!Files.exists(console)) {
                return "";
            }
            String text = Files.readString(console, StandardCharsets.UTF_8).strip();
            return text.length() <= MAX_OUTPUT_CHARS ? text : text.substring(text.length() - MAX_OUTPUT_CHARS);
        } catch (IOException e) {
            return "(cannot read " + console + ": " + e.getMessage() + ")";
        }
    }
}
