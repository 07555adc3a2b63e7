package net.linuxha.cluster.state;

import java.util.List;
import java.util.Objects;

/**
 * The result of feeding one event to a pure state machine: the state to keep and the actions for the I/O layer,
 * in the order they must be performed.
 */
public record Step<S, A>(S state, List<A> actions) {

    public Step {
        Objects.requireNonNull(state, "state");
        actions = List.copyOf(actions);
    }

    /** A step that changes nothing and asks for nothing. */
    public static <S, A> Step<S, A> stay(S state) {
        return new Step<>(state, List.of());
    }

    /** The actions of one type, for tests and for I/O layers that route actions by kind. */
    public <T extends A> List<T> actionsOf(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
