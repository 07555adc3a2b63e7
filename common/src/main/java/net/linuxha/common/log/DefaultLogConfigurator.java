package net.linuxha.common.log;

import java.io.PrintWriter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logging before a program calls {@link LogSetup}: {@code WARN} and {@code ERROR} lines, in the Reference's format,
 * on standard error. Without it Logback's fallback would print every library's {@code DEBUG} chatter on standard
 * output, which would end up in a tool's output or a test's report.
 *
 * <p>Found by Logback through {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}. A
 * {@code logback-test.xml} or {@code logback.xml} on the class path, or the {@code logback.configurationFile}
 * property, still wins: then this configurator steps aside and Logback reads the file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class DefaultLogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || hasResource("logback-test.xml")
                || hasResource("logback.xml")) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LineAppender appender = new LineAppender(new LogLineLayout(), new LogDestination.Terminal(
                new PrintWriter(System.err, true)));
        appender.setContext(context);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static boolean hasResource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = DefaultLogConfigurator.class.getClassLoader();
        }
        return loader.getResource(name) != null;
    }
}
