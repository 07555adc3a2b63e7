package net.linuxha.cli.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;

/**
 * Node names resolve to an address on a node ({@code getent hosts NAME}, which follows nsswitch.conf like ssh and
 * the daemons do): "Check that we are able to resolve the names of both nodes" (7.2.4, 7.2.1 Node.name).
 */
public final class NameResolutionCheck implements Check {

    private final String name;
    private final NodeShell on;
    private final List<String> names;

    public NameResolutionCheck(String name, NodeShell on, List<String> names) {
        this.name = Objects.requireNonNull(name, "name");
        this.on = Objects.requireNonNull(on, "on");
        this.names = List.copyOf(names);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "Checking IP address resolution on " + on.node();
    }

    @Override
    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        for (String host : names) {
            CommandResult result = on.runner().run(Command.of("getent", "hosts", host)
                    .withTimeout(Duration.ofSeconds(20)));
            String address = result.stdout().lines().findFirst().map(l -> l.strip().split("\\s+")[0]).orElse("");
            if (result.succeeded() && !address.isEmpty()) {
                results.add(CheckResult.ok("Node name " + host + " resolves to " + address + " on " + on.node()));
            } else if (result.exitCode() == 2) {
                results.add(CheckResult.fail("Node name " + host + " does not resolve to an address on " + on.node()
                        + " (getent hosts " + host + " found nothing)", "add " + host + " to /etc/hosts (or DNS) on "
                        + "both nodes, or correct the <node><name> in clconf.xml; node names must resolve to an "
                        + "address both nodes can use"));
            } else {
                results.add(CheckResult.fail("Cannot resolve node name " + host + " on " + on.node() + ": "
                        + result.describeFailure(), "check name service (nsswitch.conf, /etc/hosts, DNS) on "
                        + on.node()));
            }
        }
        return results;
    }
}
