package net.linuxha.cluster.membership;

import java.util.List;
import java.util.Objects;

import net.linuxha.cluster.state.NodeState;

/** What {@link Formation} asks the I/O layer to do, in order. */
public sealed interface FormationAction permits Log, ProbeAllNetworks, FormationAction.SendEcho,
        FormationAction.SendChangeState, FormationAction.RequestPeerTime, FormationAction.SendAbortToPeer,
        FormationAction.ClusterFormed, FormationAction.FormationAbandoned {

    /** Send ECHO (with HELLO=yes when joining) to the peer on the network found; answer with an EchoReply. */
    record SendEcho(boolean hello) implements FormationAction {
    }

    /** Send CHANGE_DSTATE state=... to the peer. */
    record SendChangeState(NodeState state) implements FormationAction {
        public SendChangeState {
            Objects.requireNonNull(state, "state");
        }
    }

    /** Send TIME to the peer; answer with a PeerTime. */
    record RequestPeerTime() implements FormationAction {
    }

    /** Send ABORT to the peer: it agreed UP but we will not form the cluster with it. */
    record SendAbortToPeer() implements FormationAction {
    }

    /** Formation is over and the cluster runs with these members (one node when formed alone with --force). */
    record ClusterFormed(List<String> members) implements FormationAction {
        public ClusterFormed {
            members = List.copyOf(members);
        }
    }

    /** Formation is over and failed; the daemon exits with an error after logging. */
    record FormationAbandoned(String reason) implements FormationAction {
        public FormationAbandoned {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
