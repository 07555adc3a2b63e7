package net.linuxha.common.app;

import net.linuxha.common.config.Takeover;

/**
 * How hard the administrator (or a take-over) pushes a start (Reference 22.1): {@code --force} starts without the
 * remote node's confirmation, {@code --reallyforce} also starts on data believed STALE. {@code --reallyforce}
 * implies {@code --force}.
 */
public enum ForceLevel {
    NONE, FORCE, REALLY_FORCE;

    public static ForceLevel of(boolean force, boolean reallyForce) {
        if (reallyForce) {
            return REALLY_FORCE;
        }
        return force ? FORCE : NONE;
    }

    public boolean atLeast(ForceLevel other) {
        return compareTo(other) >= 0;
    }

    public ForceLevel max(ForceLevel other) {
        return atLeast(other) ? this : other;
    }

    /**
     * The force level a take-over by cldaemon runs with: the remote is gone, so at least {@code --force};
     * {@code takeover=force} starts even on stale data, as {@code --reallyforce} does (8.1, 17.5).
     */
    public static ForceLevel forTakeover(Takeover takeover) {
        return takeover == Takeover.FORCE ? REALLY_FORCE : FORCE;
    }
}
