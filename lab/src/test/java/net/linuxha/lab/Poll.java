package net.linuxha.lab;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waits on a condition: tests poll, never sleep a fixed time and hope. */
final class Poll {

    static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private Poll() {
    }

    /** True as soon as the condition holds, false when it still does not hold after the limit. */
    static boolean until(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Fails with the message (computed at failure time) unless the condition holds within ten seconds. */
    static void assertWithin(BooleanSupplier condition, Supplier<String> message) {
        if (!until(TEN_SECONDS, condition)) {
            throw new AssertionError(message.get());
        }
    }
}
