package net.linuxha.cli.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;

import ch.qos.logback.classic.LoggerContext;
import net.linuxha.common.log.LogDestination;
import net.linuxha.common.log.LogSetup;
import org.slf4j.Logger;

/**
 * The progress lines of clform, clhalt and clstartup on the terminal, in the Reference's format
 * ({@code INFO 06/06/2005 23:39:00 Validated checksum for cluster configuration}). These tools always report what
 * they do (13.2: "no --verbose option is required"), so INFO is on.
 *
 * <p>Each tool run logs through its own Logback context: only the tool's lines reach its output, never the
 * library chatter of the process (Netty, a test's daemon), and tests can run tools one after another.
 */
public final class ToolLog {

    private final Logger logger;

    private ToolLog(Logger logger) {
        this.logger = logger;
    }

    /** Lines to {@code out}, stamped by {@code clock}. */
    public static ToolLog to(PrintWriter out, Clock clock, String tool) {
        LoggerContext context = new LoggerContext();
        try {
            LogSetup.to(new LogDestination.Terminal(out)).verbose(true).debug(false).clock(clock).install(context);
        } catch (IOException e) {
            throw new UncheckedIOException("the terminal cannot be written to", e);
        }
        return new ToolLog(context.getLogger(tool));
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
}
