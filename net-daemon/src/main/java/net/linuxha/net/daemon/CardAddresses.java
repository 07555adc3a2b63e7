package net.linuxha.net.daemon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.linuxha.common.shell.IpAddress;
import net.linuxha.common.shell.IpInterface;
import net.linuxha.net.CardAddress;

/**
 * The addresses the network daemon looks after, out of what {@code ip -j addr} reports: IPv4 addresses of global
 * scope, with their labels (a static address is labelled with its card's name, an application alias {@code ethN:M}).
 * IPv6 and link-local addresses are the kernel's own per card and never move.
 */
final class CardAddresses {

    private CardAddresses() {
    }

    /** The movable addresses per card, for every card {@code ip} listed, in its order. */
    static Map<String, List<CardAddress>> of(List<IpInterface> interfaces) {
        Map<String, List<CardAddress>> byCard = new LinkedHashMap<>();
        for (IpInterface card : interfaces) {
            List<CardAddress> addresses = new ArrayList<>();
            for (IpAddress address : card.ipv4Addresses()) {
                if ("global".equals(address.scope())) {
                    addresses.add(new CardAddress(address.address(), address.prefixLength(),
                            address.label().orElse(card.name())));
                }
            }
            byCard.put(card.name(), addresses);
        }
        return byCard;
    }
}
