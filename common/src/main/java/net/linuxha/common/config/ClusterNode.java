package net.linuxha.common.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A {@code <node>} of clconf.xml: its host name and its networks, in file order. */
public record ClusterNode(String name, List<NetworkCards> networks) {

    public ClusterNode {
        Objects.requireNonNull(name, "name");
        networks = List.copyOf(networks);
    }

    public Optional<NetworkCards> network(String networkName) {
        return networks.stream().filter(n -> n.name().equals(networkName)).findFirst();
    }

    public List<String> networkNames() {
        return networks.stream().map(NetworkCards::name).toList();
    }

    /** The network a card belongs to on this node, if any. */
    public Optional<NetworkCards> networkOfCard(String card) {
        return networks.stream().filter(n -> n.cards().contains(card)).findFirst();
    }
}
