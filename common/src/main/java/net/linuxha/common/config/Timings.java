package net.linuxha.common.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code <timings>} of clconf.xml (7.2.1): heartbeat interval, the silence after which a warning is logged, the
 * silence after which the other node is dead, and how long cluster formation waits. Seconds with fractions in the
 * file; always {@code keepalive < warn < dead}.
 */
public record Timings(Duration keepalive, Duration warn, Duration dead, Duration clusterform) {

    /** 10.4: "timings.clusterform, (which if not present defaults to 300)". */
    public static final Duration DEFAULT_CLUSTERFORM = Duration.ofSeconds(300);

    public Timings {
        Objects.requireNonNull(keepalive, "keepalive");
        Objects.requireNonNull(warn, "warn");
        Objects.requireNonNull(dead, "dead");
        Objects.requireNonNull(clusterform, "clusterform");
        if (keepalive.isZero() || keepalive.isNegative() || warn.compareTo(keepalive) <= 0
                || dead.compareTo(warn) <= 0 || clusterform.isZero() || clusterform.isNegative()) {
            throw new IllegalArgumentException("timings need 0 < keepalive < warn < dead and clusterform > 0");
        }
    }
}
