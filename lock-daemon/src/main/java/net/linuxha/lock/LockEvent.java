package net.linuxha.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Something the lock table did on its own account, which the daemon must act on: answer a waiting client, or log.
 * Events are returned by every operation of {@link LockTable}, in the order they happened.
 */
public sealed interface LockEvent {

    String lock();

    ClientId client();

    /** When the table considers the event to have happened (a deadline, or the time of the operation). */
    Instant at();

    /** One line for the daemon's log. */
    String describe();

    /** A queued client now holds the lock: the daemon answers its pending request with "granted". */
    record Granted(String lock, ClientId client, Instant at, Instant queuedAt) implements LockEvent {
        @Override
        public String describe() {
            return "Lock " + lock + " granted to " + client + " after waiting "
                    + Duration.between(queuedAt, at).toSeconds() + " s";
        }
    }

    /**
     * A queued client's wait timeout ran out before the lock came free: the daemon answers its pending request with
     * "refused". {@code holder} is who held the lock at that moment.
     */
    record WaitTimedOut(String lock, ClientId client, Instant at, Instant queuedAt, ClientId holder)
            implements LockEvent {
        @Override
        public String describe() {
            return "Lock " + lock + " refused to " + client + " after waiting "
                    + Duration.between(queuedAt, at).toSeconds() + " s; still held by " + holder;
        }
    }

    /** A holder kept the lock past its maximum hold time and lost it: the daemon logs this as a warning. */
    record Expired(String lock, ClientId client, Instant at, Instant since, Duration maxHold) implements LockEvent {
        @Override
        public String describe() {
            return "Lock " + lock + " held by " + client + " for longer than its maximum of " + maxHold.toSeconds()
                    + " s (held since " + since + ") - released";
        }
    }

    /**
     * A lock was released because its holder's connection dropped ({@link LockTable#clientGone}); logged as a
     * warning, since a well-behaved tool releases its locks itself. {@code next} is who was granted it, if anyone.
     */
    record Abandoned(String lock, ClientId client, Instant at, Optional<ClientId> next) implements LockEvent {
        @Override
        public String describe() {
            return "Lock " + lock + " released because " + client + " disconnected while holding it";
        }
    }
}
