package net.linuxha.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.common.config.LockConfig;
import net.linuxha.common.config.LockDefinition;

/**
 * The lock daemon's table of named, node-local locks (Reference 5.5, 7.2.3): at most one holder per lock, waiters
 * granted in the order they asked, and no lock held longer than its maximum hold time.
 *
 * <p>Pure logic, no threads and no clock of its own: every operation takes the current time, first brings the table
 * up to that time (expiring holders, refusing waiters whose timeout ran out, granting the next in line) and returns
 * what it did as {@link LockEvent}s, oldest first. The daemon calls {@link #tick} at {@link #nextDeadline()} so that
 * it sleeps while nothing is due; calling it late only delays events, except that a waiter granted late gets its full
 * hold time from the moment of the grant. Times passed in must come from a clock that does not run backwards; an
 * earlier time than one already seen is treated as that one.
 *
 * <p>Not thread-safe: the daemon owns it from one thread (its event loop).
 */
public final class LockTable {

    private final Map<String, LockSlot> slots = new LinkedHashMap<>();
    private Instant latest = Instant.MIN;

    public LockTable(Collection<LockDefinition> definitions) {
        for (LockDefinition d : definitions) {
            if (slots.putIfAbsent(d.name(), new LockSlot(d)) != null) {
                throw new IllegalArgumentException("Lock " + d.name()
                        + " is defined twice; each <lock name=...> in cllocks.xml must be unique");
            }
        }
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("No locks defined; cllocks.xml must define at least one <lock>, "
                    + "or be removed to use the built-in NET, NBD_CLIENT and NBD_SERVER locks");
        }
    }

    /** A table of the Reference's built-in locks NET (40 s), NBD_CLIENT (45 s) and NBD_SERVER (45 s). */
    public static LockTable withBuiltInLocks() {
        return of(LockConfig.DEFAULTS);
    }

    /** A table of the locks of a loaded {@code cllocks.xml} (the built-in ones, overridden and extended). */
    public static LockTable of(LockConfig config) {
        return new LockTable(config.locks().values());
    }

    public List<String> lockNames() {
        return List.copyOf(slots.keySet());
    }

    /**
     * Asks for {@code lock} on behalf of {@code client}.
     *
     * @param maxWait how long the client is prepared to wait if the lock is busy: zero to be refused at once, empty
     *                to wait as long as it takes (each holder in front is bounded by the maximum hold time)
     */
    public Outcome<AcquireReply> acquire(String lock, ClientId client, Optional<Duration> maxWait, Instant now) {
        Objects.requireNonNull(client, "client");
        if (maxWait.isPresent() && maxWait.get().isNegative()) {
            throw new IllegalArgumentException("Wait timeout for lock " + lock + " is negative (" + maxWait.get()
                    + "); use zero to not wait at all");
        }
        LockSlot slot = slot(lock);
        Instant at = advanceTo(now);
        List<LockEvent> events = advanceAll(at);
        Optional<LockStatus.Holder> holder = slot.holder();
        AcquireReply reply;
        if (holder.isEmpty()) {
            slot.grant(client, at);
            reply = new AcquireReply.Granted(lock, at);
        } else if (holder.get().client().equals(client)) {
            reply = new AcquireReply.AlreadyHeld(lock, holder.get().since());
        } else if (slot.positionOf(client) > 0) {
            reply = new AcquireReply.Queued(lock, slot.positionOf(client), holder.get().client(),
                    slot.waiter(client).orElseThrow().deadline());
        } else if (maxWait.isPresent() && maxWait.get().isZero()) {
            reply = new AcquireReply.Refused(lock, holder.get().client(), holder.get().since());
        } else {
            Optional<Instant> deadline = maxWait.map(at::plus);
            int position = slot.enqueue(new LockStatus.Waiter(client, at, deadline));
            reply = new AcquireReply.Queued(lock, position, holder.get().client(), deadline);
        }
        return new Outcome<>(reply, events);
    }

    /** Gives {@code lock} back; a client that was only waiting leaves the queue instead. */
    public Outcome<ReleaseReply> release(String lock, ClientId client, Instant now) {
        Objects.requireNonNull(client, "client");
        LockSlot slot = slot(lock);
        Instant at = advanceTo(now);
        List<LockEvent> events = advanceAll(at);
        ReleaseReply reply;
        if (slot.isHeldBy(client)) {
            Optional<LockEvent.Granted> granted = slot.releaseAndGrantNext(at);
            granted.ifPresent(events::add);
            reply = new ReleaseReply.Released(lock, granted.map(LockEvent.Granted::client));
        } else if (slot.removeWaiter(client)) {
            reply = new ReleaseReply.LeftQueue(lock);
        } else {
            reply = new ReleaseReply.NotHeld(lock, slot.holder().map(LockStatus.Holder::client));
        }
        return new Outcome<>(reply, events);
    }

    /** The client's connection dropped: it leaves every queue and every lock it held goes to the next in line. */
    public List<LockEvent> clientGone(ClientId client, Instant now) {
        Objects.requireNonNull(client, "client");
        Instant at = advanceTo(now);
        List<LockEvent> events = advanceAll(at);
        for (LockSlot slot : slots.values()) {
            slot.removeWaiter(client);
            if (slot.isHeldBy(client)) {
                Optional<LockEvent.Granted> granted = slot.releaseAndGrantNext(at);
                events.add(new LockEvent.Abandoned(slot.name(), client, at, granted.map(LockEvent.Granted::client)));
                granted.ifPresent(events::add);
            }
        }
        return events;
    }

    /** Brings the table up to {@code now} and returns what happened: expiries, refusals and grants. */
    public List<LockEvent> tick(Instant now) {
        return advanceAll(advanceTo(now));
    }

    /** When the next {@link #tick} has something to do; empty when every lock is free. */
    public Optional<Instant> nextDeadline() {
        return slots.values().stream()
                .map(LockSlot::nextDeadline)
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    /** Holder, since when, and waiters of {@code lock}, as of the last operation or tick. */
    public LockStatus status(String lock) {
        return slot(lock).status();
    }

    public List<LockStatus> statusAll() {
        return slots.values().stream().map(LockSlot::status).toList();
    }

    private LockSlot slot(String lock) {
        LockSlot slot = slots.get(lock);
        if (slot == null) {
            throw new UnknownLockException(lock, lockNames());
        }
        return slot;
    }

    private Instant advanceTo(Instant now) {
        Objects.requireNonNull(now, "now");
        if (now.isAfter(latest)) {
            latest = now;
        }
        return latest;
    }

    private List<LockEvent> advanceAll(Instant now) {
        List<LockEvent> events = new ArrayList<>();
        for (LockSlot slot : slots.values()) {
            slot.advance(now, events);
        }
        // Stable sort: events of one instant keep the order in which the table produced them.
        events.sort(Comparator.comparing(LockEvent::at));
        return events;
    }
}
