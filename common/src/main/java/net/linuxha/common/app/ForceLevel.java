package net.linuxha.common.app;

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
}
