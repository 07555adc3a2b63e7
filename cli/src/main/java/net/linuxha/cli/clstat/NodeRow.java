package net.linuxha.cli.clstat;

import java.util.Objects;

/**
 * One line of clstat's node table.
 *
 * @param node     the node
 * @param state    its state as the answering daemon records it (UP, DIED, DOWN, FORMING, STARTING)
 * @param daemon   whether the node's own cluster daemon answered; a node held UP without one shows "No daemon"
 *                 (19.3.1)
 */
record NodeRow(String node, String state, boolean daemon) {

    NodeRow {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(state, "state");
    }

    String status() {
        boolean claimedAlive = state.equals("UP") || state.equals("FORMING") || state.equals("STARTING");
        return claimedAlive && !daemon ? state + " (No daemon)" : state;
    }
}
