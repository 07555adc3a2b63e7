package net.linuxha.lems.monitors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The moves {@code ip_move_interface} made, per network, and its two rules (Reference 24.4.4: "if a certain interface
 * has already been used recently it is discarded from the list of candidate interfaces", "if it believes that it has
 * been called too often ... it will abort"):
 * <ol>
 *   <li>a card the addresses were moved away from less than {@code window} ago is not a candidate;</li>
 *   <li>once {@code limit} moves of one network fall within {@code window}, no further move is made: fail over.</li>
 * </ol>
 * Pure: the caller gives the time. Not thread-safe; the monitor guards it.
 */
final class MoveHistory {

    /** One move; {@code from} is empty when the addresses were on no card (assigned, not moved). */
    record Move(Instant at, Optional<String> from, String to) {
        Move {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    private final Duration window;
    private final int limit;
    private final Map<String, Deque<Move>> moves = new HashMap<>();

    MoveHistory(Duration window, int limit) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the move window must be positive, got " + window);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("the move limit must be at least 1, got " + limit);
        }
        this.window = window;
        this.limit = limit;
    }

    Duration window() {
        return window;
    }

    int limit() {
        return limit;
    }

    void record(String network, Move move) {
        moves.computeIfAbsent(network, n -> new ArrayDeque<>()).addLast(move);
    }

    /** The moves of {@code network} less than the window before {@code now}, oldest first. */
    List<Move> recent(String network, Instant now) {
        Deque<Move> all = moves.getOrDefault(network, new ArrayDeque<>());
        while (!all.isEmpty() && !all.peekFirst().at().isAfter(now.minus(window))) {
            all.removeFirst();
        }
        return new ArrayList<>(all);
    }

    /** Rule 2: the network has used up its moves for now. */
    boolean tooOften(String network, Instant now) {
        return recent(network, now).size() >= limit;
    }

    /** Rule 1: cards the network's addresses left within the window. */
    Set<String> recentlyLeft(String network, Instant now) {
        Set<String> cards = new TreeSet<>();
        for (Move move : recent(network, now)) {
            move.from().ifPresent(cards::add);
        }
        return cards;
    }

    void clear() {
        moves.clear();
    }
}
