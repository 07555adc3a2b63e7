package net.linuxha.cluster.daemon;

import static net.linuxha.cluster.daemon.DaemonLog.LOG;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;

/**
 * Requests this daemon sends on to the other node's daemon while answering one: {@code forward=yes} (25.4) and the
 * requests answered where the application runs. The sending happens on the I/O executor.
 */
final class PeerForward {

    private final DaemonView d;

    PeerForward(DaemonView view) {
        this.d = view;
    }

    /**
     * Sends {@code toPeer} on when {@code forward} and the peer is in the cluster; the answer is the local one,
     * or FAIL-REMOTE (when {@code failRemote}) if the peer could not be told or did not answer OK.
     */
    CompletionStage<Reply> forward(boolean forward, ClusterRequest toPeer, Reply local, boolean failRemote) {
        if (!forward || !d.membership().peerUp()) {
            return CompletableFuture.completedFuture(local);
        }
        return d.executors().io(() -> d.peer().send(toPeer)).handle((reply, error) -> {
            if (error != null) {
                LOG.warn("Could not forward {} to node {}: {}", toPeer.keyword(), d.peerNode(),
                        DaemonExecutors.cause(error).getMessage());
                return failRemote && local.isOk() ? Reply.of("FAIL-REMOTE") : local;
            }
            if (failRemote && local.isOk() && !reply.isOk()) {
                LOG.warn("Node {} answered {} to {}", d.peerNode(), reply.text(), toPeer.keyword());
                return Reply.of("FAIL-REMOTE");
            }
            return local;
        });
    }

    /** The peer's answer to {@code request}; FAIL-REMOTE (logged) when it is not in the cluster or does not answer. */
    CompletionStage<Reply> ask(ClusterRequest request) {
        if (!d.membership().peerUp()) {
            LOG.warn("{} needs node {}, which is not in the cluster (state {})", request.keyword(), d.peerNode(),
                    d.membership().peerState());
            return CompletableFuture.completedFuture(Reply.of("FAIL-REMOTE"));
        }
        return d.executors().io(() -> d.peer().send(request)).exceptionally(error -> {
            LOG.warn("Node {} did not answer {}: {}", d.peerNode(), request.keyword(),
                    DaemonExecutors.cause(error).getMessage());
            return Reply.of("FAIL-REMOTE");
        });
    }

    /** Whether {@code from} is one of the other node's known addresses (a request relayed by its daemon). */
    boolean fromPeer(SocketAddress from) {
        return from instanceof InetSocketAddress a && a.getAddress() != null
                && d.peer().addresses().all().containsValue(a.getAddress().getHostAddress());
    }
}
