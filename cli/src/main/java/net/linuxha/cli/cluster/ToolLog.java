package net.linuxha.cli.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.log.LogDestination;
import net.linuxha.common.log.LogSetup;
import net.linuxha.common.shell.ProcessCommandRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress lines of clform, clhalt and clstartup on the terminal, in the Reference's format
 * ({@code INFO 06/06/2005 23:39:00 Validated checksum for cluster configuration}). These tools always report what
 * they do (13.2: "no --verbose option is required"), so INFO is on.
 *
 * <p>Each tool run logs through its own Logback context: only the tool's lines reach its output, never the
 * library chatter of the process (Netty, a test's daemon), and tests can run tools one after another.
 */
public final class ToolLog implements AutoCloseable {

    private final Logger logger;
    private final LogControl control;

    private ToolLog(Logger logger, LogControl control) {
        this.logger = logger;
        this.control = control;
    }

    /** Lines to {@code out}, stamped by {@code clock}. */
    public static ToolLog to(PrintWriter out, Clock clock, String tool) {
        LoggerContext context = new LoggerContext();
        try {
            return new ToolLog(context.getLogger(tool), LogSetup.to(new LogDestination.Terminal(out)).verbose(true)
                    .debug(false).clock(clock).install(context));
        } catch (IOException e) {
            throw new UncheckedIOException("the terminal cannot be written to", e);
        }
    }

    /**
     * Lines as {@code setup} says (destination, {@code --verbose}, clock), for the tools whose INFO lines are
     * optional (clremoveapp, 12); close it to close a log file.
     *
     * @throws ToolException naming the log file when it cannot be opened
     */
    public static ToolLog with(LogSetup setup, String tool) {
        LoggerContext context = new LoggerContext();
        try {
            return new ToolLog(context.getLogger(tool), setup.debug(false).install(context));
        } catch (IOException e) {
            throw new ToolException(ExitCode.FAILURE, e.getMessage(), e);
        }
    }

    /**
     * Keeps the shell layer's WARN line for every failed command off the terminal: tools that test for files
     * ({@code test -e}) expect failures, and report the ones that matter in their own words.
     */
    public static void quietCommandFailures() {
        if (LoggerFactory.getLogger(ProcessCommandRunner.class) instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(Level.ERROR);
        }
    }

    public void info(String text) {
        logger.info(text);
    }

    public void warn(String text) {
        logger.warn(text);
    }

    public void error(String text) {
        logger.error(text);
    }

    @Override
    public void close() {
        control.close();
    }
}
