package net.linuxha.cli.clbuild;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import net.linuxha.cli.checks.Check;
import net.linuxha.cli.checks.CheckResult;
import net.linuxha.cli.checks.NodeInterfaces;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.NetworkCards;
import net.linuxha.common.shell.IpAddress;
import net.linuxha.common.shell.IpInterface;

/**
 * "Ensure no card is referenced more than once in the topology" (7.2.4) and "All networks configured must be on
 * different subnets" (7.1): for one node, each card belongs to one network and no two networks share a subnet.
 */
final class NetworkLayoutCheck implements Check {

    private final String name;
    private final List<String> requires;
    private final ClusterNode topology;
    private final NodeInterfaces cards;

    NetworkLayoutCheck(String name, List<String> requires, ClusterNode topology, NodeInterfaces cards) {
        this.name = Objects.requireNonNull(name, "name");
        this.requires = List.copyOf(requires);
        this.topology = Objects.requireNonNull(topology, "topology");
        this.cards = Objects.requireNonNull(cards, "cards");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> requires() {
        return requires;
    }

    @Override
    public String description() {
        return "Checking unique network/interfaces for " + topology.name();
    }

    @Override
    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        Map<String, String> networkOfCard = new LinkedHashMap<>();
        Map<String, String> networkOfSubnet = new LinkedHashMap<>();
        for (NetworkCards network : topology.networks()) {
            for (String card : network.cards()) {
                String earlier = networkOfCard.putIfAbsent(card, network.name());
                if (earlier != null) {
                    results.add(CheckResult.fail("Card " + card + " on " + topology.name() + " is in networks "
                            + earlier + " and " + network.name(), "list each card in one <network> only"));
                }
                for (IpAddress address : cards.card(card).map(IpInterface::ipv4Addresses).orElse(List.of())) {
                    String subnet = subnet(address);
                    String other = networkOfSubnet.putIfAbsent(subnet, network.name());
                    if (other != null && !other.equals(network.name())) {
                        results.add(CheckResult.fail("Networks " + other + " and " + network.name() + " on "
                                + topology.name() + " share subnet " + subnet + " (card " + card + ")",
                                "put each network of the topology on its own subnet (7.1), or merge them into one "
                                        + "<network>"));
                    } else if (other == null) {
                        results.add(CheckResult.ok("Interface " + card + " is on network " + subnet + " ("
                                + network.name() + ")"));
                    }
                }
            }
        }
        if (results.stream().noneMatch(CheckResult::failed)) {
            results.add(0, CheckResult.ok("Validated unique network/interfaces for " + topology.name()));
        }
        return results;
    }

    /** {@code a.b.c.d/len} as the network address and prefix, e.g. {@code 172.16.177.0/24}. */
    static String subnet(IpAddress address) {
        String[] octets = address.address().split("\\.");
        long value = 0;
        for (String octet : octets) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        int length = address.prefixLength();
        long mask = length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
        long network = value & mask;
        return ((network >> 24) & 255) + "." + ((network >> 16) & 255) + "." + ((network >> 8) & 255) + "."
                + (network & 255) + "/" + length;
    }
}
