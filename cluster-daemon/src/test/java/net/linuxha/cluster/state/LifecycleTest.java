package net.linuxha.cluster.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Proves the node and application lifecycles allow exactly the moves of their tables and reject the rest. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LifecycleTest {

    private static final Map<NodeState, Set<NodeState>> NODE_MOVES = Map.of(
            NodeState.DOWN, EnumSet.of(NodeState.FORMING),
            NodeState.FORMING, EnumSet.of(NodeState.STARTING, NodeState.UP, NodeState.DOWN),
            NodeState.STARTING, EnumSet.of(NodeState.UP, NodeState.DOWN),
            NodeState.UP, EnumSet.of(NodeState.DOWN, NodeState.DIED),
            NodeState.DIED, EnumSet.of(NodeState.FORMING, NodeState.DOWN));

    private static final Map<ApplicationState, Set<ApplicationState>> APP_MOVES = Map.of(
            ApplicationState.DOWN, EnumSet.of(ApplicationState.STARTING, ApplicationState.STARTED),
            ApplicationState.STARTING, EnumSet.of(ApplicationState.STARTED, ApplicationState.DOWN),
            ApplicationState.STARTED, EnumSet.of(ApplicationState.STOPPING, ApplicationState.DOWN),
            ApplicationState.STOPPING, EnumSet.of(ApplicationState.DOWN));

    @ParameterizedTest
    @EnumSource(NodeState.class)
    void nodeStateAllowsExactlyItsTable(NodeState from) {
        assertEquals(NODE_MOVES.get(from), from.nextStates());
        for (NodeState to : NodeState.values()) {
            boolean legal = NODE_MOVES.get(from).contains(to);
            assertEquals(legal, from.canMoveTo(to), from + " -> " + to);
            if (legal) {
                assertEquals(to, from.moveTo(to));
            } else {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> from.moveTo(to));
                assertTrue(e.getMessage().contains(from + " -> " + to), e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ApplicationState.class)
    void applicationStateAllowsExactlyItsTable(ApplicationState from) {
        assertEquals(APP_MOVES.get(from), from.nextStates());
        for (ApplicationState to : ApplicationState.values()) {
            boolean legal = APP_MOVES.get(from).contains(to);
            assertEquals(legal, from.canMoveTo(to), from + " -> " + to);
            if (legal) {
                assertEquals(to, from.moveTo(to));
            } else {
                assertThrows(IllegalStateException.class, () -> from.moveTo(to));
            }
        }
    }

    @Test
    void illegalMoveNamesTheLegalOnes() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ApplicationState.STOPPING.moveTo(ApplicationState.STARTED));
        assertEquals("Illegal application state change STOPPING -> STARTED; from STOPPING the legal next states "
                + "are [DOWN]", e.getMessage());
    }

    @Test
    void wireNamesParseIncludingStoppedForDown() {
        assertEquals(ApplicationState.DOWN, ApplicationState.fromWire("STOPPED"));
        assertEquals(ApplicationState.DOWN, ApplicationState.fromWire("down"));
        assertEquals(ApplicationState.STARTED, ApplicationState.fromWire(" STARTED "));
        assertEquals(NodeState.UP, NodeState.fromWire("up"));
        assertEquals(NodeState.DIED, NodeState.fromWire("DIED"));
        assertThrows(IllegalArgumentException.class, () -> ApplicationState.fromWire("RUNNING"));
        assertThrows(IllegalArgumentException.class, () -> ApplicationState.fromWire(null));
        assertThrows(IllegalArgumentException.class, () -> NodeState.fromWire("JOINING"));
        assertThrows(IllegalArgumentException.class, () -> NodeState.fromWire(null));
    }

    @Test
    void onlyDownIsInactive() {
        assertFalse(ApplicationState.DOWN.isActive());
        assertTrue(ApplicationState.STARTING.isActive());
        assertTrue(ApplicationState.STARTED.isActive());
        assertTrue(ApplicationState.STOPPING.isActive());
    }

    @Test
    void stepFiltersActionsByType() {
        Step<String, Object> step = new Step<>("s", List.of(1, "a", 2));
        assertEquals(List.of(1, 2), step.actionsOf(Integer.class));
        assertTrue(Step.stay("x").actions().isEmpty());
    }
}
