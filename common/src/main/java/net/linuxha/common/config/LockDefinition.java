package net.linuxha.common.config;

import java.time.Duration;
import java.util.Objects;

/** A named node-local lock and the longest it may be held before the lock daemon breaks it (7.2.3). */
public record LockDefinition(String name, String description, Duration maxHold) {

    public LockDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(maxHold, "maxHold");
    }
}
