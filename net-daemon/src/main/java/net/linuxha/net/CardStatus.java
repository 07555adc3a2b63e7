package net.linuxha.net;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One card as {@code NET_STATUS} shows it.
 *
 * @param carrier  link up or down; empty until the first reading
 * @param usable   whether addresses may be moved onto it now
 * @param heldFor  what is left of its hold period after a failure (zero when not held)
 * @param failures carrier losses and failed moves onto it since monitoring (re)started
 * @param lastUsed when addresses were last put on it; empty when never
 */
public record CardStatus(String card, Optional<Boolean> carrier, boolean usable, Duration heldFor, int failures,
                         Optional<Instant> lastUsed, List<CardAddress> addresses) {

    public CardStatus {
        addresses = List.copyOf(addresses);
    }

    /** Holds addresses of the network: the static node address, application aliases or both. */
    public boolean active() {
        return !addresses.isEmpty();
    }
}
