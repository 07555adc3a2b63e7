package net.linuxha.common.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import ch.qos.logback.classic.Logger;

/**
 * Runtime control of a program's logging, shared by every daemon: the {@code VERBOSE} and {@code LOGCYCLE}
 * requests of {@code cldaemonctl}, {@code lemsctl} and {@code clnetdctl} (Reference 16.8, 17.1.3) end up here.
 * Obtained from {@link LogSetup#install()}. Safe to call from any thread while others log.
 */
public final class LogControl {

    private final Logger root;
    private final LineAppender appender;
    private final boolean debug;
    private volatile Verbosity verbosity;

    LogControl(Logger root, LineAppender appender, Verbosity verbosity, boolean debug) {
        this.root = Objects.requireNonNull(root, "root");
        this.appender = Objects.requireNonNull(appender, "appender");
        this.verbosity = Objects.requireNonNull(verbosity, "verbosity");
        this.debug = debug;
        root.setLevel(verbosity.threshold());
    }

    /** Whether {@code INFO} lines are written ({@code VERBOSE on}). */
    public boolean isVerbose() {
        return verbosity != Verbosity.QUIET;
    }

    public Verbosity verbosity() {
        return verbosity;
    }

    /**
     * {@code VERBOSE on} / {@code VERBOSE off}: from now on {@code INFO} (and, when debugging was asked for at
     * start-up, {@code DEBUG}) lines are written or not. Warnings and errors are always written.
     */
    public synchronized void setVerbose(boolean on) {
        verbosity = Verbosity.of(on, debug);
        root.setLevel(verbosity.threshold());
    }

    /** Where the lines go. */
    public LogDestination destination() {
        return appender.destination();
    }

    /** The log file, or empty when logging to the terminal. */
    public Optional<Path> logFile() {
        if (appender.destination() instanceof LogDestination.LogFile file) {
            return Optional.of(file.path());
        }
        return Optional.empty();
    }

    /**
     * {@code LOGCYCLE count}: the current log becomes {@code <log>.000}, older copies move up one number (compressed
     * ones keep their suffix), at most {@code count} old copies are kept, and logging continues in a fresh file.
     * Lines logged by other threads meanwhile are neither lost nor split (see {@link LineAppender}).
     *
     * @return the old copies after the cycle, {@code .000} first
     * @throws IllegalArgumentException when {@code count} is not from 1 to 99
     * @throws IllegalStateException when logging to the terminal
     * @throws IOException when a rename failed or the fresh log cannot be opened
     */
    public List<Path> cycle(int count) throws IOException {
        return appender.cycle(count);
    }

    /** Stops the logging and closes the log file (at program exit). */
    public void close() {
        root.getLoggerContext().stop();
    }
}
