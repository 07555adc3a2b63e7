package net.linuxha.net;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What monitoring of one network starts from: this node's cards in the network (clconf {@code Node.Network/cards},
 * in that order), the addresses each card holds now, and each card's carrier where it is known. The daemon builds it
 * at start-up and on {@code REREAD} from clconf and {@code ip addr}; tests build it by hand.
 *
 * @param network   the network name, e.g. {@code public}
 * @param cards     the node's cards in this network, in clconf order
 * @param addresses addresses held per card; cards without addresses may be missing
 * @param carrier   carrier per card where read; a missing card's carrier is unknown until the first observation
 */
public record NetworkSetup(String network, List<String> cards, Map<String, List<CardAddress>> addresses,
                           Map<String, Boolean> carrier) {

    public NetworkSetup {
        Objects.requireNonNull(network, "network");
        cards = List.copyOf(cards);
        if (network.isBlank()) {
            throw new IllegalArgumentException("a network needs a name (clconf Node.Network/name)");
        }
        if (cards.isEmpty()) {
            throw new IllegalArgumentException("network " + network + " lists no cards for this node; give at least "
                    + "one in clconf Node.Network/cards");
        }
        Set<String> seen = new HashSet<>();
        for (String card : cards) {
            if (!seen.add(card)) {
                throw new IllegalArgumentException("network " + network + " lists card " + card + " twice; list "
                        + "each card once in clconf Node.Network/cards");
            }
        }
        Map<String, List<CardAddress>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<CardAddress>> entry : addresses.entrySet()) {
            checkCard(network, cards, seen, entry.getKey(), "addresses");
            copy.put(entry.getKey(), List.copyOf(entry.getValue()));
        }
        addresses = Collections.unmodifiableMap(copy);
        for (String card : carrier.keySet()) {
            checkCard(network, cards, seen, card, "a carrier reading");
        }
        carrier = Map.copyOf(carrier);
    }

    private static void checkCard(String network, List<String> cards, Set<String> known, String card, String what) {
        if (!known.contains(card)) {
            throw new IllegalArgumentException(what + " given for card " + card + ", which is not in network "
                    + network + " (cards " + String.join(",", cards) + ")");
        }
    }

    /** A network whose cards' carrier will be known from the first observations. */
    public static NetworkSetup of(String network, List<String> cards, Map<String, List<CardAddress>> addresses) {
        return new NetworkSetup(network, cards, addresses, Map.of());
    }
}
