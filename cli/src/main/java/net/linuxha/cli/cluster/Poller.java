package net.linuxha.cli.cluster;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition by asking it again every interval, never longer than a timeout: the tools' way to wait for
 * a daemon to answer UP or an application to reach a state. The deadline is measured on the monotonic clock, so a
 * node's wall clock being set during formation does not stretch the wait.
 */
public final class Poller {

    private final Duration interval;

    public Poller(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, got " + interval);
        }
        this.interval = interval;
    }

    /**
     * True as soon as {@code condition} holds; false once {@code timeout} has passed without it. The condition is
     * asked at least once, even with a zero timeout.
     */
    public boolean until(Duration timeout, BooleanSupplier condition) {
        Objects.requireNonNull(condition, "condition");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(interval.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
