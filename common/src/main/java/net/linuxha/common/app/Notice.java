package net.linuxha.common.app;

import java.util.Objects;

/** One line for the clstartapp log ({@code LEVEL dd/mm/yyyy hh:mm:ss text}); the caller adds the time stamp. */
public record Notice(Level level, String text) {

    public enum Level { INFO, WARN, ERROR }

    public Notice {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    public static Notice info(String text) {
        return new Notice(Level.INFO, text);
    }

    public static Notice warn(String text) {
        return new Notice(Level.WARN, text);
    }

    public static Notice error(String text) {
        return new Notice(Level.ERROR, text);
    }

    @Override
    public String toString() {
        return level + " " + text;
    }
}
