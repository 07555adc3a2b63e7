package net.linuxha.lems.monitors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ApplicationConfig;
import net.linuxha.common.config.ApplicationNetwork;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.NetworkCards;
import net.linuxha.common.shell.IpAddress;
import net.linuxha.common.shell.IpInterface;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;

/**
 * The service addresses of one application, network by network (its appconf.xml), with the cards that carry each
 * network on this node (clconf.xml): what {@code ip_module}, {@code link_module} and {@code ip_move_interface} work on.
 *
 * @param networks in appconf.xml order; empty when the application has no service address
 */
public record ApplicationNetworks(String application, List<Network> networks) {

    public ApplicationNetworks {
        Objects.requireNonNull(application, "application");
        networks = List.copyOf(networks);
    }

    /** One logical network: its name, this node's cards for it (clconf order) and the application's settings. */
    public record Network(String name, List<String> cards, ApplicationNetwork config) {
        public Network {
            Objects.requireNonNull(name, "name");
            cards = List.copyOf(cards);
            Objects.requireNonNull(config, "config");
        }

        public List<String> ips() {
            return config.ips();
        }
    }

    /** An address found on a card. */
    public record Held(String card, IpAddress address) {
    }

    public Optional<Network> network(String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /**
     * Reads the application's appconf.xml and this node's cards from the {@link ClusterSetup} service.
     *
     * @throws MonitorCreationException naming the file and what to fix
     */
    static ApplicationNetworks load(String application, MonitorContext context, String module)
            throws MonitorCreationException {
        ClusterSetup setup = RequiredServices.require(context, ClusterSetup.class, module);
        ApplicationConfig config;
        ClusterNode local;
        try {
            config = ApplicationConfig.load(context.paths().appconf(application)).config();
            local = setup.local();
        } catch (ConfigException e) {
            throw new MonitorCreationException(module + " cannot read the network settings of application "
                    + application + ": " + String.join("; ", e.lines()), e);
        }
        List<Network> networks = new ArrayList<>();
        for (ApplicationNetwork network : config.networks()) {
            NetworkCards cards = local.network(network.net()).orElseThrow(() -> new MonitorCreationException(
                    module + ": network " + network.net() + " of application " + application + " ("
                            + context.paths().appconf(application) + ") has no cards on node " + local.name()
                            + " in " + setup.paths().clconf() + "; add <network name=\"" + network.net()
                            + "\" cards=\"...\"/> to node " + local.name() + " or fix the network name"));
            networks.add(new Network(network.net(), cards.cards(), network));
        }
        return new ApplicationNetworks(application, networks);
    }

    /** Every IPv4 address on the cards, by address; an address on two cards is taken from the first. */
    public static Map<String, Held> holders(List<IpInterface> cards) {
        Map<String, Held> held = new LinkedHashMap<>();
        for (IpInterface card : cards) {
            for (IpAddress address : card.ipv4Addresses()) {
                held.putIfAbsent(address.address(), new Held(card.name(), address));
            }
        }
        return held;
    }
}
