package net.linuxha.common.shell;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on a condition with a bound, polling; tests never sleep a fixed time. */
final class Waits {

    private Waits() {
    }

    static boolean until(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
