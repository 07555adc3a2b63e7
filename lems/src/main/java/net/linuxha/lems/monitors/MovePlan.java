package net.linuxha.lems.monitors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import net.linuxha.common.shell.IpAddress;
import net.linuxha.common.shell.IpInterface;

/**
 * What {@code ip_move_interface} does for one network, decided from the addresses on the cards and their links,
 * without touching them.
 *
 * <ul>
 *   <li>Nothing, when every service address is on a card of the network that has a link, unless the checklist
 *       failed (then the card they are on is left too). This makes the module idempotent: a second run after a
 *       move, or a run after clnetd already moved the addresses, changes nothing.</li>
 *   <li>Otherwise the addresses go to the first card of the network in clconf.xml order that has a link, holds
 *       none of the addresses on a card being left, and was not left within the history window. A card already
 *       holding some of them with a link is preferred when only missing addresses need a home.</li>
 *   <li>Labels are kept: {@code eth0:1} becomes {@code eth1:1} unless that label is taken on the new card, then the
 *       lowest free {@code eth1:N}; an address on no card gets the lowest free label. Prefix and broadcast come from
 *       the address as it was, or for an address on no card from appconf.xml ({@code netmask},
 *       {@code broadcast}; without netmask the prefix of the new card's first address).</li>
 * </ul>
 */
final class MovePlan {

    private MovePlan() {
    }

    /** The outcome for one network. */
    sealed interface Plan {
    }

    /** The addresses are where they should be. */
    record NothingToDo(String why) implements Plan {
    }

    /** No card can take the addresses: the application has to fail over. */
    record NoCard(String why) implements Plan {
    }

    /** Adds on {@code to}, then deletes from the cards left. */
    record Move(Optional<String> from, String to, List<Add> adds, List<Delete> deletes) implements Plan {
        Move {
            adds = List.copyOf(adds);
            deletes = List.copyOf(deletes);
        }
    }

    record Add(String address, int prefixLength, String broadcast, String label) {
    }

    record Delete(String card, String address, int prefixLength) {
    }

    static Plan plan(ApplicationNetworks.Network network, List<IpInterface> cards, Predicate<String> hasLink,
                     Set<String> recentlyLeft, boolean checklistFailed) {
        Map<String, ApplicationNetworks.Held> held = ApplicationNetworks.holders(cards);
        Set<String> holding = new LinkedHashSet<>();
        boolean missing = false;
        for (String address : network.ips()) {
            ApplicationNetworks.Held h = held.get(address);
            if (h == null) {
                missing = true;
            } else {
                holding.add(h.card());
            }
        }
        Set<String> leaving = new LinkedHashSet<>();
        for (String card : holding) {
            if (checklistFailed || !hasLink.test(card) || !network.cards().contains(card)) {
                leaving.add(card);
            }
        }
        if (!missing && leaving.isEmpty()) {
            return new NothingToDo("the addresses of network " + network.name() + " are on card(s) "
                    + String.join(",", holding) + " with a link");
        }
        Optional<String> target = holding.stream().filter(c -> !leaving.contains(c)).findFirst();
        if (target.isEmpty()) {
            target = network.cards().stream()
                    .filter(c -> !leaving.contains(c) && !recentlyLeft.contains(c) && hasLink.test(c))
                    .findFirst();
        }
        if (target.isEmpty()) {
            return new NoCard("no other card of network " + network.name() + " (" + String.join(",",
                    network.cards()) + ") has a link and was not left in the last moves"
                    + (recentlyLeft.isEmpty() ? "" : " (recently left: " + String.join(",", recentlyLeft) + ")"));
        }
        String to = target.get();
        IpInterface onTarget = cards.stream().filter(c -> c.name().equals(to)).findFirst()
                .orElse(new IpInterface(0, to, List.of(), "UNKNOWN", 0, Optional.empty(), List.of()));
        Set<String> usedLabels = new HashSet<>();
        onTarget.ipv4Addresses().forEach(a -> a.label().ifPresent(usedLabels::add));
        List<Add> adds = new ArrayList<>();
        List<Delete> deletes = new ArrayList<>();
        for (String address : network.ips()) {
            ApplicationNetworks.Held h = held.get(address);
            if (h != null && h.card().equals(to)) {
                continue;
            }
            String label = label(h == null ? Optional.empty() : h.address().label(), to, usedLabels);
            usedLabels.add(label);
            if (h == null) {
                adds.add(new Add(address, newPrefix(network, onTarget), network.config().broadcast().orElse("+"),
                        label));
            } else {
                IpAddress a = h.address();
                adds.add(new Add(address, a.prefixLength(), a.broadcast().orElse("+"), label));
                deletes.add(new Delete(h.card(), address, a.prefixLength()));
            }
        }
        return new Move(leaving.stream().findFirst(), to, adds, deletes);
    }

    /** {@code eth0:1} on {@code eth1} is {@code eth1:1} when free, else the lowest free {@code eth1:N}. */
    static String label(Optional<String> old, String card, Set<String> used) {
        if (old.isPresent()) {
            int colon = old.get().indexOf(':');
            if (colon >= 0) {
                String kept = card + old.get().substring(colon);
                if (!used.contains(kept)) {
                    return kept;
                }
            }
        }
        for (int n = 1; ; n++) {
            String label = card + ":" + n;
            if (!used.contains(label)) {
                return label;
            }
        }
    }

    private static int newPrefix(ApplicationNetworks.Network network, IpInterface target) {
        Optional<String> netmask = network.config().netmask();
        if (netmask.isPresent()) {
            return prefixLength(netmask.get(), network.name());
        }
        return target.ipv4Addresses().stream().findFirst().map(IpAddress::prefixLength)
                .orElseThrow(() -> new IllegalStateException("network " + network.name() + " has no netmask in "
                        + "appconf.xml and card " + target.name() + " has no address to copy the prefix from; set "
                        + "netmask=\"255.255.255.0\" (or the right mask) on the network element"));
    }

    /** {@code 255.255.255.0} is 24; a mask that is not a run of ones then zeros is refused. */
    static int prefixLength(String netmask, String network) {
        String[] parts = netmask.split("\\.");
        long bits = 0;
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            for (String part : parts) {
                int value = Integer.parseInt(part);
                if (value < 0 || value > 255) {
                    throw new NumberFormatException();
                }
                bits = (bits << 8) | value;
            }
        } catch (NumberFormatException e) {
            throw new IllegalStateException("netmask \"" + netmask + "\" of network " + network + " is not a "
                    + "dotted IPv4 mask such as 255.255.255.0; fix it in appconf.xml", e);
        }
        int prefix = Long.bitCount(bits);
        long expected = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        if (bits != expected) {
            throw new IllegalStateException("netmask \"" + netmask + "\" of network " + network + " is not "
                    + "contiguous; fix it in appconf.xml");
        }
        return prefix;
    }
}
