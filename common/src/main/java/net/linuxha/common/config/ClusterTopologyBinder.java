package net.linuxha.common.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds the {@code <node>} elements of clconf.xml and checks the topology as clbuild does (7.2.1, 7.2.4): exactly
 * two nodes with distinct names, the same logical networks on both, each card in only one network per node, card
 * names like Linux interfaces, and the DRBD network defined on both nodes.
 */
final class ClusterTopologyBinder {

    private static final String NODE_NAME = "the node's host name (letters, digits, '-', '.')";
    private static final String CARDS = "a comma-separated list of Linux interface names such as eth0,eth1 "
            + "(1-15 letters, digits, '_', '-', '.'; no ':' aliases)";

    private final Problems problems;

    ClusterTopologyBinder(Problems problems) {
        this.problems = problems;
    }

    /** The nodes, or an empty list when any node had an error. {@code drbdNetwork} is null if it was invalid. */
    List<ClusterNode> bind(ConfigNode root, String drbdNetwork) {
        List<ConfigNode> nodeElements = root.children("node");
        List<ClusterNode> nodes = new ArrayList<>();
        List<ConfigNode> bound = new ArrayList<>();
        for (ConfigNode element : nodeElements) {
            node(element).ifPresent(n -> {
                nodes.add(n);
                bound.add(element);
            });
        }
        if (nodeElements.size() != 2) {
            problems.error(root.location("node"), "appears " + nodeElements.size() + " time"
                    + (nodeElements.size() == 1 ? "" : "s") + "; a cluster must define exactly two nodes");
            return List.of();
        }
        if (nodes.size() != 2) {
            return List.of();
        }
        if (nodes.get(0).name().equalsIgnoreCase(nodes.get(1).name())) {
            problems.error(bound.get(1).location("name"), "value \"" + nodes.get(1).name()
                    + "\" must differ from the name of the first node");
            return List.of();
        }
        sameNetworks(nodes, bound);
        if (drbdNetwork != null) {
            for (int i = 0; i < 2; i++) {
                if (nodes.get(i).network(drbdNetwork).isEmpty()) {
                    problems.error(bound.get(i).location(), "has no network \"" + drbdNetwork + "\", the "
                            + "<global><drbd_network>; the DRBD network must be defined on both nodes");
                }
            }
        }
        return nodes;
    }

    private Optional<ClusterNode> node(ConfigNode element) {
        Optional<String> name = element.requiredText("name", NODE_NAME)
                .map(f -> Values.hostname(f, problems, NODE_NAME));
        name.ifPresent(element::identify);
        Map<String, NetworkCards> networks = new LinkedHashMap<>();
        Map<String, String> networkOfCard = new LinkedHashMap<>();
        boolean ok = name.isPresent();
        List<ConfigNode> networkElements = element.children("network");
        for (ConfigNode network : networkElements) {
            Optional<NetworkCards> bound = network(network, networkOfCard, name.orElse("?"));
            if (bound.isEmpty()) {
                ok = false;
                continue;
            }
            if (networks.putIfAbsent(bound.get().name(), bound.get()) != null) {
                problems.error(network.attributeLocation("name"), "value \"" + bound.get().name()
                        + "\" is defined twice on this node; list all its cards in one <network> element");
                ok = false;
            }
        }
        if (networkElements.isEmpty()) {
            problems.missing(element.location("network"), "at least one <network name=\"...\" cards=\"...\"/>");
            ok = false;
        }
        return ok ? Optional.of(new ClusterNode(name.get(), List.copyOf(networks.values()))) : Optional.empty();
    }

    private Optional<NetworkCards> network(ConfigNode network, Map<String, String> networkOfCard, String node) {
        Optional<String> name = network.requiredAttribute("name", "a network name (letters, digits, '_', '-')")
                .map(f -> Values.word(f, problems, "a network name (letters, digits, '_', '-')"));
        name.ifPresent(network::identify);
        Optional<Field> cardsField = network.requiredAttribute("cards", CARDS);
        if (name.isEmpty() || cardsField.isEmpty()) {
            return Optional.empty();
        }
        Field field = cardsField.get();
        List<String> cards = Values.commaList(field.raw());
        boolean ok = true;
        if (cards.isEmpty()) {
            problems.badValue(field, CARDS);
            return Optional.empty();
        }
        for (String card : cards) {
            if (!Values.isInterfaceName(card)) {
                problems.error(field.location(), "card \"" + card + "\" must be a Linux interface name such as "
                        + "eth0 (1-15 letters, digits, '_', '-', '.'; no ':' aliases)");
                ok = false;
                continue;
            }
            String earlier = networkOfCard.putIfAbsent(card, name.get());
            if (earlier != null) {
                problems.error(field.location(), "card \"" + card + "\" is already in network \"" + earlier
                        + "\" on node " + node + "; a card can belong to only one network");
                ok = false;
            }
        }
        return ok ? Optional.of(new NetworkCards(name.get(), cards)) : Optional.empty();
    }

    private void sameNetworks(List<ClusterNode> nodes, List<ConfigNode> elements) {
        for (int i = 0; i < 2; i++) {
            ClusterNode self = nodes.get(i);
            ClusterNode other = nodes.get(1 - i);
            for (String network : other.networkNames()) {
                if (self.network(network).isEmpty()) {
                    problems.error(elements.get(i).location(), "has no network \"" + network + "\" but node "
                            + other.name() + " has; both nodes must define the same logical networks");
                }
            }
        }
    }
}
