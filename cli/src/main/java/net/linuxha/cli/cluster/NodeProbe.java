package net.linuxha.cli.cluster;

import java.util.Objects;

/**
 * What asking a node's cluster daemon for an {@code ECHO check=yes} found (the check flag keeps the probe from
 * counting as a heartbeat, 25.4).
 */
public sealed interface NodeProbe {

    /** The daemon answered; {@code state} is its answer: UP, or FORMING / STARTING while the cluster forms. */
    record Running(String node, String state) implements NodeProbe {
        public Running {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(state, "state");
        }

        public boolean isUp() {
            return state.equals("UP");
        }
    }

    /** Nothing listens on the daemon port of the node (or the node cannot be reached). */
    record Down(String node, String why) implements NodeProbe {
    }

    /**
     * Something accepted the connection but gave no valid answer: a hung daemon, one with another global.key, or
     * another program on the port.
     */
    record NoAnswer(String node, String why) implements NodeProbe {
    }

    String node();

    default boolean answered() {
        return this instanceof Running;
    }

    default boolean isUp() {
        return this instanceof Running running && running.isUp();
    }
}
