package net.linuxha.cli.clbuild;

import java.util.List;
import java.util.Objects;

import net.linuxha.cli.checks.Check;
import net.linuxha.cli.checks.CheckResult;
import net.linuxha.cli.checks.PortProbe;

/**
 * "Check that the current node is not already running the cldaemon daemon (unless the --force option has been
 * used)", and the same for the other node (7.2.4): something accepting connections at {@code global.port} on the
 * node means a cluster daemon runs there (or another program holds its port, which would stop one from starting).
 */
final class DaemonNotRunningCheck implements Check {

    private final String name;
    private final String node;
    private final List<String> addresses;
    private final int port;
    private final boolean force;
    private final PortProbe probe;

    /** @param addresses where to probe: the node's name, and for this node also the loopback address */
    DaemonNotRunningCheck(String name, String node, List<String> addresses, int port, boolean force,
                          PortProbe probe) {
        this.name = Objects.requireNonNull(name, "name");
        this.node = Objects.requireNonNull(node, "node");
        this.addresses = List.copyOf(addresses);
        this.port = port;
        this.force = force;
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "Checking that node " + node + " is not running a cldaemon process (port " + port + ")";
    }

    @Override
    public List<CheckResult> run() {
        boolean inUse = addresses.stream().anyMatch(a -> probe.accepting(a, port));
        if (!inUse) {
            return List.of(CheckResult.ok("Node " + node + " is not running a cldaemon process (good)"));
        }
        String found = "Port " + port + " (<global><port>) on node " + node + " accepts connections: a cldaemon is "
                + "running there, or another program holds the port";
        if (force) {
            return List.of(CheckResult.warn(found + "; --force given, so the build goes ahead and running daemons "
                    + "are left alone", "changes other than resource pools and checksums apply at the next clform"));
        }
        return List.of(CheckResult.fail(found, "stop the cluster with clhalt first, or run clbuild --force to "
                + "rebuild while it runs; if another program holds port " + port + " on " + node
                + ", stop it or choose another <global><port>"));
    }
}
