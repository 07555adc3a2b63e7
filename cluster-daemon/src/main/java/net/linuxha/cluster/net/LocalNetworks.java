package net.linuxha.cluster.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.NetworkCards;
import net.linuxha.common.shell.IpAddress;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.IpInterface;

/**
 * Where this node is on each logical network of clconf.xml, read from its cards ({@code ip -j addr}) each time it
 * is asked, because the network daemon may move addresses between the cards of a network (21.2.1).
 *
 * <p>A card's own address is its first IPv4 address that is not a labelled alias ({@code eth0:1} is an application's
 * service address, 8.2): that is the address the peer is given for the network.
 */
public final class LocalNetworks {

    private final ClusterNode local;
    private final IpDriver ip;

    public LocalNetworks(ClusterNode local, IpDriver ip) {
        this.local = Objects.requireNonNull(local, "local");
        this.ip = Objects.requireNonNull(ip, "ip");
    }

    /** Each network with a card that has an address now, in clconf.xml order. */
    public Map<String, LocalCard> cards() {
        List<IpInterface> interfaces = ip.addresses();
        Map<String, LocalCard> result = new LinkedHashMap<>();
        for (NetworkCards network : local.networks()) {
            for (String card : network.cards()) {
                Optional<LocalCard> found = interfaces.stream().filter(i -> i.name().equals(card)).findFirst()
                        .flatMap(i -> ownAddress(i)).map(a -> new LocalCard(network.name(), card, a.address(),
                                a.prefixLength()));
                if (found.isPresent()) {
                    result.put(network.name(), found.get());
                    break;
                }
            }
        }
        return result;
    }

    /** Every IPv4 address on any card of this host now, aliases included (for service address probes). */
    public Set<String> heldAddresses() {
        Set<String> all = new TreeSet<>();
        for (IpInterface i : ip.addresses()) {
            i.ipv4Addresses().forEach(a -> all.add(a.address()));
        }
        return all;
    }

    /** {@code net:ip,net:ip} as ECHO's {@code addrs=} carries it. */
    public static String format(Map<String, LocalCard> cards) {
        List<String> parts = new ArrayList<>();
        cards.forEach((net, card) -> parts.add(net + ":" + card.address()));
        return String.join(",", parts);
    }

    private static Optional<IpAddress> ownAddress(IpInterface card) {
        return card.ipv4Addresses().stream()
                .filter(a -> a.label().isEmpty() || a.label().get().equals(card.name()))
                .filter(a -> !a.secondary())
                .findFirst()
                .or(() -> card.ipv4Addresses().stream().findFirst());
    }
}
