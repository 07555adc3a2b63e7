package net.linuxha.net.daemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.linuxha.net.CardAddress;
import net.linuxha.net.NetEvent;

/**
 * What changed between two address scans of the node, as events for the decisions: an address new on a card (or on
 * another card, or under another label) is {@link NetEvent.AddressAdded}; an address gone from every card is
 * {@link NetEvent.AddressRemoved}.
 *
 * <p>Diffing scan against scan, not scan against the decisions' own book, is what makes a scan safe to apply late:
 * a scan taken just before the daemon moved addresses only reports what really changed before it (an alias added
 * by clstartapp, say), never an old place of a moved address as new.
 */
final class AddressChanges {

    private AddressChanges() {
    }

    static List<NetEvent> between(Map<String, List<CardAddress>> before, Map<String, List<CardAddress>> after) {
        Map<String, Placed> old = placed(before);
        Map<String, Placed> now = placed(after);
        List<NetEvent> events = new ArrayList<>();
        now.forEach((address, place) -> {
            if (!place.equals(old.get(address))) {
                events.add(new NetEvent.AddressAdded(place.card(), place.address()));
            }
        });
        old.forEach((address, place) -> {
            if (!now.containsKey(address)) {
                events.add(new NetEvent.AddressRemoved(place.card(), address));
            }
        });
        return events;
    }

    private record Placed(String card, CardAddress address) {
    }

    /**
     * By address. The same address on two cards at once only lasts for the moment of a move (added on the new card
     * before it is deleted from the old one); the later card in the scan wins, which is as good as any.
     */
    private static Map<String, Placed> placed(Map<String, List<CardAddress>> byCard) {
        Map<String, Placed> byAddress = new HashMap<>();
        byCard.forEach((card, addresses) -> addresses.forEach(address -> byAddress.put(address.address(),
                new Placed(card, address))));
        return byAddress;
    }
}
