package net.linuxha.cluster.app;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Pure: the resynchronisation rate of each resource in KiB per second, from the out-of-sync amount seen by the
 * previous APP_STATUS lvinfo=yes and this one (25.4 "Rate of synchronisation in Kb/sec"). A sample older than
 * {@link #MAX_AGE}, or an amount that grew (new writes), starts afresh. Thread-safe: the I/O executor's threads
 * share one instance.
 */
public final class SyncRate {

    /** Samples further apart than this say little about the current rate. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private record Sample(Instant at, long outOfSyncKb) {
    }

    private final Map<String, Sample> last = new HashMap<>();

    /** Records {@code outOfSyncKb} for {@code resource} at {@code now}; the rate since the last sample, if known. */
    public synchronized OptionalDouble sample(String resource, Instant now, long outOfSyncKb) {
        Sample previous = last.put(resource, new Sample(now, outOfSyncKb));
        if (previous == null || outOfSyncKb > previous.outOfSyncKb() || !now.isAfter(previous.at())
                || Duration.between(previous.at(), now).compareTo(MAX_AGE) > 0) {
            return OptionalDouble.empty();
        }
        double seconds = Duration.between(previous.at(), now).toMillis() / 1000.0;
        return OptionalDouble.of((previous.outOfSyncKb() - outOfSyncKb) / seconds);
    }

    /** Minutes to resynchronise {@code outOfSyncKb} at {@code rate}; empty for an unknown or zero rate. */
    public static OptionalDouble estimateMinutes(long outOfSyncKb, OptionalDouble rate) {
        if (rate.isEmpty() || rate.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(outOfSyncKb / rate.getAsDouble() / 60.0);
    }
}
