package net.linuxha.lock;

import java.util.Objects;

/**
 * Who holds or waits for a lock: one connection of one tool, for example {@code clstartapp:4711}. Two connections of
 * the same process must use distinct ids if they are to hold locks independently.
 */
public record ClientId(String value) {

    public ClientId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || !value.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException("Lock client id '" + value
                    + "' is not usable: it must be printable ASCII without spaces, e.g. clstartapp:4711");
        }
    }

    /** The usual form: the tool's name and its process id. */
    public static ClientId of(String tool, long pid) {
        return new ClientId(tool + ":" + pid);
    }

    @Override
    public String toString() {
        return value;
    }
}
