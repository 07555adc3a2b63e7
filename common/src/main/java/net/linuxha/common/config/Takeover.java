package net.linuxha.common.config;

/**
 * appconf.xml global.takeover (8.1): NORMAL fails over only to a node with current data; FORCE fails over even to a
 * node whose data is stale. NORMAL is the default.
 */
public enum Takeover {
    NORMAL, FORCE;

    /** The value as written in appconf.xml: {@code normal} or {@code force}. */
    public String configValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
