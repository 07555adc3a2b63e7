package net.linuxha.net;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The labels addresses get when they move to another card. The kernel ({@code ip addr add ... label L}) insists that a
 * label starts with the name of the card it is on, so {@code eth0:1} cannot stay {@code eth0:1} on {@code eth1}.
 *
 * <p>Rule: the static address takes the new card's name ({@code eth0} becomes {@code eth1}); an alias keeps its
 * number on the new card ({@code eth0:1} becomes {@code eth1:1}) unless that label is already used there, in which
 * case it takes the lowest free number from 1 up. Keeping the number makes the log and {@code ifconfig} listings easy
 * to follow across a move; choosing a free one avoids two aliases with one label, which would make a later
 * {@code clhaltapp} remove the wrong address.
 */
public final class AddressLabels {

    private AddressLabels() {
    }

    /**
     * The {@code moving} addresses as they will be labelled on {@code card}, in the same order.
     *
     * @param onTarget the addresses the target card already holds
     */
    public static List<CardAddress> relabel(List<CardAddress> moving, String card, List<CardAddress> onTarget) {
        Set<String> used = new HashSet<>();
        for (CardAddress existing : onTarget) {
            used.add(existing.label());
        }
        List<CardAddress> result = new ArrayList<>(moving.size());
        for (CardAddress address : moving) {
            String label;
            if (!address.isAlias()) {
                label = card;
            } else {
                label = card + ":" + address.aliasNumber();
                if (address.aliasNumber() < 0 || used.contains(label)) {
                    label = firstFree(card, used);
                }
            }
            used.add(label);
            result.add(address.withLabel(label));
        }
        return result;
    }

    private static String firstFree(String card, Set<String> used) {
        // Among used.size() + 1 numbers at least one is free.
        for (int n = 1; n <= used.size() + 1; n++) {
            String label = card + ":" + n;
            if (!used.contains(label)) {
                return label;
            }
        }
        throw new IllegalStateException("no free alias label on " + card);
    }
}
