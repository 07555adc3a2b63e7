package net.linuxha.cluster.state;

import java.util.Locale;
import java.util.Set;

/**
 * The lifecycle of one application as the cluster daemon records it (25.4 APP_UPDATE and APP_STATUS, clstat).
 *
 * <pre>
 *   DOWN --clstartapp--> STARTING --started--> STARTED --clhaltapp--> STOPPING --stopped--> DOWN
 *     |                     |                     |
 *     |                     +--start failed--> DOWN <--its node died / TOC--+
 *     +--found running (service IP held after a daemon restart, 21.5)--> STARTED
 * </pre>
 *
 * <p>The Reference has no separate fail-over state: during a takeover clstat shows the application DOWN until the
 * surviving node is STARTING it (21.3). APP_UPDATE calls the down state STOPPED; {@link #fromWire} accepts both.
 * A stop that fails leaves the application STOPPING until the administrator acts; we do not guess it is STARTED.
 */
public enum ApplicationState {
    DOWN, STARTING, STARTED, STOPPING;

    private static final Transitions<ApplicationState> TABLE =
            Transitions.of(ApplicationState.class, "application")
                    .allow(DOWN, STARTING, STARTED)
                    .allow(STARTING, STARTED, DOWN)
                    .allow(STARTED, STOPPING, DOWN)
                    .allow(STOPPING, DOWN)
                    .build();

    /** Whether the table allows moving from this state to {@code next}. */
    public boolean canMoveTo(ApplicationState next) {
        return TABLE.isLegal(this, next);
    }

    /** Returns {@code next}, or throws {@link IllegalStateException} naming both states if the move is illegal. */
    public ApplicationState moveTo(ApplicationState next) {
        return TABLE.check(this, next);
    }

    /** The states this one may move to. */
    public Set<ApplicationState> nextStates() {
        return TABLE.from(this);
    }

    /** Whether the application occupies a node in this state (it must not be started anywhere else). */
    public boolean isActive() {
        return this != DOWN;
    }

    /** Parses a state as sent in APP_UPDATE or APP_STATUS; STOPPED is the wire's name for DOWN. */
    public static ApplicationState fromWire(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("STOPPED")) {
            return DOWN;
        }
        for (ApplicationState s : values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown application state '" + text + "': expected one of STOPPED, "
                + "DOWN, STARTING, STARTED, STOPPING");
    }
}
