package net.linuxha.common.app;

import java.util.Objects;
import java.util.Optional;

/** What one node's status directory for an application says: its STALE flags and its TIME, if any. */
public record StatusSnapshot(StaleFlags flags, Optional<TimeFile> time) {

    public StatusSnapshot {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(time, "time");
    }

    public static StatusSnapshot empty() {
        return new StatusSnapshot(StaleFlags.none(), Optional.empty());
    }

    public static StatusSnapshot of(StaleFlags flags, long epochSeconds) {
        return new StatusSnapshot(flags, Optional.of(new TimeFile(epochSeconds)));
    }

    public static StatusSnapshot of(StaleFlags flags) {
        return new StatusSnapshot(flags, Optional.empty());
    }
}
