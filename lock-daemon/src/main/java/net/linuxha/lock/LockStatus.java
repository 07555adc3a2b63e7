package net.linuxha.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.linuxha.common.config.LockDefinition;

/** A snapshot of one lock for status queries: its definition, its holder and its waiters in grant order. */
public record LockStatus(LockDefinition definition, Optional<Holder> holder, List<Waiter> waiters) {

    public LockStatus {
        waiters = List.copyOf(waiters);
    }

    public String name() {
        return definition.name();
    }

    /** Who holds the lock and since when; it will be taken back at {@code since + maxHold}. */
    public record Holder(ClientId client, Instant since, Instant expiresAfter) {
        public Duration heldFor(Instant now) {
            return Duration.between(since, now);
        }
    }

    /** A queued client, when it asked, and when it gives up (absent: it waits as long as it takes). */
    public record Waiter(ClientId client, Instant queuedAt, Optional<Instant> deadline) {
    }
}
