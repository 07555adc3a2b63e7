package net.linuxha.common.storage;

import java.time.Duration;

/** Waits between polls (unmount retries, sync progress); tests pass one that advances their clock instead. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
