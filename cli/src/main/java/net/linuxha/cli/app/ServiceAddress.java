package net.linuxha.cli.app;

import java.util.Objects;
import java.util.Optional;

/**
 * One service address of an application as it is (or will be) configured here: an alias labelled {@code card:n} on
 * the working card of its network (Reference 8.2, 11.1 "Configuring 192.168.0.102: ifconfig eth0:1 inet ...").
 *
 * @param network   the logical network of clconf.xml
 * @param address   the IPv4 service address
 * @param card      the card that carries it
 * @param label     {@code card:n}
 * @param prefix    network prefix length
 * @param broadcast broadcast address to give {@code ip addr add}; {@code +} lets the kernel compute it
 */
public record ServiceAddress(String network, String address, String card, String label, int prefix,
                             Optional<String> broadcast) {

    public ServiceAddress {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(broadcast, "broadcast");
        if (prefix < 1 || prefix > 32) {
            throw new IllegalArgumentException("prefix length of " + address + " must be 1..32, got " + prefix);
        }
    }
}
