package net.linuxha.common.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReplayGuardTest {

    private final MutableClock clock = new MutableClock(TestWire.T0);
    private final ReplayGuard guard = new ReplayGuard(clock, Duration.ofSeconds(30), 3);

    private static Frame at(long millis, long nonce) {
        return new Frame(FrameKind.REQUEST, millis, nonce, "ECHO");
    }

    @Test
    void freshRequestPassesAndItsCopyIsRefused() {
        assertNull(guard.admit(at(TestWire.T0, 1)));
        assertEquals(RejectReason.REPLAYED, guard.admit(at(TestWire.T0, 1)).reason());
    }

    @Test
    void timestampsJustInsideTheWindowPassAndJustOutsideAreStaleOrFuture() {
        assertNull(guard.admit(at(TestWire.T0 - 30_000, 1)));
        assertNull(guard.admit(at(TestWire.T0 + 30_000, 2)));
        assertEquals(RejectReason.STALE, guard.admit(at(TestWire.T0 - 30_001, 3)).reason());
        assertEquals(RejectReason.FUTURE, guard.admit(at(TestWire.T0 + 30_001, 4)).reason());
    }

    @Test
    void nonceIsForgottenOnlyOnceItsMessageWouldBeStaleAnyway() {
        assertNull(guard.admit(at(TestWire.T0, 1)));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(RejectReason.REPLAYED, guard.admit(at(TestWire.T0, 1)).reason());
        clock.advance(Duration.ofMillis(1));
        assertEquals(RejectReason.STALE, guard.admit(at(TestWire.T0, 1)).reason());
        assertNull(guard.admit(at(clock.millis(), 9)));
        assertEquals(1, guard.size());
    }

    @Test
    void memoryIsBoundedAndAFullCacheRefusesRatherThanForgets() {
        for (int i = 1; i <= 3; i++) {
            assertNull(guard.admit(at(TestWire.T0, i)));
        }
        assertEquals(RejectReason.REPLAY_CACHE_FULL, guard.admit(at(TestWire.T0, 4)).reason());
        assertEquals(RejectReason.REPLAYED, guard.admit(at(TestWire.T0, 2)).reason());
        clock.advance(Duration.ofSeconds(31));
        assertNull(guard.admit(at(clock.millis(), 4)));
        assertEquals(1, guard.size());
    }
}
