package net.linuxha.cluster.failover;

import java.util.Objects;

/** What {@link PartitionDecider} concluded, with the reason to log. */
public record PartitionVerdict(Outcome outcome, String reason) {

    public enum Outcome {
        /** The peer node is down: start here the applications it was running. */
        PEER_DEAD,
        /** The peer node is up, only its cluster daemon is gone: leave every application where it is (21.5). */
        PEER_DAEMON_DIED,
        /** The nodes cannot see each other: no application state changes (21.6). */
        PARTITIONED
    }

    public PartitionVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the applications of the peer may be taken over. */
    public boolean allowsTakeover() {
        return outcome == Outcome.PEER_DEAD;
    }
}
