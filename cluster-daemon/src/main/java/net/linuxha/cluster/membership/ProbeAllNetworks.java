package net.linuxha.cluster.membership;

/**
 * Echo-probe the peer on every network of the cluster topology and report the answers as a {@link ProbeResult},
 * in the order they arrived. Every probe must be answered, with an empty list when no network answered within the
 * echo timeout: the heartbeat monitor waits for the answer before it probes again.
 */
public record ProbeAllNetworks() implements FormationAction, HeartbeatAction {
}
