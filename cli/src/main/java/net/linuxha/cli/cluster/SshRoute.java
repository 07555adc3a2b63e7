package net.linuxha.cli.cluster;

import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.NetworkCards;

/**
 * The two lines clform and clhalt print before they talk to the other node (7.2.6, 13.3):
 * <pre>
 * SSH communication to s14s2 will be:
 * 192.168.100.34 ("drbd" network)
 * </pre>
 * The address is what the node's name resolves to; the network is the logical network of this node whose card
 * has an address in the same subnet.
 */
public final class SshRoute {

    private SshRoute() {
    }

    public static List<String> describe(String peer, ClusterNode local, HostResolver resolver) {
        String second;
        try {
            InetAddress address = resolver.resolve(peer);
            second = address.getHostAddress() + network(address, local).map(n -> " (\"" + n + "\" network)")
                    .orElse(" (not on a network of this node in clconf.xml)");
        } catch (UnknownHostException e) {
            second = peer + " does not resolve; add it to /etc/hosts or DNS on this node";
        }
        return List.of("SSH communication to " + peer + " will be:", second);
    }

    /** The logical network of {@code local} with a card in the same subnet as {@code address}. */
    static Optional<String> network(InetAddress address, ClusterNode local) {
        try {
            for (NetworkInterface card : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InterfaceAddress bound : card.getInterfaceAddresses()) {
                    if (sameSubnet(bound.getAddress(), address, bound.getNetworkPrefixLength())) {
                        Optional<String> name = networkOf(card.getName(), local);
                        if (name.isPresent()) {
                            return name;
                        }
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> networkOf(String card, ClusterNode local) {
        return local.networkOfCard(card).map(NetworkCards::name);
    }

    static boolean sameSubnet(InetAddress a, InetAddress b, int prefix) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length || prefix <= 0) {
            return false;
        }
        for (int bit = 0; bit < Math.min(prefix, x.length * 8); bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((x[bit / 8] & mask) != (y[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
