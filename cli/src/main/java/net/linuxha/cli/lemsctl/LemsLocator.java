package net.linuxha.cli.lemsctl;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireException;

/**
 * Which node's Lems to ask for an application (Reference 16.1: "It does not matter which node this command is run
 * on"). The local cluster daemon knows where the application runs: the second field of its {@code APP_STATUS}
 * answer ({@code STATE,server,monitor,...}). Without an answer naming a node of the cluster, this node is tried
 * first, then the other.
 */
final class LemsLocator {

    /** A Lems to try: the node's name and the address of its Lems. */
    record Target(String node, InetSocketAddress address) {
    }

    private final ClusterSetup setup;

    LemsLocator(ClusterSetup setup) {
        this.setup = Objects.requireNonNull(setup, "setup");
    }

    List<Target> targets(String application, int port) throws ConfigException {
        Target here = new Target(setup.localNode(), ClusterSetup.localAddress(port));
        Optional<String> peerName = peerName();
        Optional<String> running = runningOn(application);
        if (running.isPresent() && peerName.isPresent() && running.get().equals(peerName.get())) {
            return List.of(remote(peerName.get(), port));
        }
        if (running.isPresent() && running.get().equals(setup.localNode())) {
            return List.of(here);
        }
        return peerName.map(peer -> List.of(here, remote(peer, port))).orElse(List.of(here));
    }

    private static Target remote(String node, int port) {
        return new Target(node, ClusterSetup.address(node, port));
    }

    private Optional<String> peerName() {
        try {
            return Optional.of(setup.peer().name());
        } catch (ConfigException notANode) {
            // lemsctl run on a host outside the cluster: only the local Lems can be asked
            return Optional.empty();
        }
    }

    /** The node the local cluster daemon says runs the application; empty when it does not answer or know. */
    private Optional<String> runningOn(String application) {
        WireClient cldaemon = new WireClient(ClusterSetup.localAddress(setup.config().port()), "local cluster daemon",
                setup.wireContext());
        try {
            Reply reply = cldaemon.send(new ClusterRequest.AppStatus(application, false, false, false));
            List<String> fields = reply.fields();
            if (fields.size() < 2) {
                return Optional.empty();
            }
            String node = fields.get(1).strip();
            boolean known = setup.config().nodes().stream().map(ClusterNode::name).anyMatch(node::equals);
            return known ? Optional.of(node) : Optional.empty();
        } catch (WireException unreachable) {
            return Optional.empty();
        }
    }
}
