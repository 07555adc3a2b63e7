package net.linuxha.net;

import java.util.Objects;

/**
 * One IP address held by a network card, as {@code ip addr} shows it: the address, its prefix length and its label.
 *
 * <p>The label tells the node's static address from an application's alias: the static address carries the card's
 * own name ({@code eth0}), an alias added by {@code clstartapp} carries the card's name, a colon and a number
 * ({@code eth0:1}, Reference 8.2.4). When the addresses move to another card the labels follow the new card's name
 * (see {@link AddressLabels}).
 *
 * @param address the address in text form, e.g. {@code 172.16.177.200}
 * @param prefix  the prefix length, e.g. {@code 24} for netmask 255.255.255.0
 * @param label   the label, e.g. {@code eth0} or {@code eth0:1}
 */
public record CardAddress(String address, int prefix, String label) {

    public CardAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(label, "label");
        if (address.isBlank()) {
            throw new IllegalArgumentException("an IP address of a card must not be empty");
        }
        if (prefix < 0 || prefix > 128) {
            throw new IllegalArgumentException("the prefix length of " + address + " must be from 0 to 128, not "
                    + prefix);
        }
        if (label.isBlank()) {
            throw new IllegalArgumentException("the address " + address + " needs a label: the card name (eth0) or "
                    + "an alias label (eth0:1)");
        }
    }

    /** Whether this is an application alias ({@code eth0:1}) rather than the card's static address. */
    public boolean isAlias() {
        return label.indexOf(':') >= 0;
    }

    /** The alias number after the colon, or -1 for a static address or a label whose suffix is not a number. */
    public int aliasNumber() {
        int colon = label.indexOf(':');
        if (colon < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(label.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The same address under another label. */
    public CardAddress withLabel(String newLabel) {
        return new CardAddress(address, prefix, newLabel);
    }

    /** {@code 172.16.177.200/24}, as {@code ip addr} takes it. */
    public String cidr() {
        return address + "/" + prefix;
    }

    @Override
    public String toString() {
        return cidr() + "(" + label + ")";
    }
}
