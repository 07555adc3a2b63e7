package net.linuxha.cli.checks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.IpInterface;

/**
 * The network cards of one node and their addresses ({@code ip -j addr show}), read once and shared by the checks
 * that need them (cards exist, networks on distinct subnets, DRBD network address, ping).
 */
public final class NodeInterfaces {

    private final NodeShell node;
    private List<IpInterface> interfaces;

    public NodeInterfaces(NodeShell node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    public NodeShell node() {
        return node;
    }

    /** Every card of the node, with addresses; read on first use. */
    public synchronized List<IpInterface> all() {
        if (interfaces == null) {
            interfaces = new IpDriver(node.runner()).addresses();
        }
        return interfaces;
    }

    public Optional<IpInterface> card(String name) {
        return all().stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
