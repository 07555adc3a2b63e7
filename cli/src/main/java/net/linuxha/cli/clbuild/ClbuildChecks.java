package net.linuxha.cli.clbuild;

import java.util.ArrayList;
import java.util.List;

import net.linuxha.cli.checks.CardsCheck;
import net.linuxha.cli.checks.Check;
import net.linuxha.cli.checks.NameResolutionCheck;
import net.linuxha.cli.checks.NodeInterfaces;
import net.linuxha.cli.checks.NodeShell;
import net.linuxha.cli.checks.PingCheck;
import net.linuxha.cli.checks.PortProbe;
import net.linuxha.cli.checks.SshCheck;
import net.linuxha.cli.checks.ToolsCheck;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.NetworkCards;
import net.linuxha.common.shell.IpInterface;

/**
 * The checks of 7.2.4 that need a valid clconf.xml, in the order the Reference's example output shows them, each
 * on both nodes where it applies. Everything about the other node requires the ssh check.
 */
final class ClbuildChecks {

    static final String SSH = "ssh-to-peer";
    static final String SSH_BACK = "ssh-back";
    static final List<String> DRBD_TOOLS = List.of("drbdadm", "drbdsetup", "drbdmeta");
    static final List<String> LVM_TOOLS = List.of("lvm", "pvs", "vgs", "lvs", "lvcreate", "lvextend", "lvremove",
            "vgchange", "lvchange");
    static final List<String> NETWORK_TOOLS = List.of("ip", "ping", "getent");
    static final List<String> NETWORK_FALLBACK_TOOLS = List.of("arping");

    private ClbuildChecks() {
    }

    static List<Check> forCluster(ClusterConfig config, NodeShell local, NodeShell peer, boolean force,
                                  PortProbe probe) {
        ClusterNode localNode = config.node(local.node());
        ClusterNode peerNode = config.node(peer.node());
        NodeInterfaces localCards = new NodeInterfaces(local);
        NodeInterfaces peerCards = new NodeInterfaces(peer);
        List<String> names = List.of(localNode.name(), peerNode.name());
        List<Check> checks = new ArrayList<>();
        checks.add(new NameResolutionCheck("resolve-local", local, names).after(LocalNodeCheck.NAME));
        checks.add(new SshCheck(SSH, local.node(), peer).after("resolve-local"));
        checks.add(new SshCheck(SSH_BACK, peer.node(), peer.sshTo(local.node())).after(SSH));
        checks.add(new NameResolutionCheck("resolve-peer", peer, names).after(SSH));
        checks.add(new DaemonNotRunningCheck("daemon-local", local.node(),
                List.of(local.node(), "127.0.0.1"), config.port(), force, probe).after("resolve-local"));
        checks.add(new DaemonNotRunningCheck("daemon-peer", peer.node(), List.of(peer.node()),
                config.port(), force, probe).after("resolve-local"));
        for (NodeShell node : List.of(local, peer)) {
            String where = node.local() ? "local" : "peer";
            String needs = node.local() ? LocalNodeCheck.NAME : SSH;
            checks.add(new ToolsCheck("drbd-tools-" + where, node, "DRBD administration tools",
                    DRBD_TOOLS, List.of(), "install drbd-utils (DRBD 9) on " + node.node()).after(needs));
            checks.add(new DrbdModuleCheck("drbd-module-" + where, node).after(needs));
            checks.add(new ToolsCheck("lvm-tools-" + where, node, "LVM v2 command set", LVM_TOOLS,
                    List.of(), "install lvm2 on " + node.node()).after(needs));
            checks.add(new ToolsCheck("network-tools-" + where, node, "network tools", NETWORK_TOOLS,
                    NETWORK_FALLBACK_TOOLS, "install iproute2, iputils-ping and iputils-arping (arping sends the "
                    + "gratuitous ARP after an IP address moves) on " + node.node()).after(needs));
        }
        checks.add(new CardsCheck("cards-local", localNode, localCards).after(LocalNodeCheck.NAME));
        checks.add(new CardsCheck("cards-peer", peerNode, peerCards).after(SSH));
        checks.add(new NetworkLayoutCheck("layout-local", List.of("cards-local"), localNode, localCards));
        checks.add(new NetworkLayoutCheck("layout-peer", List.of("cards-peer"), peerNode, peerCards));
        checks.add(new DrbdNetworkCheck(config, List.of(localCards, peerCards), List.of("cards-local", "cards-peer")));
        checks.add(new PingCheck("ping", local, () -> pingTargets(config, localCards, peerCards))
                .after("cards-local", "cards-peer"));
        return checks;
    }

    /** Every primary IPv4 address on a card of the topology, on both nodes. */
    static List<PingCheck.Target> pingTargets(ClusterConfig config, NodeInterfaces... nodes) {
        List<PingCheck.Target> targets = new ArrayList<>();
        for (NodeInterfaces facts : nodes) {
            ClusterNode node = config.node(facts.node().node());
            for (NetworkCards network : node.networks()) {
                for (String card : network.cards()) {
                    facts.card(card).map(IpInterface::ipv4Addresses).orElse(List.of()).stream()
                            .filter(a -> !a.secondary())
                            .forEach(a -> targets.add(new PingCheck.Target(a.address(), network.name()
                                    + " IP address of " + node.name() + " (" + card + ")")));
                }
            }
        }
        return targets;
    }
}
