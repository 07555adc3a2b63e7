package net.linuxha.cluster.daemon;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The cluster daemon's clock: the system clock, shifted by a LAB-ONLY offset so that the lab can give the two nodes
 * clocks minutes apart without touching the host's real clock (the nodes share the host kernel's clock).
 *
 * <p>The offset comes from the system property {@code linuxha.clock.offset.seconds} or the environment variable
 * {@code LINUXHA_CLOCK_OFFSET_SECONDS} (the property wins), in whole seconds, may be negative. It shifts every time
 * the daemon reads: the TIME answer, the formation clock check, log stamps and the wire timestamps of its
 * WireContext. Production leaves both unset. See docs/cldaemon.md.
 */
public final class DaemonClock {

    public static final String PROPERTY = "linuxha.clock.offset.seconds";
    public static final String ENVIRONMENT = "LINUXHA_CLOCK_OFFSET_SECONDS";

    private DaemonClock() {
    }

    /** The offset asked for, if any; a value that is not a whole number of seconds is refused with the fix. */
    public static Optional<Duration> offset() {
        String text = System.getProperty(PROPERTY);
        String source = "system property " + PROPERTY;
        if (text == null || text.isBlank()) {
            text = System.getenv(ENVIRONMENT);
            source = "environment variable " + ENVIRONMENT;
        }
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(text.trim());
            return seconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + source + " is '" + text + "', not a whole number of seconds;"
                    + " unset it (it is a lab-only facility) or give e.g. 700 or -700", e);
        }
    }

    /** {@code base} shifted by the configured offset, or {@code base} itself. */
    public static Clock of(Clock base) {
        return offset().map(d -> Clock.offset(base, d)).orElse(base);
    }
}
