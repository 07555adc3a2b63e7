package net.linuxha.net.daemon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.NetworkCards;
import net.linuxha.net.CardAddress;
import net.linuxha.net.NetworkSetup;
import net.linuxha.net.io.CardLinks;
import net.linuxha.net.io.TopologyReader;

/**
 * This node's networks as clconf.xml lists them ({@code <node><network name= cards=>}), each with the addresses its
 * cards hold now ({@link AddressSource}, {@code ip -j addr show}) and their carrier. clconf.xml is loaded afresh at every read, so
 * {@code REREAD} picks up an edited file (after the same permission check and validation as at start-up).
 */
public final class ClconfTopologyReader implements TopologyReader {

    /** Loads clconf.xml; {@code () -> ClusterSetup.load(paths)} in production. */
    @FunctionalInterface
    public interface SetupSource {
        ClusterSetup load() throws ConfigException;
    }

    private final SetupSource setup;
    private final AddressSource addresses;
    private final CardLinks links;

    public ClconfTopologyReader(SetupSource setup, AddressSource addresses, CardLinks links) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.links = Objects.requireNonNull(links, "links");
    }

    @Override
    public NetworkSetup read(String network) throws IOException {
        ClusterNode node = localNode();
        NetworkCards cards = node.network(network).orElseThrow(() -> new IOException("network " + network
                + " is not defined for node " + node.name() + " in clconf.xml (its networks: "
                + String.join(", ", node.networkNames()) + ")"));
        return setupOf(cards, addresses());
    }

    @Override
    public List<NetworkSetup> readAll() throws IOException {
        ClusterNode node = localNode();
        Map<String, List<CardAddress>> addresses = addresses();
        List<NetworkSetup> networks = new ArrayList<>();
        for (NetworkCards cards : node.networks()) {
            networks.add(setupOf(cards, addresses));
        }
        return networks;
    }

    private NetworkSetup setupOf(NetworkCards network, Map<String, List<CardAddress>> addresses) throws IOException {
        Map<String, List<CardAddress>> held = new LinkedHashMap<>();
        Map<String, Boolean> carrier = new LinkedHashMap<>();
        for (String card : network.cards()) {
            held.put(card, addresses.getOrDefault(card, List.of()));
            try {
                carrier.put(card, links.carrier(card));
            } catch (IOException e) {
                // A missing card is reported by the carrier poller, once; until then its carrier is unknown.
            }
        }
        try {
            return new NetworkSetup(network.name(), network.cards(), held, carrier);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private ClusterNode localNode() throws IOException {
        try {
            return setup.load().local();
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private Map<String, List<CardAddress>> addresses() throws IOException {
        return addresses.scan();
    }
}
