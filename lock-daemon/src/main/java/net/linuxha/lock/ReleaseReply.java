package net.linuxha.lock;

import java.util.Optional;

/** The immediate answer to {@link LockTable#release}. */
public sealed interface ReleaseReply {

    /** The client held the lock and no longer does; {@code next} is the waiter granted it, if any. */
    record Released(String lock, Optional<ClientId> next) implements ReleaseReply {
    }

    /** The client was waiting, not holding: it leaves the queue and will get no grant. */
    record LeftQueue(String lock) implements ReleaseReply {
    }

    /**
     * The client neither holds nor waits for the lock (it may have lost it to its maximum hold time); {@code holder}
     * is the current holder, if any.
     */
    record NotHeld(String lock, Optional<ClientId> holder) implements ReleaseReply {
    }
}
