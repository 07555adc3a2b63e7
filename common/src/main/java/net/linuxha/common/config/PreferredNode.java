package net.linuxha.common.config;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * appconf.xml global.preferred_node (19): a node name, or a rule choosing the node when the application starts.
 *
 * @param policy which kind of preference
 * @param node   the node name when {@code policy} is {@link Policy#NODE}, otherwise empty
 */
public record PreferredNode(Policy policy, Optional<String> node) {

    public enum Policy {
        /** A named node of the cluster. */
        NODE,
        /** The node running the fewest applications. */
        LEAST_APP_LOAD,
        /** The node with the lowest CPU load. */
        LEAST_CPU_LOAD
    }

    public PreferredNode {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(node, "node");
        if ((policy == Policy.NODE) != node.isPresent()) {
            throw new IllegalArgumentException("a node name is given exactly when the policy is NODE");
        }
    }

    public static PreferredNode named(String node) {
        return new PreferredNode(Policy.NODE, Optional.of(node));
    }

    public static PreferredNode of(Policy policy) {
        return new PreferredNode(policy, Optional.empty());
    }

    /**
     * The node a LEAST_* policy picks: the first of {@code nodes} (clconf order) with the smallest {@code value},
     * so both nodes' tools and daemons agree on ties.
     */
    public static String least(List<String> nodes, ToDoubleFunction<String> value) {
        return nodes.stream().min(Comparator.comparingDouble(value)).orElseThrow(
                () -> new IllegalArgumentException("no node to choose from"));
    }

    @Override
    public String toString() {
        return node.orElse(policy.name());
    }
}
