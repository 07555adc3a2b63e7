package net.linuxha.net.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.BackgroundProcess;
import net.linuxha.common.shell.CommandRunner;

/**
 * {@code --detach}: starts the daemon again as a background process in its own session (so it outlives the shell and
 * the terminal that started it) and returns once it answers on its port, or fails with the reason it stopped.
 *
 * <p>The background daemon's standard output and error go to one file; what it wrote there during start-up is the
 * reason given when it stops before listening.
 */
public final class Detacher {

    /** How often the parent looks whether the daemon listens yet. */
    static final Duration CHECK_EVERY = Duration.ofMillis(100);

    private final CommandRunner runner;

    public Detacher(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * Starts {@code command} and waits until {@code listening} holds.
     *
     * @param daemon    the daemon's name for messages, e.g. {@code clnetd}
     * @param listening whether the daemon answers now (an ECHO to its port)
     * @param limit     how long start-up may take
     * @return the background daemon's pid
     * @throws ToolException ({@link ExitCode#FAILURE}) with the daemon's own words when it stopped, or when it did not
     *                       listen within {@code limit} (it is stopped then)
     */
    public long start(String daemon, BackgroundCommand command, BooleanSupplier listening, Duration limit) {
        Path output = command.stdoutFile();
        long offset = sizeOf(output);
        BackgroundProcess process = runner.start(command);
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (System.nanoTime() - deadline < 0) {
                if (listening.getAsBoolean()) {
                    return process.pid();
                }
                OptionalInt exit = process.waitFor(CHECK_EVERY);
                if (exit.isPresent()) {
                    throw new ToolException(ExitCode.FAILURE, daemon + " stopped during start-up (exit status "
                            + exit.getAsInt() + "): " + said(output, offset));
                }
            }
            process.killTree(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException(ExitCode.FAILURE, "interrupted while waiting for " + daemon + " to start", e);
        }
        throw new ToolException(ExitCode.FAILURE, daemon + " did not answer within " + limit.toSeconds()
                + " seconds of starting, so it was stopped; its output: " + said(output, offset));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** What the daemon wrote since {@code offset}, at most the last 2000 characters, on one line. */
    static String said(Path output, long offset) {
        try (InputStream in = Files.newInputStream(output)) {
            in.skipNBytes(Math.min(offset, Files.size(output)));
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().replace('\n', ' ');
            if (text.isEmpty()) {
                return "nothing (see " + output + ")";
            }
            return text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "unknown (" + output + " cannot be read: " + e.getMessage() + ")";
        }
    }
}
