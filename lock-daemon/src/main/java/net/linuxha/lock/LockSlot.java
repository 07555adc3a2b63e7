package net.linuxha.lock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import net.linuxha.common.config.LockDefinition;

/**
 * The mutable state of one lock inside {@link LockTable}: at most one holder and a FIFO queue of waiters.
 *
 * <p>Invariant: the queue is empty whenever there is no holder (a free lock is granted at once), and a client is
 * never both holder and waiter, nor twice in the queue.
 */
final class LockSlot {

    private final LockDefinition definition;
    private LockStatus.Holder holder;
    private final List<LockStatus.Waiter> waiters = new ArrayList<>();

    LockSlot(LockDefinition definition) {
        this.definition = definition;
    }

    LockDefinition definition() {
        return definition;
    }

    String name() {
        return definition.name();
    }

    Optional<LockStatus.Holder> holder() {
        return Optional.ofNullable(holder);
    }

    boolean isHeldBy(ClientId client) {
        return holder != null && holder.client().equals(client);
    }

    /** 1-based queue position of {@code client}, or 0 when it is not waiting. */
    int positionOf(ClientId client) {
        for (int i = 0; i < waiters.size(); i++) {
            if (waiters.get(i).client().equals(client)) {
                return i + 1;
            }
        }
        return 0;
    }

    Optional<LockStatus.Waiter> waiter(ClientId client) {
        int position = positionOf(client);
        return position == 0 ? Optional.empty() : Optional.of(waiters.get(position - 1));
    }

    void grant(ClientId client, Instant since) {
        holder = new LockStatus.Holder(client, since, since.plus(definition.maxHold()));
    }

    int enqueue(LockStatus.Waiter waiter) {
        waiters.add(waiter);
        return waiters.size();
    }

    boolean removeWaiter(ClientId client) {
        return waiters.removeIf(w -> w.client().equals(client));
    }

    /** Frees the lock and hands it to the first waiter, if any, from {@code now}; returns the grant event. */
    Optional<LockEvent.Granted> releaseAndGrantNext(Instant now) {
        holder = null;
        if (waiters.isEmpty()) {
            return Optional.empty();
        }
        LockStatus.Waiter next = waiters.remove(0);
        grant(next.client(), now);
        return Optional.of(new LockEvent.Granted(name(), next.client(), now, next.queuedAt()));
    }

    /**
     * Brings the lock up to {@code now}: waiters whose deadline passed while the lock was busy are refused, and a
     * holder past its maximum hold time loses the lock to the next waiter still waiting at that moment.
     */
    void advance(Instant now, List<LockEvent> events) {
        if (holder != null && !now.isBefore(holder.expiresAfter())) {
            Instant expiry = holder.expiresAfter();
            // Waiters whose deadline came strictly before the expiry gave up while the holder still had the lock.
            timeOutWaiters(expiry, false, events);
            events.add(new LockEvent.Expired(name(), holder.client(), expiry, holder.since(), definition.maxHold()));
            releaseAndGrantNext(now).ifPresent(events::add);
        }
        timeOutWaiters(now, true, events);
    }

    private void timeOutWaiters(Instant limit, boolean inclusive, List<LockEvent> events) {
        Iterator<LockStatus.Waiter> it = waiters.iterator();
        while (it.hasNext()) {
            LockStatus.Waiter w = it.next();
            if (w.deadline().isPresent()) {
                Instant deadline = w.deadline().get();
                boolean due = inclusive ? !deadline.isAfter(limit) : deadline.isBefore(limit);
                if (due) {
                    it.remove();
                    events.add(new LockEvent.WaitTimedOut(name(), w.client(), deadline, w.queuedAt(),
                            holder.client()));
                }
            }
        }
    }

    /** The earliest moment at which {@link #advance} would change something, if any. */
    Optional<Instant> nextDeadline() {
        Instant next = holder == null ? null : holder.expiresAfter();
        for (LockStatus.Waiter w : waiters) {
            if (w.deadline().isPresent() && (next == null || w.deadline().get().isBefore(next))) {
                next = w.deadline().get();
            }
        }
        return Optional.ofNullable(next);
    }

    LockStatus status() {
        return new LockStatus(definition, Optional.ofNullable(holder), waiters);
    }
}
