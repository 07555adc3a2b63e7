package net.linuxha.cluster.daemon;

import java.util.List;

/** What {@link Membership} tells the rest of the daemon; called on the state thread. */
interface MembershipListener {

    /** Formation is over: the cluster runs with {@code members} (this node alone when forced). */
    void formed(List<String> members);

    /** Formation failed; the daemon exits with an error. */
    void abandoned(String reason);

    /** The peer joined the running cluster, or is heard again after a verdict. */
    void peerUp();

    /** The peer's host answers but its daemon does not (21.5): nothing moves. */
    void peerDaemonDied();

    /** No network reaches the peer: dead node or partition (21.6). */
    void peerUnreachable();
}
