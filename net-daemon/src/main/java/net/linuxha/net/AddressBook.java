package net.linuxha.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which addresses sit on which card of one network. The static address is kept ahead of the aliases on each card, so
 * a move adds it first and it stays the card's primary address (the one the kernel uses as source address).
 */
final class AddressBook {

    private final Map<String, List<CardAddress>> byCard = new LinkedHashMap<>();

    AddressBook(List<String> cards, Map<String, List<CardAddress>> initial) {
        for (String card : cards) {
            byCard.put(card, new ArrayList<>());
        }
        initial.forEach((card, list) -> list.forEach(address -> add(card, address)));
    }

    List<CardAddress> on(String card) {
        return List.copyOf(byCard.get(card));
    }

    boolean holds(String card) {
        return !byCard.get(card).isEmpty();
    }

    boolean isEmpty() {
        return byCard.values().stream().allMatch(List::isEmpty);
    }

    /** Adds or replaces {@code address} on {@code card}, and forgets it on any other card. */
    void add(String card, CardAddress address) {
        remove(address.address());
        List<CardAddress> list = byCard.get(card);
        if (address.isAlias()) {
            list.add(address);
        } else {
            int firstAlias = 0;
            while (firstAlias < list.size() && !list.get(firstAlias).isAlias()) {
                firstAlias++;
            }
            list.add(firstAlias, address);
        }
    }

    /** Forgets {@code address} on whatever card holds it; whether it was known. */
    boolean remove(String address) {
        boolean removed = false;
        for (List<CardAddress> list : byCard.values()) {
            removed |= list.removeIf(held -> held.address().equals(address));
        }
        return removed;
    }

    /** Removes and returns every address of {@code card}. */
    List<CardAddress> take(String card) {
        List<CardAddress> list = byCard.get(card);
        List<CardAddress> taken = List.copyOf(list);
        list.clear();
        return taken;
    }
}
