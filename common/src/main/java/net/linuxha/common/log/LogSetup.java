package net.linuxha.common.log;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Objects;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import org.slf4j.LoggerFactory;

/**
 * Sets up SLF4J logging (Logback) for a daemon or tool in code, in the Reference's line format.
 *
 * <pre>{@code
 * LogControl logs = LogSetup.to(new LogDestination.LogFile(new LogFiles(paths).clusterDaemon(cluster)))
 *         .verbose(options.verbose())
 *         .install();
 * }</pre>
 *
 * <p>{@link #install()} replaces whatever configuration logging had (the default one of
 * {@link DefaultLogConfigurator}, a previous install): all loggers then write through one {@link LineAppender}.
 * Libraries' own debug chatter (Netty) is held at {@code INFO} even when debugging.
 */
public final class LogSetup {

    /** Loggers of libraries whose DEBUG output is not ours to show. */
    private static final String[] LIBRARY_LOGGERS = {"io.netty", "com.fasterxml", "org.bouncycastle"};

    private final LogDestination destination;
    private boolean verbose;
    private boolean debug = Verbosity.debugRequested();
    private Clock clock = Clock.systemDefaultZone();
    private PrintWriter echo;
    private Level echoThreshold = Level.ERROR;

    private LogSetup(LogDestination destination) {
        this.destination = Objects.requireNonNull(destination, "destination");
    }

    /** Logging to {@code destination}. */
    public static LogSetup to(LogDestination destination) {
        return new LogSetup(destination);
    }

    /** Whether {@code INFO} lines are written; the default is no ({@code WARN} and {@code ERROR} only). */
    public LogSetup verbose(boolean on) {
        this.verbose = on;
        return this;
    }

    /** Whether {@code DEBUG} lines are written when verbose; the default is the {@code linuxha.debug} property. */
    public LogSetup debug(boolean on) {
        this.debug = on;
        return this;
    }

    /** The clock (and time zone) that stamps lines; the default is the system clock in the local zone. */
    public LogSetup clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Also writes lines of {@code threshold} and above to {@code err} when the log goes to a file, so that a tool
     * shows its errors on standard error as the Reference says ("where possible an error message will be shown to
     * the standard error device") while the details go to its log file.
     */
    public LogSetup alsoTo(PrintWriter err, Level threshold) {
        this.echo = Objects.requireNonNull(err, "err");
        this.echoThreshold = Objects.requireNonNull(threshold, "threshold");
        return this;
    }

    /** Installs into the process's logging, the one {@code LoggerFactory.getLogger} uses. */
    public LogControl install() throws IOException {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("SLF4J is not bound to Logback (found "
                    + LoggerFactory.getILoggerFactory().getClass().getName()
                    + "); remove the other SLF4J provider from the class path");
        }
        return install(context);
    }

    /**
     * Installs into {@code context}; tests use a fresh {@code new LoggerContext()} so they share nothing.
     *
     * @throws IOException naming the file, when the log file cannot be opened; logging is then left as it was
     */
    public LogControl install(LoggerContext context) throws IOException {
        LineAppender appender = new LineAppender(new LogLineLayout(clock), destination);
        appender.setContext(context);
        appender.open();
        LineAppender echoAppender = null;
        if (echo != null && destination instanceof LogDestination.LogFile) {
            echoAppender = new LineAppender(new LogLineLayout(clock), new LogDestination.Terminal(echo));
            ThresholdFilter filter = new ThresholdFilter();
            filter.setLevel(echoThreshold.toString());
            filter.start();
            echoAppender.addFilter(filter);
            echoAppender.setContext(context);
        }
        context.reset();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (String library : LIBRARY_LOGGERS) {
            context.getLogger(library).setLevel(Level.INFO);
        }
        startAndAttach(root, appender);
        if (echoAppender != null) {
            startAndAttach(root, echoAppender);
        }
        return new LogControl(root, appender, Verbosity.of(verbose, debug), debug);
    }

    /**
     * Puts the process's logging back to its state before any {@link #install()}: warnings and errors on standard
     * error ({@link DefaultLogConfigurator}). Tests that installed logging call it when done.
     */
    public static void restoreDefault() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            DefaultLogConfigurator configurator = new DefaultLogConfigurator();
            configurator.setContext(context);
            configurator.configure(context);
        }
    }

    private static void startAndAttach(Logger root, LineAppender appender) {
        appender.start();
        root.addAppender(appender);
    }
}
