package net.linuxha.common.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One line of clstat -A's "File Systems" section (11.3.1), seen from this node.
 *
 * @param valid    which copy holds valid data: both, local, remote (none: neither; unknown: DRBD is down here)
 * @param state    sync, syncing or unsync (down: DRBD is not started on this node)
 * @param percent  while syncing, how far the resynchronisation is
 * @param timeLeft while syncing, the estimated time to completion, when the rate is known
 */
public record FileSystemState(Path mountPoint, String resource, Valid valid, SyncState state, OptionalDouble percent,
                              Optional<Duration> timeLeft) {

    /** The Valid column. */
    public enum Valid {
        BOTH, LOCAL, REMOTE, NONE, UNKNOWN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The State column. */
    public enum SyncState {
        SYNC("Sync"), SYNCING("Syncing"), UNSYNC("Unsync"), DOWN("Down");

        private final String label;

        SyncState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public FileSystemState {
        Objects.requireNonNull(mountPoint, "mountPoint");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(timeLeft, "timeLeft");
    }

    public boolean inSync() {
        return valid == Valid.BOTH && state == SyncState.SYNC;
    }

    /** The Completion column: {@code d:hh:mm:ss} as in the Reference's {@code 0:04:12:00}; empty when unknown. */
    public String completion() {
        return timeLeft.map(FileSystemState::duration).orElse("");
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format(Locale.ROOT, "%d:%02d:%02d:%02d", s / 86400, s / 3600 % 24, s / 60 % 60, s % 60);
    }

    /** {@code /apache  both  drbd  Syncing  29 %  0:00:04:12}, the columns of 11.3.1. */
    public String line() {
        String pct = percent.isPresent() ? String.format(Locale.ROOT, "%.1f %%", percent.getAsDouble()) : "";
        return String.format(Locale.ROOT, "%-20s %-7s %-5s %-8s %-10s %s", mountPoint, valid.label(), "drbd",
                state.label(), pct, completion()).stripTrailing();
    }
}
