package net.linuxha.cli.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.IpAddress;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.IpInterface;

/**
 * The service addresses of an application are not in use (8.3: "The IP addresses associated with the application
 * should not be available, either defined on the local machine, or exist at all on the network"): on no card of
 * either node, and nothing answers a ping at them. Skipped by the caller when the application runs (its addresses
 * are up then).
 */
public final class ServiceAddressCheck implements Check {

    private final String name;
    private final String application;
    private final List<String> addresses;
    private final List<NodeShell> nodes;

    /** @param nodes the nodes whose cards are read; the first one also pings */
    public ServiceAddressCheck(String name, String application, List<String> addresses, List<NodeShell> nodes) {
        this.name = Objects.requireNonNull(name, "name");
        this.application = Objects.requireNonNull(application, "application");
        this.addresses = List.copyOf(addresses);
        this.nodes = List.copyOf(nodes);
        if (this.nodes.isEmpty()) {
            throw new IllegalArgumentException("at least one node is needed");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "Checking service IP addresses of " + application + " are not in use";
    }

    @Override
    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        for (String address : addresses) {
            boolean used = false;
            for (NodeShell node : nodes) {
                for (IpInterface card : new IpDriver(node.runner()).addresses()) {
                    for (IpAddress held : card.ipv4Addresses()) {
                        if (held.address().equals(address)) {
                            used = true;
                            results.add(CheckResult.fail("Service IP address " + address + " of application "
                                    + application + " is already on card " + card.name() + " of " + node.node(),
                                    "remove it (ip addr del " + held.cidr() + " dev " + card.name() + " on "
                                    + node.node() + "): the cluster adds it when the application starts"));
                        }
                    }
                }
            }
            if (used) {
                continue;
            }
            NodeShell from = nodes.get(0);
            boolean answers = from.runner().run(Command.of("ping", "-n", "-q", "-c", "1", "-W", "1", address)
                    .withTimeout(Duration.ofSeconds(10)).asProbe()).succeeded();
            if (answers) {
                results.add(CheckResult.fail("Service IP address " + address + " of application " + application
                        + " answers pings from " + from.node() + ": another host uses it",
                        "choose an unused address in the application's appconf.xml, or stop the host using it"));
            } else {
                results.add(CheckResult.ok("Service IP address " + address + " is not in use (good)"));
            }
        }
        return results;
    }
}
