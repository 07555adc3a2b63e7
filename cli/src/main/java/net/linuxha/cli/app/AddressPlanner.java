package net.linuxha.cli.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.linuxha.common.config.ApplicationNetwork;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.NetworkCards;
import net.linuxha.common.shell.IpAddress;
import net.linuxha.common.shell.IpInterface;

/**
 * Decides where each service address of an application goes on this node, from what {@code ip -j addr} shows: the
 * working card of the address's network is the card of that network holding the node's static address (clnetd
 * moves the static address to a working card when a cable fails, 21.2.1); when none holds it, the first card of the
 * network that has a carrier. The alias label is {@code card:n} with the lowest {@code n} not in use on the card.
 * Pure: no command runs here.
 */
public final class AddressPlanner {

    /** The kernel's limit on an interface (and label) name: IFNAMSIZ - 1. */
    static final int MAX_LABEL = 15;

    private AddressPlanner() {
    }

    /**
     * @throws IllegalStateException naming the network and the fix when it has no usable card here, or when the
     *                               node is not configured on the network
     */
    public static List<ServiceAddress> plan(ClusterNode node, List<ApplicationNetwork> networks,
                                            List<IpInterface> interfaces) {
        List<ServiceAddress> planned = new ArrayList<>();
        Set<String> usedLabels = new HashSet<>();
        for (IpInterface card : interfaces) {
            card.addresses().forEach(a -> a.label().ifPresent(usedLabels::add));
        }
        for (ApplicationNetwork network : networks) {
            NetworkCards cards = node.network(network.net()).orElseThrow(() -> new IllegalStateException(
                    "Network " + network.net() + " of the application is not a network of node " + node.name()
                            + " in clconf.xml; add it to the node or correct <network net> in appconf.xml"));
            IpInterface card = workingCard(node.name(), cards, interfaces);
            Optional<IpAddress> staticAddress = staticAddress(card);
            int prefix = network.netmask().map(AddressPlanner::prefixOf)
                    .orElse(staticAddress.map(IpAddress::prefixLength).orElse(32));
            Optional<String> broadcast = network.broadcast().or(() -> prefix < 31 ? Optional.of("+")
                    : Optional.empty());
            for (String ip : network.ips()) {
                String label = freeLabel(card.name(), usedLabels);
                usedLabels.add(label);
                planned.add(new ServiceAddress(network.net(), ip, card.name(), label, prefix, broadcast));
            }
        }
        return planned;
    }

    static IpInterface workingCard(String node, NetworkCards cards, List<IpInterface> interfaces) {
        List<IpInterface> ofNetwork = new ArrayList<>();
        for (String name : cards.cards()) {
            interfaces.stream().filter(i -> i.name().equals(name)).findFirst().ifPresent(ofNetwork::add);
        }
        for (IpInterface card : ofNetwork) {
            if (staticAddress(card).isPresent() && card.isUp() && card.hasCarrier()) {
                return card;
            }
        }
        for (IpInterface card : ofNetwork) {
            if (card.isUp() && card.hasCarrier()) {
                return card;
            }
        }
        throw new IllegalStateException("No working card for network " + cards.name() + " on " + node + " (cards "
                + String.join(", ", cards.cards()) + ": none is up with a carrier); check the cables and "
                + "'ip link show', or the cards listed for the network in clconf.xml");
    }

    /** The node's own address on the card: IPv4, global, not an application alias. */
    static Optional<IpAddress> staticAddress(IpInterface card) {
        return card.ipv4Addresses().stream()
                .filter(a -> "global".equals(a.scope()))
                .filter(a -> a.label().map(l -> !l.contains(":")).orElse(true))
                .findFirst();
    }

    static String freeLabel(String card, Set<String> used) {
        for (int n = 1; n < 1000; n++) {
            String label = card + ":" + n;
            if (!used.contains(label)) {
                if (label.length() > MAX_LABEL) {
                    break;
                }
                return label;
            }
        }
        throw new IllegalStateException("No free alias label on card " + card + " (labels are card:n and at most "
                + MAX_LABEL + " characters); remove unused aliases with 'ip addr del'");
    }

    /** {@code 255.255.255.0} -> 24; a netmask that is not contiguous is refused. */
    static int prefixOf(String netmask) {
        String[] parts = netmask.trim().split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("netmask " + netmask + " is not a dotted IPv4 netmask");
        }
        long bits = 0;
        for (String part : parts) {
            int value = Integer.parseInt(part);
            if (value < 0 || value > 255) {
                throw new IllegalArgumentException("netmask " + netmask + " is not a dotted IPv4 netmask");
            }
            bits = (bits << 8) | value;
        }
        int prefix = Long.bitCount(bits);
        long expected = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        if (bits != expected) {
            throw new IllegalArgumentException("netmask " + netmask + " is not contiguous; correct it in "
                    + "appconf.xml");
        }
        return prefix;
    }
}
