package net.linuxha.common.config;

import java.time.Duration;
import java.util.Objects;

/**
 * A named node-local lock the lock daemon hands out and the longest one client may hold it before the daemon takes
 * it back (Reference 7.2.3); {@code description} is the {@code desc} attribute, shown in status output.
 *
 * <p>Names travel on the wire as {@code name=NAME}, so they may not contain white space or {@code =}; cllocks.xml
 * allows fewer characters still (letters, digits, '_', '-').
 */
public record LockDefinition(String name, String description, Duration maxHold) {

    public LockDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(maxHold, "maxHold");
        if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '=')) {
            throw new IllegalArgumentException("Lock name '" + name
                    + "' is not usable: a lock name must be printable ASCII without spaces or '='; "
                    + "rename the lock in cllocks.xml");
        }
        if (maxHold.isZero() || maxHold.isNegative()) {
            throw new IllegalArgumentException("Lock " + name + " has maximum hold time " + maxHold.toSeconds()
                    + " s; maxt in cllocks.xml must be a positive number of seconds");
        }
    }
}
