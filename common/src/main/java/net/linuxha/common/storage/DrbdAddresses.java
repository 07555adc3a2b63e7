package net.linuxha.common.storage;

import java.util.List;
import java.util.Optional;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.NetworkCards;
import net.linuxha.common.shell.IpAddress;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.IpInterface;

/**
 * A node's DRBD address: the IPv4 address of its first card on clconf's {@code drbd_network} that has one (7.2.1),
 * read with {@code ip -j addr show dev CARD} on that node (locally, or over ssh for the peer). An application's
 * labelled alias ({@code ethN:M}) is never chosen while the card has its own address.
 */
public final class DrbdAddresses {

    private DrbdAddresses() {
    }

    /** The address of {@code node}, asking its cards through {@code ip} (a driver running on that node). */
    public static String address(ClusterConfig config, String node, IpDriver ip) {
        ClusterNode entry = config.node(node);
        NetworkCards network = entry.network(config.drbdNetwork()).orElseThrow(() -> new StorageException(
                "Node " + node + " has no network \"" + config.drbdNetwork() + "\" (global.drbd_network) in "
                        + "clconf.xml; add it to the node's networks and rerun clbuild"));
        for (String card : network.cards()) {
            Optional<IpInterface> found = ip.addresses(card);
            if (found.isPresent()) {
                Optional<String> chosen = choose(card, found.get().ipv4Addresses());
                if (chosen.isPresent()) {
                    return chosen.get();
                }
            }
        }
        throw new StorageException("Node " + node + " has no IPv4 address on any card of the DRBD network \""
                + config.drbdNetwork() + "\" (" + String.join(", ", network.cards()) + "); configure one (ip addr "
                + "add ADDRESS/PREFIX dev CARD) before building the application");
    }

    static Optional<String> choose(String card, List<IpAddress> addresses) {
        return addresses.stream().filter(a -> !a.secondary() && !"host".equals(a.scope()))
                .filter(a -> a.label().isEmpty() || a.label().get().equals(card)).map(IpAddress::address)
                .findFirst()
                .or(() -> addresses.stream().filter(a -> !"host".equals(a.scope())).map(IpAddress::address)
                        .findFirst());
    }
}
