package net.linuxha.cli.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;

/**
 * This node can ping addresses of the topology (7.2.4: "Check that the nodes are able to ping the IP addresses
 * defined for the cluster topology, and issue warnings if not"). Unanswered pings warn, they do not fail: ICMP may
 * be filtered where the Reference's echotype is UDP or TCP.
 */
public final class PingCheck implements Check {

    /** An address to ping and what it is, e.g. "public address of serverb (eth0)". */
    public record Target(String address, String what) {
        public Target {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(what, "what");
        }
    }

    private final String name;
    private final NodeShell from;
    private final Supplier<List<Target>> targets;

    /** @param targets the addresses to ping, computed when the check runs (after the cards were read) */
    public PingCheck(String name, NodeShell from, Supplier<List<Target>> targets) {
        this.name = Objects.requireNonNull(name, "name");
        this.from = Objects.requireNonNull(from, "from");
        this.targets = Objects.requireNonNull(targets, "targets");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "Checking that " + from.node() + " can ping the cluster's addresses";
    }

    @Override
    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        List<Target> targets = this.targets.get();
        for (Target target : targets) {
            CommandResult ping = from.runner().run(Command.of("ping", "-n", "-q", "-c", "1", "-W", "2",
                    target.address()).withTimeout(Duration.ofSeconds(10)).asProbe());
            if (ping.succeeded()) {
                results.add(CheckResult.ok("Able to send ping to " + target.what() + " " + target.address()));
            } else {
                results.add(CheckResult.warn("No answer to ping from " + from.node() + " to " + target.what() + " "
                        + target.address(), "check the cables, switch and addresses of that network, and that ICMP "
                        + "echo is not filtered between the nodes"));
            }
        }
        if (targets.isEmpty()) {
            results.add(CheckResult.warn("No addresses to ping: no card of the topology has an IPv4 address",
                    "give each node an address on at least one card of each network"));
        }
        return results;
    }
}
