package net.linuxha.net.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.LinkState;
import net.linuxha.common.shell.PrefixedCommandRunner;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.net.CardAddress;

/**
 * A node with two cards on one network, made of two network namespaces: {@code netdtest-N-node} holds cards
 * {@code eth0} (172.31.77.1/24) and {@code eth1} (standby, no address) and {@code eth2} (the drbd network's card, its peer
 * alone in the LAN namespace); {@code netdtest-N-lan} holds their veth peers
 * on a bridge and a client address 172.31.77.100. Pulling a cable is setting the peer end down. The node's sysfs is
 * mounted on a temporary directory (from inside its network namespace, so it shows that namespace's cards).
 * {@link #close()} removes all of it, and is safe after a half-built start.
 */
final class TestNode implements AutoCloseable {

    static final String STATIC = "172.31.77.1";
    static final String ALIAS = "172.31.77.200";
    static final String CLIENT = "172.31.77.100";

    final String node;
    final String lan;
    final Path sysfs;
    final CommandRunner host = new ProcessCommandRunner();
    final CommandRunner inNode;
    final IpDriver ip;

    TestNode() throws IOException {
        String id = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        node = "netdtest-" + id + "-node";
        lan = "netdtest-" + id + "-lan";
        sysfs = Files.createTempDirectory("netdtest-sysfs");
        inNode = PrefixedCommandRunner.inNetworkNamespace(host, node);
        ip = new IpDriver(inNode);
        boolean built = false;
        try {
            run("ip", "netns", "add", node);
            run("ip", "netns", "add", lan);
            run("ip", "-n", lan, "link", "add", "br0", "type", "bridge");
            run("ip", "-n", lan, "link", "set", "br0", "up");
            run("ip", "-n", lan, "addr", "add", CLIENT + "/24", "dev", "br0");
            for (String card : List.of("eth0", "eth1")) {
                run("ip", "-n", node, "link", "add", card, "type", "veth", "peer", "name", "peer-" + card, "netns",
                        lan);
                run("ip", "-n", lan, "link", "set", "peer-" + card, "master", "br0", "up");
                run("ip", "-n", node, "link", "set", card, "up");
            }
            run("ip", "-n", node, "link", "add", "eth2", "type", "veth", "peer", "name", "peer-eth2", "netns", lan);
            run("ip", "-n", lan, "link", "set", "peer-eth2", "up");
            run("ip", "-n", node, "link", "set", "eth2", "up");
            run("ip", "-n", node, "link", "set", "lo", "up");
            // As on a real node with two cards on one LAN (docs/clnetd.md): a card answers ARP only for its own
            // addresses, or the client may learn the standby card's MAC for eth0's address (ARP flux).
            run("ip", "netns", "exec", node, "sysctl", "-q", "-w", "net.ipv4.conf.all.arp_ignore=1",
                    "net.ipv4.conf.all.arp_announce=2");
            run("ip", "-n", node, "addr", "add", STATIC + "/24", "dev", "eth0");
            run("nsenter", "--net=/run/netns/" + node, "mount", "-t", "sysfs", "sysfs", sysfs.toString());
            built = true;
        } finally {
            if (!built) {
                close();
            }
        }
        await(Duration.ofSeconds(5), () -> carrier("eth0") && carrier("eth1") && carrier("eth2"), "cards have carrier");
    }

    LinkState linkState() {
        return new LinkState(sysfs.resolve("class/net"));
    }

    boolean carrier(String card) {
        return linkState().read(card).map(LinkState.CardState::linkUp).orElse(false);
    }

    /** Pulls ({@code false}) or plugs in ({@code true}) the cable of {@code card}. */
    void cable(String card, boolean plugged) {
        run("ip", "-n", lan, "link", "set", "peer-" + card, plugged ? "up" : "down");
    }

    void addAlias(String card, String address, String label) {
        run("ip", "-n", node, "addr", "add", address + "/24", "dev", card, "label", label);
    }

    /** The movable addresses of {@code card} as the kernel has them. */
    List<CardAddress> addresses(String card) {
        return CardAddresses.of(ip.addresses()).getOrDefault(card, List.of());
    }

    Map<String, List<CardAddress>> addresses() {
        return CardAddresses.of(ip.addresses());
    }

    /** One ICMP echo from the client on the LAN. */
    boolean clientReaches(String address) {
        return host.run(Command.of("ip", "netns", "exec", lan, "ping", "-n", "-q", "-c", "1", "-W", "1", address)
                .withTimeout(Duration.ofSeconds(5))).succeeded();
    }

    /** The MAC address the client's ARP table has for {@code address}, or empty. */
    String clientNeighbour(String address) {
        String out = host.run(Command.of("ip", "-n", lan, "neigh", "show", address)).stdout().strip();
        String[] words = out.split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("lladdr")) {
                return words[i + 1];
            }
        }
        return "";
    }

    String mac(String card) {
        return ip.addresses(card).flatMap(c -> c.macAddress()).orElse("?");
    }

    CommandResult run(String... argv) {
        return host.run(Command.of(List.of(argv)).withTimeout(Duration.ofSeconds(10))).orThrow();
    }

    static void await(Duration limit, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }

    static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Override
    public void close() {
        List<String> problems = new ArrayList<>();
        quietly(problems, "umount", sysfs.toString());
        quietly(problems, "ip", "netns", "del", node);
        quietly(problems, "ip", "netns", "del", lan);
        try {
            Files.deleteIfExists(sysfs);
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            System.err.println("TestNode cleanup: " + problems);
        }
    }

    private void quietly(List<String> problems, String... argv) {
        CommandResult result = host.run(Command.of(List.of(argv)).withTimeout(Duration.ofSeconds(10)));
        if (!result.succeeded() && !result.stderr().contains("not mounted")
                && !result.stderr().contains("No such file")) {
            problems.add(String.join(" ", argv) + ": " + result.stderr().strip());
        }
    }
}
