package net.linuxha.common.app;

import java.util.Locale;

/**
 * The application's {@code global.takeover} (Reference 8.1): whether cldaemon may fail the application over onto a
 * node whose data is not current.
 */
public enum TakeoverMode {
    /** Fail over only onto current data. */
    NORMAL,
    /** Fail over even onto stale data; the STALE flags of that node are deleted first (17.5). */
    FORCE;

    /** The configured value; missing or invalid means {@link #NORMAL}, as the Reference specifies. */
    public static TakeoverMode fromConfig(String value) {
        if (value != null && value.strip().toLowerCase(Locale.ROOT).equals("force")) {
            return FORCE;
        }
        return NORMAL;
    }

    /** The force level a take-over by cldaemon runs with: the remote is gone, so at least {@code --force}. */
    public ForceLevel takeoverForce() {
        return this == FORCE ? ForceLevel.REALLY_FORCE : ForceLevel.FORCE;
    }

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
