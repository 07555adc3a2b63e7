package net.linuxha.cluster.failover;

import java.util.Locale;

/**
 * appconf.xml {@code global.takeover}: NORMAL only fails over to a node with current data, FORCE also to a node
 * whose copy is stale (8.1).
 */
public enum Takeover {
    NORMAL, FORCE;

    /** As the Reference says: missing or wrong values mean NORMAL, which favours data consistency. */
    public static Takeover fromConfig(String text) {
        return text != null && text.trim().toLowerCase(Locale.ROOT).equals("force") ? FORCE : NORMAL;
    }
}
