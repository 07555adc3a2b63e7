package net.linuxha.common.shell;

import java.util.List;
import java.util.Optional;

/**
 * A card and its addresses ({@code ip -j addr show}) or just the card ({@code ip -j link show}, empty addresses).
 *
 * @param flags     kernel flags, e.g. {@code UP}, {@code LOWER_UP} (carrier), {@code NO-CARRIER}
 * @param operState {@code UP}, {@code DOWN}, {@code UNKNOWN} (loopback and some virtual cards)
 */
public record IpInterface(int index, String name, List<String> flags, String operState, int mtu,
                          Optional<String> macAddress, List<IpAddress> addresses) {

    public IpInterface {
        flags = List.copyOf(flags);
        addresses = List.copyOf(addresses);
    }

    /** Administratively up ({@code ip link set dev X up}). */
    public boolean isUp() {
        return flags.contains("UP");
    }

    /** The driver reports a carrier. */
    public boolean hasCarrier() {
        return flags.contains("LOWER_UP");
    }

    public List<IpAddress> ipv4Addresses() {
        return addresses.stream().filter(IpAddress::isIpv4).toList();
    }

    public Optional<IpAddress> address(String address) {
        return addresses.stream().filter(a -> a.address().equals(address)).findFirst();
    }
}
