package net.linuxha.lock;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One named lock the lock daemon hands out (Reference 7.2.3): its name, a description for status output and the
 * longest time one client may hold it before the daemon takes it back.
 *
 * <p>Names travel on the wire as {@code lock=NAME}, so they may not contain white space or {@code =}.
 */
public record LockDefinition(String name, String description, Duration maxHold) {

    /** The Reference's built-in set (7.2.3 sample {@code cllocks.xml}); used when no {@code cllocks.xml} exists. */
    public static final List<LockDefinition> BUILT_IN = List.of(
            new LockDefinition("NET", "Network Config", Duration.ofSeconds(40)),
            new LockDefinition("NBD_CLIENT", "DRBD Primary Access", Duration.ofSeconds(45)),
            new LockDefinition("NBD_SERVER", "DRBD Secondary Access", Duration.ofSeconds(45)));

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
