package net.linuxha.cluster.membership;

import java.util.Objects;

/** What {@link HeartbeatMonitor} asks the I/O layer to do, in order. */
public sealed interface HeartbeatAction permits Log, ProbeAllNetworks, HeartbeatAction.SendHeartbeat,
        HeartbeatAction.PeerUnreachable, HeartbeatAction.PeerDaemonDied, HeartbeatAction.PeerReachableAgain {

    /** Send one heartbeat to the peer over {@code network}. */
    record SendHeartbeat(String network) implements HeartbeatAction {
        public SendHeartbeat {
            Objects.requireNonNull(network, "network");
        }
    }

    /**
     * No heartbeat for {@code dead} and no network reaches the peer: it is a dead candidate. The daemon now asks
     * the {@code PartitionDecider} whether the node died or the networks are partitioned (21.6).
     */
    record PeerUnreachable(String node) implements HeartbeatAction {
        public PeerUnreachable {
            Objects.requireNonNull(node, "node");
        }
    }

    /**
     * No heartbeat for {@code dead}, yet the peer's host answers on {@code network}: its cluster daemon died.
     * Mark the node DIED and leave every application where it is (21.5).
     */
    record PeerDaemonDied(String node, String network) implements HeartbeatAction {
        public PeerDaemonDied {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(network, "network");
        }
    }

    /** Heartbeats arrive again after a verdict: communication is re-established (check for duplicates, 21.6). */
    record PeerReachableAgain(String node, String network) implements HeartbeatAction {
        public PeerReachableAgain {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(network, "network");
        }
    }
}
