package net.linuxha.common.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Completion estimate of 11.3.1 from the shrinking out-of-sync amount, on an injected time line. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SyncEstimatorTest {

    private static final Instant T0 = Instant.parse("2005-06-27T12:42:33Z");

    @Test
    void rateFromTwoSamplesGivesTimeLeft() {
        SyncEstimator estimator = new SyncEstimator(Duration.ofSeconds(30));

        assertEquals(Optional.empty(), estimator.sample(T0, 100_000), "one sample has no rate");
        // 10,000 KiB in 2 s = 5,000 KiB/s; 90,000 KiB left = 18 s
        assertEquals(Optional.of(Duration.ofSeconds(18)), estimator.sample(T0.plusSeconds(2), 90_000));
    }

    @Test
    void onlyTheWindowCountsSoASpeedChangeShowsUp() {
        SyncEstimator estimator = new SyncEstimator(Duration.ofSeconds(10));
        estimator.sample(T0, 1_000_000);
        estimator.sample(T0.plusSeconds(10), 900_000);   // 10,000 KiB/s

        // slowed to 2,000 KiB/s: the window (10 s) drops the sample at T0, so only the new rate counts
        assertEquals(Optional.of(Duration.ofSeconds(440)), estimator.sample(T0.plusSeconds(20), 880_000));
    }

    @Test
    void newWritesRestartTheEstimateAndZeroMeansDone() {
        SyncEstimator estimator = new SyncEstimator();
        estimator.sample(T0, 50_000);
        estimator.sample(T0.plusSeconds(1), 40_000);

        assertEquals(Optional.empty(), estimator.sample(T0.plusSeconds(2), 60_000), "grew: no rate yet");
        assertEquals(Optional.of(Duration.ofSeconds(5)), estimator.sample(T0.plusSeconds(3), 50_000));
        assertEquals(Optional.of(Duration.ZERO), estimator.sample(T0.plusSeconds(4), 0));
    }

    @Test
    void completionIsPrintedAsDaysHoursMinutesSeconds() {
        assertEquals("0:04:12:00", FileSystemState.duration(Duration.ofMinutes(252)));
        assertEquals("1:00:00:05", FileSystemState.duration(Duration.ofDays(1).plusSeconds(5)));
    }
}
