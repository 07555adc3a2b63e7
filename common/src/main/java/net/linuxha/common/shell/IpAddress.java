package net.linuxha.common.shell;

import java.util.Optional;

/**
 * One address on a card, as {@code ip -j addr} reports it.
 *
 * @param family    {@code inet} or {@code inet6}
 * @param address   the address without prefix
 * @param prefixLength network prefix length
 * @param broadcast broadcast address, when set
 * @param label     the IPv4 label ({@code eth0:1} for an application address, Reference 8.2); IPv6 has none
 * @param scope     {@code global}, {@code link}, {@code host}
 * @param secondary true for a second or later address of the same subnet on the card
 */
public record IpAddress(String family, String address, int prefixLength, Optional<String> broadcast,
                        Optional<String> label, String scope, boolean secondary) {

    public boolean isIpv4() {
        return "inet".equals(family);
    }

    /** {@code address/prefix}, as {@code ip addr add} takes it. */
    public String cidr() {
        return address + "/" + prefixLength;
    }
}
