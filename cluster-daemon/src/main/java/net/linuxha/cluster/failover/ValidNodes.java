package net.linuxha.cluster.failover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The nodes one application may run on (17.2, 17.3, 21.2.6): GETVALIDNODES, SETVALIDNODES, ISVALID.
 *
 * <p>All cluster nodes are valid at first. A fail-over the application causes itself (a "software fail-over":
 * Lems asked for it after local restarts ran out) removes the node it left, so that a fault that follows the
 * application does not bounce it between the nodes forever: after failing on both nodes, no node is valid and the
 * application is halted rather than moved. A node failure does not remove anything. The administrator resets the
 * list with {@code SETVALIDNODES app=X} or restricts it with {@code SETVALIDNODES app=X nodes=A}.
 *
 * <p>Immutable; the nodes are always kept in clconf.xml order.
 */
public final class ValidNodes {

    private final List<String> clusterNodes;
    private final List<String> valid;

    private ValidNodes(List<String> clusterNodes, List<String> valid) {
        this.clusterNodes = clusterNodes;
        this.valid = valid;
    }

    /** Every node of the cluster is valid. */
    public static ValidNodes all(List<String> clusterNodes) {
        List<String> nodes = List.copyOf(clusterNodes);
        if (nodes.isEmpty() || new LinkedHashSet<>(nodes).size() != nodes.size()) {
            throw new IllegalArgumentException("The cluster nodes must be distinct and at least one, got " + nodes);
        }
        return new ValidNodes(nodes, nodes);
    }

    /**
     * Parses a node list as the daemons exchange it ({@code s14s1,s14s2} or {@code s14s1+s14s2}); blank means
     * every node.
     */
    public static ValidNodes parse(String text, List<String> clusterNodes) {
        ValidNodes everyone = all(clusterNodes);
        return text == null || text.isBlank() ? everyone : everyone.restrictTo(split(text));
    }

    /** The valid nodes in clconf.xml order (GETVALIDNODES). */
    public List<String> nodes() {
        return valid;
    }

    /** ISVALID: whether the application may run on {@code node}. */
    public boolean isValid(String node) {
        return valid.contains(node);
    }

    /** The list joined with {@code separator}: "," for GETVALIDNODES, "+" for APP_STATUS nodeinfo. */
    public String joined(String separator) {
        return String.join(separator, valid);
    }

    /** SETVALIDNODES without nodes: every cluster node is valid again. */
    public ValidNodes reset() {
        return new ValidNodes(clusterNodes, clusterNodes);
    }

    /** SETVALIDNODES nodes=A[,B]: only these nodes are valid. */
    public ValidNodes restrictTo(Collection<String> nodes) {
        Set<String> wanted = new LinkedHashSet<>(nodes);
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("SETVALIDNODES needs at least one node in nodes=; leave nodes= out "
                    + "to make every node valid again");
        }
        for (String n : wanted) {
            if (!clusterNodes.contains(n)) {
                throw new IllegalArgumentException("SETVALIDNODES names node '" + n + "', which is not a node of "
                        + "this cluster; use one of " + String.join(", ", clusterNodes));
            }
        }
        return new ValidNodes(clusterNodes, clusterNodes.stream().filter(wanted::contains).toList());
    }

    /** SETVALIDNODES with the raw {@code nodes=} argument, which may be absent. */
    public ValidNodes set(String nodesArgument) {
        return nodesArgument == null || nodesArgument.isBlank() ? reset() : restrictTo(split(nodesArgument));
    }

    /** The application failed over by itself from {@code failedNode}: fail-back there is no longer allowed. */
    public ValidNodes afterSoftwareFailover(String failedNode) {
        requireClusterNode(failedNode);
        List<String> left = new ArrayList<>(valid);
        left.remove(failedNode);
        return new ValidNodes(clusterNodes, List.copyOf(left));
    }

    /** Where the application may go if it must leave {@code from}: the first other valid node, if any. */
    public Optional<String> failoverTarget(String from) {
        return valid.stream().filter(n -> !n.equals(from)).findFirst();
    }

    /**
     * clstat's "Fail-over?" column and APP_STATUS failoverinfo: "No" if the other node is not available, or the
     * valid list does not include it.
     */
    public boolean canFailOver(String currentNode, boolean otherNodeUp) {
        return otherNodeUp && failoverTarget(currentNode).isPresent();
    }

    private void requireClusterNode(String node) {
        if (!clusterNodes.contains(Objects.requireNonNull(node, "node"))) {
            throw new IllegalArgumentException("Node '" + node + "' is not a node of this cluster; use one of "
                    + String.join(", ", clusterNodes));
        }
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split("[,+]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidNodes other && clusterNodes.equals(other.clusterNodes) && valid.equals(other.valid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clusterNodes, valid);
    }

    @Override
    public String toString() {
        return "ValidNodes" + valid + " of " + clusterNodes;
    }
}
