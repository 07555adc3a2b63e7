package net.linuxha.common.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Pure: estimates the time a resync still needs from how fast the out-of-sync amount shrinks (11.3.1 "Completion",
 * an estimate that "will vary second to second"). Keeps the samples of the last {@link #window} and uses the rate
 * between the oldest of them and the newest; writes that make the amount grow start the estimate afresh.
 */
public final class SyncEstimator {

    private record Sample(Instant at, long outOfSyncKib) {
    }

    private final Duration window;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public SyncEstimator(Duration window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    public SyncEstimator() {
        this(Duration.ofSeconds(30));
    }

    /** Records a sample and returns the estimated time left, when the rate is known. */
    public Optional<Duration> sample(Instant now, long outOfSyncKib) {
        if (outOfSyncKib == 0) {
            samples.clear();
            return Optional.of(Duration.ZERO);
        }
        Sample newest = samples.peekLast();
        if (newest != null && (outOfSyncKib > newest.outOfSyncKib() || now.isBefore(newest.at()))) {
            samples.clear();
        }
        samples.addLast(new Sample(now, outOfSyncKib));
        // keep one sample at or beyond the window's edge, so the rate always spans the whole window once it can
        while (samples.size() > 2 && !samples.stream().skip(1).findFirst().orElseThrow().at()
                .isAfter(now.minus(window))) {
            samples.removeFirst();
        }
        Sample oldest = samples.peekFirst();
        long done = oldest.outOfSyncKib() - outOfSyncKib;
        long millis = Duration.between(oldest.at(), now).toMillis();
        if (done <= 0 || millis <= 0) {
            return Optional.empty();
        }
        double kibPerMilli = (double) done / millis;
        return Optional.of(Duration.ofMillis(Math.round(outOfSyncKib / kibPerMilli)));
    }
}
