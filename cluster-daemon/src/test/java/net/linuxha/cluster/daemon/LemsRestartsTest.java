package net.linuxha.cluster.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bound on restarting a dead Lems: at most MAX starts in any WINDOW, per application, with injected instants. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LemsRestartsTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void allowsMaxStartsInAWindowThenRefusesUntilTheOldestLeavesIt() {
        LemsRestarts restarts = new LemsRestarts(3, Duration.ofMinutes(10));
        assertTrue(restarts.allow("apache", T0));
        assertTrue(restarts.allow("apache", T0.plusSeconds(60)));
        assertTrue(restarts.allow("apache", T0.plusSeconds(120)));
        assertFalse(restarts.allow("apache", T0.plusSeconds(180)), "a fourth start within 10 minutes");
        assertTrue(restarts.allow("samba", T0.plusSeconds(180)), "each application has its own count");
        assertEquals(T0.plus(Duration.ofMinutes(10)), restarts.nextAllowed("apache"));
        assertFalse(restarts.allow("apache", T0.plus(Duration.ofMinutes(10)).minusSeconds(1)));
        assertTrue(restarts.allow("apache", T0.plus(Duration.ofMinutes(10))), "the first start left the window");
    }

    @Test
    void defaultsAreFiveInTenMinutes() {
        LemsRestarts restarts = new LemsRestarts();
        for (int i = 0; i < 5; i++) {
            assertTrue(restarts.allow("a", T0.plusSeconds(i * 5L)));
        }
        assertFalse(restarts.allow("a", T0.plusSeconds(30)));
    }
}
