package net.linuxha.cluster.membership;

import java.time.Instant;
import java.util.Objects;

import net.linuxha.cluster.state.NodeState;

/** What the I/O layer reports to {@link Formation}. */
public sealed interface FormationEvent permits Tick, ProbeResult, FormationEvent.EchoReply,
        FormationEvent.PeerTime, FormationEvent.StateChangeRequested {

    /** The peer answered our ECHO with its node state. */
    record EchoReply(NodeState peerState) implements FormationEvent {
        public EchoReply {
            Objects.requireNonNull(peerState, "peerState");
        }
    }

    /** The peer answered TIME with its clock. */
    record PeerTime(Instant peerClock) implements FormationEvent {
        public PeerTime {
            Objects.requireNonNull(peerClock, "peerClock");
        }
    }

    /** The primary sent us CHANGE_DSTATE state=... (we are the secondary). */
    record StateChangeRequested(NodeState requested) implements FormationEvent {
        public StateChangeRequested {
            Objects.requireNonNull(requested, "requested");
        }
    }
}
