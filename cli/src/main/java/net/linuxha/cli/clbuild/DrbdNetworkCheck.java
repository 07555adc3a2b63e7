package net.linuxha.cli.clbuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.linuxha.cli.checks.Check;
import net.linuxha.cli.checks.CheckResult;
import net.linuxha.cli.checks.NodeInterfaces;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.NetworkCards;

/**
 * "Ensure the network name defined for the DRBD replication data is defined for both nodes" (7.2.4), and that it
 * has an address on each: DRBD connects the nodes at those addresses.
 */
final class DrbdNetworkCheck implements Check {

    static final String NAME = "drbd-network";

    private final ClusterConfig config;
    private final List<NodeInterfaces> nodes;
    private final List<String> requires;

    DrbdNetworkCheck(ClusterConfig config, List<NodeInterfaces> nodes, List<String> requires) {
        this.config = Objects.requireNonNull(config, "config");
        this.nodes = List.copyOf(nodes);
        this.requires = List.copyOf(requires);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> requires() {
        return requires;
    }

    @Override
    public String description() {
        return "Checking data replication network " + config.drbdNetwork();
    }

    @Override
    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        for (NodeInterfaces facts : nodes) {
            ClusterNode node = config.node(facts.node().node());
            var network = node.network(config.drbdNetwork());
            if (network.isEmpty()) {
                results.add(CheckResult.fail("Network " + config.drbdNetwork() + " (<global><drbd_network>) is not "
                        + "defined for node " + node.name(), "add <network name=\"" + config.drbdNetwork()
                        + "\" cards=\"...\"/> to <node[" + node.name() + "]>"));
                continue;
            }
            List<String> addresses = addresses(network.get(), facts);
            if (addresses.isEmpty()) {
                results.add(CheckResult.fail("No card of network " + config.drbdNetwork() + " has an IPv4 address on "
                        + node.name() + " (cards " + String.join(", ", network.get().cards()) + ")",
                        "give one card of the DRBD network a static address on " + node.name()));
            } else {
                results.add(CheckResult.ok("DRBD address of " + node.name() + ": " + String.join(", ", addresses)));
            }
        }
        if (results.stream().noneMatch(CheckResult::failed)) {
            results.add(CheckResult.ok("Validated data replication network is ok (" + config.drbdNetwork() + ")."));
        }
        return results;
    }

    static List<String> addresses(NetworkCards network, NodeInterfaces facts) {
        List<String> addresses = new ArrayList<>();
        for (String card : network.cards()) {
            facts.card(card).ifPresent(c -> c.ipv4Addresses().stream().filter(a -> !a.secondary())
                    .forEach(a -> addresses.add(a.address())));
        }
        return addresses;
    }
}
