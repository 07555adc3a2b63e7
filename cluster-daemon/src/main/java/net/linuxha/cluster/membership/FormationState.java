package net.linuxha.cluster.membership;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import net.linuxha.cluster.state.NodeState;

/**
 * Where a {@link Formation} stands.
 *
 * @param phase          the step of the handshake
 * @param local          this node's state, the answer it gives to ECHO
 * @param deadline       when {@code clusterform} runs out
 * @param nextAttemptAt  when to probe or echo the peer again
 * @param peerHeard      whether the peer has answered or spoken to us at all
 * @param requestedOfPeer the last CHANGE_DSTATE we sent the peer (primary only), or null
 * @param members        the cluster's nodes once formed, else empty
 */
public record FormationState(Phase phase, NodeState local, Instant deadline, Instant nextAttemptAt,
        boolean peerHeard, NodeState requestedOfPeer, List<String> members) {

    public enum Phase {
        /** Probing the networks for an address at which the peer answers. */
        LOCATING_PEER,
        /** Echoing the peer (primary, joiner) or waiting for the primary's requests (secondary). */
        WAITING_FOR_PEER,
        /** Both nodes agree UP; waiting for the peer's TIME. */
        CHECKING_CLOCK,
        FORMED,
        ABANDONED;

        public boolean isFinished() {
            return this == FORMED || this == ABANDONED;
        }
    }

    public FormationState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        members = List.copyOf(members);
    }

    FormationState withPhase(Phase p) {
        return new FormationState(p, local, deadline, nextAttemptAt, peerHeard, requestedOfPeer, members);
    }

    FormationState withLocal(NodeState next) {
        return new FormationState(phase, local.moveTo(next), deadline, nextAttemptAt, peerHeard, requestedOfPeer,
                members);
    }

    FormationState withNextAttemptAt(Instant at) {
        return new FormationState(phase, local, deadline, at, peerHeard, requestedOfPeer, members);
    }

    FormationState heard() {
        return new FormationState(phase, local, deadline, nextAttemptAt, true, requestedOfPeer, members);
    }

    FormationState withRequested(NodeState requested) {
        return new FormationState(phase, local, deadline, nextAttemptAt, peerHeard, requested, members);
    }

    FormationState formed(List<String> nodes) {
        return new FormationState(Phase.FORMED, local.moveTo(NodeState.UP), deadline, nextAttemptAt, peerHeard,
                requestedOfPeer, nodes);
    }

    FormationState abandoned() {
        return new FormationState(Phase.ABANDONED, local.moveTo(NodeState.DOWN), deadline, nextAttemptAt, peerHeard,
                requestedOfPeer, List.of());
    }
}
