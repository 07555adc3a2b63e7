package net.linuxha.common.shell;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a finished (or killed) command left behind.
 *
 * @param argv            the command as run
 * @param exitCode        the exit status; for a process killed by a signal, 128 + the signal number
 * @param stdout          captured standard output (UTF-8), at most the command's bound
 * @param stderr          captured standard error (UTF-8), at most the command's bound
 * @param elapsed         wall time from start to exit
 * @param timedOut        true when the runner killed the command (and its descendants) at its timeout
 * @param outputTruncated true when either stream produced more than the bound and the rest was discarded
 */
public record CommandResult(List<String> argv, int exitCode, String stdout, String stderr, Duration elapsed,
                            boolean timedOut, boolean outputTruncated) {

    public CommandResult {
        argv = List.copyOf(argv);
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Exit status 0 and not killed. */
    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /** This result, or a {@link CommandFailedException} that names the command, its exit and its stderr. */
    public CommandResult orThrow() {
        if (!succeeded()) {
            throw new CommandFailedException(this);
        }
        return this;
    }

    public String display() {
        return CommandLineText.join(argv);
    }

    /** One line for messages: how it ended and the start of stderr (or stdout when stderr is empty). */
    public String describeFailure() {
        String how = timedOut ? "was killed after timing out (" + elapsed.toMillis() + " ms)"
                : "exited with " + exitCode;
        String text = stderr.isBlank() ? stdout : stderr;
        String excerpt = CommandLineText.excerpt(text, 400);
        return "'" + display() + "' " + how + (excerpt.isEmpty() ? "" : ": " + excerpt);
    }
}
