package net.linuxha.cluster.membership;

import java.time.Duration;
import java.util.Objects;

/**
 * The heartbeat part of clconf.xml's {@code <timings>} (7.2.1): send every {@code keepalive}, warn after
 * {@code warn} without one, consider the peer dead after {@code dead}. Like JGroups FD_ALL3, an order that cannot
 * work (a warning before the next heartbeat is even due, or death before the warning) is refused at construction.
 */
public record HeartbeatTimings(Duration keepalive, Duration warn, Duration dead) {

    public HeartbeatTimings {
        Objects.requireNonNull(keepalive, "keepalive");
        Objects.requireNonNull(warn, "warn");
        Objects.requireNonNull(dead, "dead");
        if (keepalive.isNegative() || keepalive.isZero()) {
            throw new IllegalArgumentException("Invalid timings in clconf.xml: keepalive must be positive, was "
                    + seconds(keepalive) + "; typical values are 1 to 10 seconds");
        }
        if (keepalive.compareTo(warn) >= 0 || warn.compareTo(dead) >= 0) {
            throw new IllegalArgumentException("Invalid timings in clconf.xml: need keepalive < warn < dead, got "
                    + "keepalive=" + seconds(keepalive) + ", warn=" + seconds(warn) + ", dead=" + seconds(dead)
                    + "; typically warn is twice keepalive and dead is 5 to 30 seconds");
        }
    }

    /** Timings in (possibly fractional) seconds, as clconf.xml gives them. */
    public static HeartbeatTimings ofSeconds(double keepalive, double warn, double dead) {
        return new HeartbeatTimings(millis(keepalive), millis(warn), millis(dead));
    }

    private static Duration millis(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : String.format("%.3fs", ms / 1000.0);
    }
}
