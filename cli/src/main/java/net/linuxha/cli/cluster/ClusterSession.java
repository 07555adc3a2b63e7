package net.linuxha.cli.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.DaemonNoReplyException;
import net.linuxha.common.wire.DaemonUnreachableException;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireException;

/**
 * The cluster as a tool sees it: the two nodes, this one first, and a client for each node's cluster daemon.
 * Requests to "the cluster" go to whichever daemon answers, this node's first (17.4: cldaemonctl "will connect to
 * the local or remote cluster daemon as necessary").
 */
public final class ClusterSession {

    private final ClusterSetup setup;
    private final ToolEnvironment env;
    private final ClusterNode local;
    private final String localNode;
    private final String peerNode;
    private final WireContext wire;

    private ClusterSession(ClusterSetup setup, ToolEnvironment env, ClusterNode local, String peerNode) {
        this.setup = setup;
        this.env = env;
        this.local = local;
        this.localNode = local.name();
        this.peerNode = peerNode;
        this.wire = setup.wireContext();
    }

    /** @throws ConfigException when this host is not one of the cluster's nodes */
    public static ClusterSession open(ClusterSetup setup, ToolEnvironment env) throws ConfigException {
        ClusterNode local = setup.local();
        return new ClusterSession(setup, env, local, setup.config().otherNode(local.name()).name());
    }

    public ClusterSetup setup() {
        return setup;
    }

    public ClusterConfig config() {
        return setup.config();
    }

    public String cluster() {
        return setup.config().name();
    }

    /** This node's entry in clconf.xml. */
    public ClusterNode localEntry() {
        return local;
    }

    public String localNode() {
        return localNode;
    }

    public String peerNode() {
        return peerNode;
    }

    /** Both nodes, this one first. */
    public List<String> nodes() {
        return List.of(localNode, peerNode);
    }

    public boolean isLocal(String node) {
        return node.equalsIgnoreCase(localNode);
    }

    /** The node's name as clconf.xml spells it, or empty when it is not a node of this cluster. */
    public Optional<String> node(String name) {
        return setup.config().findNode(name).map(ClusterNode::name);
    }

    /**
     * The node named by the tool's {@code --node} option as clconf.xml spells it; a usage error naming both nodes
     * when it is not one of them.
     */
    public String nodeOption(String name) {
        return node(name).orElseThrow(() -> new ToolException(ExitCode.USAGE, "--node " + name
                + " is not a node of cluster " + cluster() + " (" + String.join(", ", nodes()) + ")."));
    }

    public String otherNode(String node) {
        return isLocal(node) ? peerNode : localNode;
    }

    /** A client for {@code node}'s cluster daemon, named in errors the Reference's way. */
    public WireClient clusterDaemon(String node) {
        boolean local = isLocal(node);
        return new WireClient(env.locator().locate(node, config().port(), local),
                local ? "local cluster daemon" : "cluster daemon on " + node, wire);
    }

    /** A client for {@code node}'s network daemon (clnetdport must be configured). */
    public WireClient netDaemon(String node, int port) {
        boolean local = isLocal(node);
        return new WireClient(env.locator().locate(node, port, local),
                local ? "network daemon" : "network daemon on " + node, wire);
    }

    public Reply ask(String node, ClusterRequest request) throws WireException {
        return clusterDaemon(node).send(request);
    }

    /** {@code ECHO check=yes} to the node's cluster daemon. */
    public NodeProbe probe(String node) {
        try {
            Reply reply = ask(node, new ClusterRequest.Echo(true, false));
            if (reply.isError()) {
                return new NodeProbe.NoAnswer(node, reply.text());
            }
            return new NodeProbe.Running(node, reply.code());
        } catch (DaemonUnreachableException e) {
            return new NodeProbe.Down(node, e.getMessage() + " " + e.detail());
        } catch (DaemonNoReplyException e) {
            return new NodeProbe.NoAnswer(node, e.getMessage() + " " + e.detail());
        } catch (WireException e) {
            return new NodeProbe.NoAnswer(node, e.getMessage());
        }
    }

    /** Probes of both nodes, this one first. */
    public List<NodeProbe> probeAll() {
        List<NodeProbe> probes = new ArrayList<>(2);
        for (String node : nodes()) {
            probes.add(probe(node));
        }
        return probes;
    }

    /** The first node (this one first) whose daemon answers, or empty when the cluster is not running. */
    public Optional<String> answeringNode() {
        return probeAll().stream().filter(NodeProbe::answered).map(NodeProbe::node).findFirst();
    }
}
