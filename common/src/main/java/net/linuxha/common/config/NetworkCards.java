package net.linuxha.common.config;

import java.util.List;
import java.util.Objects;

/** One logical network on one node and the interface cards that can carry it (7.2.1 node.network). */
public record NetworkCards(String name, List<String> cards) {

    public NetworkCards {
        Objects.requireNonNull(name, "name");
        cards = List.copyOf(cards);
        if (cards.isEmpty()) {
            throw new IllegalArgumentException("network " + name + " needs at least one card");
        }
    }
}
