package net.linuxha.cluster.net;

import java.util.Objects;

/** This node's card on one logical network and the card's own (not application) IPv4 address. */
public record LocalCard(String network, String card, String address, int prefixLength) {

    public LocalCard {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(address, "address");
    }

    /** Whether {@code ip} lies in this card's subnet. */
    public boolean sameSubnet(String ip) {
        long mask = prefixLength == 0 ? 0 : 0xffffffffL << (32 - prefixLength) & 0xffffffffL;
        long a = Ipv4.toLong(address);
        long b = Ipv4.toLong(ip);
        return a >= 0 && b >= 0 && (a & mask) == (b & mask);
    }
}
