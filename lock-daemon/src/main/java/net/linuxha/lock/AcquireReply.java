package net.linuxha.lock;

import java.time.Instant;
import java.util.Optional;

/** The immediate answer to {@link LockTable#acquire}. */
public sealed interface AcquireReply {

    /** The client holds the lock from {@code since}. */
    record Granted(String lock, Instant since) implements AcquireReply {
    }

    /** The client already held the lock; nothing changed (a repeated request, e.g. after a lost reply). */
    record AlreadyHeld(String lock, Instant since) implements AcquireReply {
    }

    /**
     * The lock is busy and the client waits, {@code position} 1 being next in line. A {@link LockEvent.Granted} or
     * {@link LockEvent.WaitTimedOut} for this client follows later. Repeating the request while queued answers the
     * same, without moving the client or changing its deadline.
     */
    record Queued(String lock, int position, ClientId holder, Optional<Instant> deadline) implements AcquireReply {
    }

    /** The lock is busy and the client asked not to wait (a zero wait timeout). */
    record Refused(String lock, ClientId holder, Instant heldSince) implements AcquireReply {
    }
}
