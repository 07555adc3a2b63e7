package net.linuxha.common.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded waits on a condition for every module's tests (common's test-jar): tests poll, never sleep a fixed time
 * and hope (JGroups {@code Util.waitUntil}).
 */
public final class Wait {

    /** Between two looks at a cheap condition (a flag, a file). */
    public static final Duration OFTEN = Duration.ofMillis(20);
    /** Between two looks at a costly condition (a command run inside a lab node). */
    public static final Duration SLOWLY = Duration.ofMillis(250);

    private Wait() {
    }

    /** True as soon as {@code condition} holds, false when it still does not after {@code limit}. */
    public static boolean until(Duration limit, BooleanSupplier condition) {
        return until(limit, OFTEN, condition);
    }

    /**
     * The same, looking every {@code interval} (a costly condition, e.g. a command run inside a lab node). An
     * interrupt ends the wait with false, the thread's interrupt flag set again.
     */
    public static boolean until(Duration limit, Duration interval, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Fails with {@code failure} (computed then) unless {@code condition} holds within {@code limit}. */
    public static void assertWithin(Duration limit, BooleanSupplier condition, Supplier<String> failure) {
        assertWithin(limit, OFTEN, condition, failure);
    }

    /** The same, looking every {@code interval}, for a condition that says what it waits for by its name. */
    public static void assertWithin(Duration limit, Duration interval, BooleanSupplier condition) {
        assertWithin(limit, interval, condition, () -> "the condition does not hold");
    }

    /** The same, looking every {@code interval}. */
    public static void assertWithin(Duration limit, Duration interval, BooleanSupplier condition,
                                    Supplier<String> failure) {
        if (!until(limit, interval, condition)) {
            throw new AssertionError("not within " + limit.toMillis() + " ms: " + failure.get());
        }
    }
}
