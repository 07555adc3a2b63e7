package net.linuxha.lock;

import java.util.List;
import java.util.Objects;

/** The answer to the caller of a {@link LockTable} operation plus the events the operation caused for others. */
public record Outcome<R>(R reply, List<LockEvent> events) {

    public Outcome {
        Objects.requireNonNull(reply, "reply");
        events = List.copyOf(events);
    }
}
