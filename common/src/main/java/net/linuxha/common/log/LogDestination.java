package net.linuxha.common.log;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where log lines go: the terminal ({@code --file -} in the Reference's tools) or a file.
 */
public sealed interface LogDestination {

    /**
     * The terminal: lines are written to {@code out}, which is flushed after each line and never closed by the
     * logging. Tools pass picocli's {@code commandLine.getOut()} so that tests can capture the output.
     */
    record Terminal(PrintWriter out) implements LogDestination {
        public Terminal {
            Objects.requireNonNull(out, "out");
        }

        /** The process's standard output. */
        public static Terminal stdout() {
            return new Terminal(new PrintWriter(System.out, true));
        }

        @Override
        public String toString() {
            return "the terminal";
        }
    }

    /** A log file, appended to; its directory is created if missing. */
    record LogFile(Path path) implements LogDestination {
        public LogFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /**
     * The destination a {@code --file} argument names: {@code -} is the terminal, anything else a file path;
     * {@code null} (no {@code --file} given) means {@code whenAbsent}.
     */
    static LogDestination fromFileOption(String fileOption, PrintWriter terminal, LogDestination whenAbsent) {
        if (fileOption == null) {
            return Objects.requireNonNull(whenAbsent, "whenAbsent");
        }
        if (fileOption.equals("-")) {
            return new Terminal(terminal);
        }
        if (fileOption.isBlank()) {
            throw new IllegalArgumentException("--file needs a file name, or - for the terminal");
        }
        return new LogFile(Path.of(fileOption));
    }
}
