package net.linuxha.lems.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on a condition with a bound, never a fixed sleep. */
public final class Wait {

    private Wait() {
    }

    public static boolean until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
