package net.linuxha.cli.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.NetworkCards;
import net.linuxha.common.shell.IpInterface;

/**
 * Every card the topology names for a node exists there and is up (7.2.4 "the specified network interface cards
 * defined in the topology currently exist"; 7.1: a standby card has no address "though it must be active").
 */
public final class CardsCheck implements Check {

    private final String name;
    private final ClusterNode topology;
    private final NodeInterfaces cards;

    public CardsCheck(String name, ClusterNode topology, NodeInterfaces cards) {
        this.name = Objects.requireNonNull(name, "name");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.cards = Objects.requireNonNull(cards, "cards");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "Checking network cards of " + topology.name() + ": networks defined for " + topology.name() + ": "
                + String.join(", ", topology.networkNames());
    }

    @Override
    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        List<String> present = cards.all().stream().map(IpInterface::name).toList();
        for (NetworkCards network : topology.networks()) {
            for (String card : network.cards()) {
                var found = cards.card(card);
                if (found.isEmpty()) {
                    results.add(CheckResult.fail("Card " + card + " of network " + network.name()
                            + " does not exist on " + topology.name() + " (it has: " + String.join(", ", present)
                            + ")", "correct <node[" + topology.name() + "]><network[" + network.name() + "]>@cards "
                            + "in clconf.xml, or install/rename the card on " + topology.name()));
                } else if (!found.get().isUp()) {
                    results.add(CheckResult.fail("Card " + card + " of network " + network.name() + " on "
                            + topology.name() + " is down", "bring it up (ip link set dev " + card + " up) on "
                            + topology.name() + " and make it come up at boot; standby cards must be up without an "
                            + "address"));
                } else {
                    String addresses = String.join(", ", found.get().ipv4Addresses().stream()
                            .map(a -> a.cidr()).toList());
                    results.add(CheckResult.ok("Validated card " + card + " for " + network.name() + " on "
                            + topology.name() + (addresses.isEmpty() ? " (standby, no address)" : ": " + addresses)));
                }
            }
        }
        return results;
    }
}
