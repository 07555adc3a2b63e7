package net.linuxha.cluster.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.app.FileSystemId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lvinfo rate and estimate (25.4: Kb/sec and minutes, floating point) and the lvinfo line format. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SyncRateTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void rateIsTheShrinkOfTheOutOfSyncAmountBetweenTwoSamples() {
        SyncRate rates = new SyncRate();
        assertTrue(rates.sample("r", T0, 10_000).isEmpty(), "one sample gives no rate");
        assertEquals(OptionalDouble.of(500.0), rates.sample("r", T0.plusSeconds(4), 8_000));
        assertEquals(OptionalDouble.of(8000 / 500.0 / 60), SyncRate.estimateMinutes(8_000, OptionalDouble.of(500)));
        assertTrue(rates.sample("r", T0.plusSeconds(5), 9_000).isEmpty(), "new writes: the rate starts afresh");
        assertTrue(rates.sample("r", T0.plusSeconds(5 + 11 * 60), 1_000).isEmpty(), "a sample too old says nothing");
        assertTrue(SyncRate.estimateMinutes(5, OptionalDouble.of(0)).isEmpty());
    }

    @Test
    void lvinfoLinesCarryProgressOnlyWhileSyncing() {
        FileSystemId fs = new FileSystemId("app01vg", "docs");
        assertEquals("app01vg.docs,-,3,active,both,drbd,sync", new VolumeInfo(fs, OptionalInt.of(3), "active", "both",
                "sync", Optional.empty()).line());
        assertEquals("app01vg.docs,-,-,stopped,unknown,drbd,unsync", new VolumeInfo(fs, OptionalInt.empty(), "stopped",
                "unknown", "unsync", Optional.empty()).line());
        assertEquals("app01vg.docs,-,3,active,local,drbd,syncing,100/400,-,-", new VolumeInfo(fs, OptionalInt.of(3),
                "active", "local", "syncing", Optional.of(new VolumeInfo.Progress(100, 400, OptionalDouble.empty(),
                OptionalDouble.empty()))).line());
    }
}
