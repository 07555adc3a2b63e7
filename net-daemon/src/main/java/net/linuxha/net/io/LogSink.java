package net.linuxha.net.io;

import org.slf4j.Logger;

import net.linuxha.net.NetAction;

/** Where the decisions' log lines go: the daemon's logger in production, a list in tests. */
@FunctionalInterface
public interface LogSink {

    void log(NetAction.Log line);

    /** Writes each line through {@code logger} at its level (the log layout gives it the Reference's format). */
    static LogSink of(Logger logger) {
        return line -> {
            switch (line.level()) {
                case INFO -> logger.info(line.text());
                case WARN -> logger.warn(line.text());
                case ERROR -> logger.error(line.text());
                default -> throw new IllegalStateException("unknown log level " + line.level());
            }
        };
    }
}
