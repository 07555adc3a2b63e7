package net.linuxha.cluster.failover;

import java.util.List;

/**
 * The applications to start on the surviving node, one at a time in this order (21.3: "each application is
 * started in sequence"), and those left DOWN.
 */
public record TakeoverPlan(List<TakeoverDecision> toStart, List<TakeoverDecision> skipped) {

    public TakeoverPlan {
        toStart = List.copyOf(toStart);
        skipped = List.copyOf(skipped);
    }

    /** The names to start, in order. */
    public List<String> startOrder() {
        return toStart.stream().map(TakeoverDecision::application).toList();
    }
}
