package net.linuxha.cli.clrunapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.PreferredNode;

/**
 * Where clrunapp starts an application (19.2, 23): decided from what the cluster reports, without I/O of its own.
 *
 * <ol>
 * <li>The candidates are the nodes whose cluster daemon is UP and that are in the application's valid-node list
 * (GETVALIDNODES, 17.2): a node left out after a software fail-over is never chosen.</li>
 * <li>{@code --node N}: N, which must be a candidate ("assuming that the node is available").</li>
 * <li>A single candidate: that one (23: "the only node in a cluster if the other node is not available").</li>
 * <li>The cluster daemon's answer to PNODE, when it names a candidate.</li>
 * <li>appconf.xml {@code preferred_node}: a node name; LEAST_APP_LOAD, the candidate running the fewest
 * applications; LEAST_CPU_LOAD, the candidate with the lowest 1-minute load average (LOADAVERAGE).</li>
 * <li>Otherwise this node (23: "the current node").</li>
 * </ol>
 * Ties go to the node listed first in clconf.xml.
 */
public final class Placement {

    /** What the decision needs to know about the cluster; asked only as far as the decision needs it. */
    public interface Facts {

        /** The cluster's nodes in clconf.xml order. */
        List<String> nodes();

        String localNode();

        /** The nodes whose cluster daemon answers UP. */
        Set<String> upNodes();

        /** The application's valid-node list (GETVALIDNODES). */
        List<String> validNodes(String application);

        /** The daemon's PNODE answer, when it gave one. */
        Optional<String> daemonPreference(String application);

        /** appconf.xml preferred_node. */
        Optional<PreferredNode> configuredPreference(String application);

        /** How many applications run on {@code node} now. */
        int runningCount(String node);

        /** The node's 1-minute load average; empty when its daemon gives none. */
        OptionalDouble load(String node);
    }

    /** The node chosen, and in a few words why. */
    public record Choice(String node, String reason) {
        public Choice {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private Placement() {
    }

    /**
     * @param requested {@code --node}, already checked to be a node of the cluster
     * @throws ToolException when no node may run the application, naming why and the way out
     */
    public static Choice choose(String application, Optional<String> requested, Facts facts) {
        List<String> valid = facts.validNodes(application);
        Set<String> up = facts.upNodes();
        List<String> candidates = new ArrayList<>();
        for (String node : facts.nodes()) {
            if (up.contains(node) && contains(valid, node)) {
                candidates.add(node);
            }
        }
        if (requested.isPresent()) {
            return requestedNode(application, requested.get(), up, valid);
        }
        if (candidates.isEmpty()) {
            throw noCandidate(application, up, valid);
        }
        if (candidates.size() == 1) {
            return new Choice(candidates.get(0), "the only node available to it");
        }
        Optional<String> daemon = facts.daemonPreference(application).flatMap(n -> find(candidates, n));
        if (daemon.isPresent()) {
            return new Choice(daemon.get(), "the cluster daemon's preferred node (PNODE)");
        }
        Optional<Choice> configured = facts.configuredPreference(application)
                .flatMap(p -> configured(p, candidates, facts));
        if (configured.isPresent()) {
            return configured.get();
        }
        String fallback = contains(candidates, facts.localNode()) ? facts.localNode() : candidates.get(0);
        return new Choice(fallback, "no preferred node applies");
    }

    private static Choice requestedNode(String application, String node, Set<String> up, List<String> valid) {
        if (!up.contains(node)) {
            throw ToolException.failure("Node " + node + " is not available: its cluster daemon is not UP.\n"
                    + "Join it to the cluster (clform --join), or leave out --node to start " + application
                    + " where the cluster prefers.");
        }
        if (!contains(valid, node)) {
            throw ToolException.failure("Node " + node + " is not a valid node for application " + application
                    + " (valid nodes: " + describe(valid) + "), after an earlier software fail-over.\n"
                    + "Add --reset to make both nodes valid again, if the fault there has been fixed.");
        }
        return new Choice(node, "--node");
    }

    private static ToolException noCandidate(String application, Set<String> up, List<String> valid) {
        return ToolException.failure("No node may run application " + application + ": nodes up: "
                + describe(new ArrayList<>(up)) + "; valid nodes for " + application + ": " + describe(valid) + ".\n"
                + "Add --reset to make both nodes valid again if the fault that caused the fail-over is fixed, or "
                + "join the other node (clform --join).");
    }

    private static Optional<Choice> configured(PreferredNode preference, List<String> candidates, Facts facts) {
        return switch (preference.policy()) {
            case NODE -> find(candidates, preference.node().orElseThrow())
                    .map(n -> new Choice(n, "preferred_node " + n));
            case LEAST_APP_LOAD -> Optional.of(new Choice(PreferredNode.least(candidates,
                    n -> (double) facts.runningCount(n)), "preferred_node LEAST_APP_LOAD"));
            case LEAST_CPU_LOAD -> leastLoad(candidates, facts);
        };
    }

    private static Optional<Choice> leastLoad(List<String> candidates, Facts facts) {
        Map<String, Double> loads = new TreeMap<>();
        for (String node : candidates) {
            OptionalDouble load = facts.load(node);
            if (load.isPresent()) {
                loads.put(node, load.getAsDouble());
            }
        }
        if (loads.isEmpty()) {
            return Optional.empty();
        }
        List<String> measured = candidates.stream().filter(loads::containsKey).toList();
        return Optional.of(new Choice(PreferredNode.least(measured, loads::get), "preferred_node LEAST_CPU_LOAD"));
    }

    private static Optional<String> find(List<String> nodes, String name) {
        return nodes.stream().filter(n -> n.equalsIgnoreCase(name.strip())).findFirst();
    }

    private static boolean contains(List<String> nodes, String name) {
        return find(nodes, name).isPresent();
    }

    private static String describe(List<String> nodes) {
        return nodes.isEmpty() ? "none" : String.join(", ", nodes.stream().sorted().toList());
    }
}
