package net.linuxha.cluster.membership;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock check made when a cluster forms or a node joins (10.1.1, 25.3): more than a minute apart is worth a
 * warning; more than ten minutes apart refuses the cluster unless --force is given, because application start
 * times are compared between nodes.
 */
public final class ClockCheck {

    public static final Duration WARN_OVER = Duration.ofMinutes(1);
    public static final Duration REFUSE_OVER = Duration.ofMinutes(10);

    public enum Verdict { IN_STEP, WARN, REFUSE }

    public record Result(Verdict verdict, Duration difference) {
    }

    private ClockCheck() {
    }

    /** Compares the peer's clock with ours; exactly one or ten minutes apart is still on the milder side. */
    public static Result compare(Instant localNow, Instant peerClock) {
        Duration difference = Duration.between(localNow, peerClock).abs();
        if (difference.compareTo(REFUSE_OVER) > 0) {
            return new Result(Verdict.REFUSE, difference);
        }
        if (difference.compareTo(WARN_OVER) > 0) {
            return new Result(Verdict.WARN, difference);
        }
        return new Result(Verdict.IN_STEP, difference);
    }
}
