package net.linuxha.cluster.state;

import java.util.Locale;
import java.util.Set;

/**
 * The lifecycle of a node's cluster daemon as the Reference names it (10.1, 20.3, 25.3).
 *
 * <pre>
 *   DOWN ----form/join----> FORMING ---CHANGE_DSTATE---> STARTING ---CHANGE_DSTATE---> UP
 *   DIED ------join-------> FORMING ---joined, or formed alone with --force-----------> UP
 *   FORMING, STARTING ---formation abandoned---> DOWN
 *   UP ---halted---> DOWN          UP ---heartbeats stopped---> DIED
 * </pre>
 *
 * <p>FORMING, STARTING and UP are the answers to ECHO during formation ("Response to ECHO was STARTING (our
 * state=FORMING)"); DIED is what clstat shows for a node whose daemon stopped answering (20.3). A node's record
 * of its peer moves through the same table: a peer that rejoins after DIED is seen FORMING, then UP.
 */
public enum NodeState {
    DOWN, FORMING, STARTING, UP, DIED;

    private static final Transitions<NodeState> TABLE = Transitions.of(NodeState.class, "node")
            .allow(DOWN, FORMING)
            .allow(FORMING, STARTING, UP, DOWN)
            .allow(STARTING, UP, DOWN)
            .allow(UP, DOWN, DIED)
            .allow(DIED, FORMING, DOWN)
            .build();

    /** Whether the table allows moving from this state to {@code next} (a move to the same state is not a move). */
    public boolean canMoveTo(NodeState next) {
        return TABLE.isLegal(this, next);
    }

    /** Returns {@code next}, or throws {@link IllegalStateException} naming both states if the move is illegal. */
    public NodeState moveTo(NodeState next) {
        return TABLE.check(this, next);
    }

    /** The states this one may move to. */
    public Set<NodeState> nextStates() {
        return TABLE.from(this);
    }

    /** Parses a state as it appears on the wire (ECHO answers, CHANGE_DSTATE, GET_NODE_STATE), ignoring case. */
    public static NodeState fromWire(String text) {
        if (text != null) {
            for (NodeState s : values()) {
                if (s.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("Unknown node state '" + text + "': expected one of DOWN, FORMING, "
                + "STARTING, UP, DIED");
    }
}
