package net.linuxha.cluster.membership;

/**
 * Echo-probe the peer on every network of the cluster topology and report the answers as a {@link ProbeResult},
 * in the order they arrived.
 */
public record ProbeAllNetworks() implements FormationAction, HeartbeatAction {
}
