package net.linuxha.common.app;

import java.util.Objects;

/** STALE flag files to create and to delete in one node's status directory. */
public record FlagUpdate(StaleFlags write, StaleFlags delete) {

    public FlagUpdate {
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(delete, "delete");
    }

    public static FlagUpdate none() {
        return new FlagUpdate(StaleFlags.none(), StaleFlags.none());
    }

    /** What turns the flags a node has into the flags it should have. */
    public static FlagUpdate between(StaleFlags current, StaleFlags target) {
        return new FlagUpdate(target.minus(current), current.minus(target));
    }

    public boolean isEmpty() {
        return write.isEmpty() && delete.isEmpty();
    }
}
