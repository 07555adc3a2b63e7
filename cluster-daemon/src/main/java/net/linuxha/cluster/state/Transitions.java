package net.linuxha.cluster.state;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A table of legal moves between the constants of one lifecycle enum (after Ratis {@code LifeCycle}).
 *
 * <p>Kept apart from the enums so both lifecycles share one way of saying what an illegal move is.
 */
final class Transitions<S extends Enum<S>> {

    private final String what;
    private final Map<S, Set<S>> legal;

    private Transitions(String what, Map<S, Set<S>> legal) {
        this.what = what;
        this.legal = legal;
    }

    static <S extends Enum<S>> Builder<S> of(Class<S> type, String what) {
        return new Builder<>(type, what);
    }

    boolean isLegal(S from, S to) {
        return legal.get(from).contains(to);
    }

    Set<S> from(S from) {
        return legal.get(from);
    }

    S check(S from, S to) {
        if (!isLegal(from, to)) {
            throw new IllegalStateException("Illegal " + what + " state change " + from + " -> " + to
                    + "; from " + from + " the legal next states are " + legal.get(from));
        }
        return to;
    }

    static final class Builder<S extends Enum<S>> {
        private final Class<S> type;
        private final String what;
        private final Map<S, EnumSet<S>> legal;

        private Builder(Class<S> type, String what) {
            this.type = type;
            this.what = what;
            this.legal = new EnumMap<>(type);
            for (S s : type.getEnumConstants()) {
                legal.put(s, EnumSet.noneOf(type));
            }
        }

        @SafeVarargs
        final Builder<S> allow(S from, S... to) {
            for (S s : to) {
                legal.get(from).add(s);
            }
            return this;
        }

        Transitions<S> build() {
            Map<S, Set<S>> frozen = new EnumMap<>(type);
            legal.forEach((from, to) -> frozen.put(from, Collections.unmodifiableSet(EnumSet.copyOf(to))));
            return new Transitions<>(what, Collections.unmodifiableMap(frozen));
        }
    }
}
