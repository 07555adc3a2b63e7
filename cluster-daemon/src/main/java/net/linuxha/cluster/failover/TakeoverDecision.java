package net.linuxha.cluster.failover;

import java.util.Objects;

/** What to do with one application of the dead node, and why (for the cluster log). */
public record TakeoverDecision(String application, Verdict verdict, String reason) {

    public enum Verdict {
        /** Start it here. */
        START,
        /** Start it here although the local data is stale (takeover=force): the STALE flags are removed first. */
        START_STALE,
        /** Leave it DOWN. */
        SKIP;

        public boolean starts() {
            return this != SKIP;
        }
    }

    public TakeoverDecision {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }
}
