package net.linuxha.common.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ApplicationStorage#syncFrom} runs (8.6).
 *
 * @param forceFull    {@code --forcesync}: resynchronise everything even if DRBD's meta data says it is in sync
 * @param connectWait  how long both nodes may take to connect each resource
 * @param timeout      the longest the whole synchronisation may take before it is reported as failed
 * @param pollInterval how often progress is read and reported
 */
public record SyncOptions(boolean forceFull, Duration connectWait, Duration timeout, Duration pollInterval) {

    public SyncOptions {
        Objects.requireNonNull(connectWait, "connectWait");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** One minute to connect, a day to synchronise, progress every two seconds. */
    public static SyncOptions defaults(boolean forceFull) {
        return new SyncOptions(forceFull, Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofSeconds(2));
    }
}
