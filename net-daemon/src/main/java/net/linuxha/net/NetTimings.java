package net.linuxha.net;

import java.time.Duration;
import java.util.Objects;

/**
 * The times that shape the network daemon's decisions. Each has a default; {@link #validate()} rejects combinations
 * that cannot work, naming the value and what it must be.
 *
 * @param pollInterval  how often the I/O loop reads the carrier of every card when no link event arrives. The
 *                      Reference (5.6) polls "typically 5 times a second", so at most 200 ms is allowed; the default
 *                      of 50 ms keeps a cable pull to address answering on the standby card well under 100 ms even
 *                      when no link event arrives.
 * @param carrierSettle how long a card's carrier must have been up without a break before the card counts as
 *                      working again after a loss: a card that flapped within this time is not chosen as a target,
 *                      and a network that is down is not reported up. Default 200 ms, twice the 100 ms flaps a bad
 *                      cable or a renegotiating switch port shows.
 * @param lossConfirm   how long a carrier loss on a card holding addresses must last before the addresses move.
 *                      Default zero: act on the first reported loss, because the kernel reports carrier loss only
 *                      when the PHY has lost the link, and every millisecond here is outage for the clients. Raise it
 *                      only for cards whose drivers report spurious one-poll losses.
 * @param holdPeriod    how long a card that failed is marked faulty and not reused (Reference 21.2.1; 5.6's "minimum
 *                      time period between attempts to re-use the same card"). When every other card is faulty too,
 *                      the network is reported down, so cldaemon can move the applications to the other node. Default
 *                      60 s.
 */
public record NetTimings(Duration pollInterval, Duration carrierSettle, Duration lossConfirm, Duration holdPeriod) {

    /** The slowest polling the Reference allows: 5 times a second. */
    public static final Duration MAX_POLL_INTERVAL = Duration.ofMillis(200);

    public NetTimings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(carrierSettle, "carrierSettle");
        Objects.requireNonNull(lossConfirm, "lossConfirm");
        Objects.requireNonNull(holdPeriod, "holdPeriod");
    }

    public static NetTimings defaults() {
        return new NetTimings(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(60));
    }

    public NetTimings withHoldPeriod(Duration hold) {
        return new NetTimings(pollInterval, carrierSettle, lossConfirm, hold).validate();
    }

    public NetTimings withLossConfirm(Duration confirm) {
        return new NetTimings(pollInterval, carrierSettle, confirm, holdPeriod).validate();
    }

    public NetTimings withCarrierSettle(Duration settle) {
        return new NetTimings(pollInterval, settle, lossConfirm, holdPeriod).validate();
    }

    /**
     * Checks the values against each other.
     *
     * @return this
     * @throws IllegalArgumentException naming the value that is wrong and the range it must be in
     */
    public NetTimings validate() {
        if (pollInterval.isZero() || pollInterval.isNegative() || pollInterval.compareTo(MAX_POLL_INTERVAL) > 0) {
            throw new IllegalArgumentException("the network daemon's carrier poll interval must be more than 0 and "
                    + "at most " + MAX_POLL_INTERVAL.toMillis() + " ms (5 times a second, Reference 5.6), not "
                    + pollInterval.toMillis() + " ms");
        }
        if (carrierSettle.isNegative()) {
            throw new IllegalArgumentException("the carrier settle time must not be negative, not "
                    + carrierSettle.toMillis() + " ms");
        }
        if (lossConfirm.isNegative()) {
            throw new IllegalArgumentException("the carrier loss confirmation time must not be negative, not "
                    + lossConfirm.toMillis() + " ms");
        }
        if (holdPeriod.compareTo(carrierSettle) < 0 || holdPeriod.compareTo(lossConfirm) <= 0) {
            throw new IllegalArgumentException("the card hold period (" + holdPeriod.toMillis() + " ms) must be at "
                    + "least the carrier settle time (" + carrierSettle.toMillis() + " ms) and longer than the loss "
                    + "confirmation time (" + lossConfirm.toMillis() + " ms), or a flapping card would be reused "
                    + "while it still flaps");
        }
        return this;
    }
}
