package net.linuxha.cluster.membership;

import java.util.Objects;

/** Write one line to the cluster daemon log; the I/O layer adds the date and time. */
public record Log(LogLevel level, String text) implements FormationAction, HeartbeatAction {

    public Log {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    static Log info(String text) {
        return new Log(LogLevel.INFO, text);
    }

    static Log warn(String text) {
        return new Log(LogLevel.WARN, text);
    }

    static Log error(String text) {
        return new Log(LogLevel.ERROR, text);
    }
}
