package net.linuxha.net;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the network daemon knows about one card's link: its carrier, since when, when it last failed and when it was
 * last chosen to hold a network's addresses. Mutable, owned by one {@link NetworkMonitor}; every question takes the
 * time, so nothing here reads a clock.
 *
 * <p>A card is <em>usable</em> (may receive addresses, or counts as working for a network that is down) when its
 * carrier is up, has been up for the settle time without a break, and its hold period after its last failure is over.
 * A carrier that was already up when monitoring started counts as settled: there is no history to distrust.
 */
final class CardLink {

    /** What a carrier observation changed. */
    enum Change {
        /** Same state as before (polling reports every state many times). */
        NONE,
        /** First observation since monitoring started. */
        FIRST,
        LOST,
        RESTORED
    }

    private final String card;
    private Boolean carrier;
    private Instant carrierSince;
    private Instant failedAt;
    private Instant lastUsed;
    private int failures;

    CardLink(String card) {
        this.card = Objects.requireNonNull(card, "card");
    }

    String card() {
        return card;
    }

    /** Records a carrier reading. A loss marks the card faulty from {@code now}. */
    Change observe(boolean up, Instant now) {
        if (carrier == null) {
            carrier = up;
            carrierSince = null;
            return Change.FIRST;
        }
        if (carrier == up) {
            return Change.NONE;
        }
        carrier = up;
        carrierSince = now;
        if (!up) {
            markFailed(now);
            return Change.LOST;
        }
        return Change.RESTORED;
    }

    /** Marks the card faulty from {@code now}, as a carrier loss or a failed move onto it does. */
    void markFailed(Instant now) {
        failedAt = now;
        failures++;
    }

    /** Records that the network's addresses were put on this card at {@code now}. */
    void markUsed(Instant now) {
        lastUsed = now;
    }

    Optional<Boolean> carrier() {
        return Optional.ofNullable(carrier);
    }

    boolean hasCarrier() {
        return Boolean.TRUE.equals(carrier);
    }

    Optional<Instant> lastUsed() {
        return Optional.ofNullable(lastUsed);
    }

    Optional<Instant> failedAt() {
        return Optional.ofNullable(failedAt);
    }

    int failures() {
        return failures;
    }

    boolean usable(Instant now, NetTimings timings) {
        return hasCarrier() && settled(now, timings) && !held(now, timings);
    }

    /** Carrier up, but not long enough yet to trust it. */
    boolean settled(Instant now, NetTimings timings) {
        return carrierSince == null || !now.isBefore(carrierSince.plus(timings.carrierSettle()));
    }

    /** Within the hold period after its last failure. */
    boolean held(Instant now, NetTimings timings) {
        return failedAt != null && now.isBefore(failedAt.plus(timings.holdPeriod()));
    }

    /** Carrier down for at least the loss confirmation time (at once when that time is zero). */
    boolean lossConfirmed(Instant now, NetTimings timings) {
        return Boolean.FALSE.equals(carrier)
                && (carrierSince == null || !now.isBefore(carrierSince.plus(timings.lossConfirm())));
    }

    /** Time left of the hold period, zero when not held. */
    Duration heldFor(Instant now, NetTimings timings) {
        if (!held(now, timings)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failedAt.plus(timings.holdPeriod()));
    }

    /**
     * The next moment after {@code now} at which {@link #usable} or {@link #lossConfirmed} can change without a new
     * observation, so the I/O loop knows when to come back even if no carrier event arrives.
     */
    Optional<Instant> nextChange(Instant now, NetTimings timings) {
        Instant next = null;
        if (carrierSince != null) {
            next = later(next, now, carrierSince.plus(timings.carrierSettle()));
            next = later(next, now, carrierSince.plus(timings.lossConfirm()));
        }
        if (failedAt != null) {
            next = later(next, now, failedAt.plus(timings.holdPeriod()));
        }
        return Optional.ofNullable(next);
    }

    private static Instant later(Instant best, Instant now, Instant candidate) {
        if (!candidate.isAfter(now)) {
            return best;
        }
        return best == null || candidate.isBefore(best) ? candidate : best;
    }
}
