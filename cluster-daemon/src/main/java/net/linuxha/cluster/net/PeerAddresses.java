package net.linuxha.cluster.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import net.linuxha.common.config.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the peer answers on each logical network. clconf.xml names only cards, so the addresses are learnt:
 * <ol>
 * <li>from the peer itself: every ECHO a daemon sends carries {@code addrs=net:ip,...} (heartbeats, formation);</li>
 * <li>from the last run: what was learnt is kept in {@code <runDir>/peer-<node>.addresses}, so a restarted daemon
 * (21.5) finds its peer even while the network that carries the node's name is down;</li>
 * <li>from names: {@code <peer>-<network>} (e.g. {@code serverb-drbd} in /etc/hosts) for that network, and the peer's
 * own name for the network whose subnet holds the address it resolves to (the first network if none does).</li>
 * </ol>
 * Later sources never replace what the peer said. Safe for use from several threads.
 */
public final class PeerAddresses {

    private static final Logger LOG = LoggerFactory.getLogger("cldaemon");

    private final String peerNode;
    private final List<String> networks;
    private final Path file;
    private final Map<String, String> learnt = new ConcurrentHashMap<>();
    private final Map<String, String> guessed = new ConcurrentHashMap<>();

    public PeerAddresses(String peerNode, List<String> networks, Path file) {
        this.peerNode = Objects.requireNonNull(peerNode, "peerNode");
        this.networks = List.copyOf(networks);
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Reads the saved file and resolves the names; {@code localCards} places the node name's address. */
    public void bootstrap(Collection<LocalCard> localCards) {
        loadSaved();
        for (String net : networks) {
            resolve(peerNode + "-" + net).ifPresent(a -> guessed.putIfAbsent(net, a));
        }
        resolve(peerNode).ifPresent(a -> {
            String net = localCards.stream().filter(c -> c.sameSubnet(a)).map(LocalCard::network).findFirst()
                    .orElse(networks.get(0));
            guessed.putIfAbsent(net, a);
        });
    }

    /** Records the peer's {@code addrs=} text; unknown networks and malformed parts are ignored. */
    public void learn(String addrs) {
        boolean changed = false;
        for (String part : addrs.split(",")) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String net = part.substring(0, colon).trim();
            String ip = part.substring(colon + 1).trim();
            if (networks.contains(net) && Ipv4.isAddress(ip) && !ip.equals(learnt.put(net, ip))) {
                changed = true;
                LOG.info("Address of node {} on network {} is {}", peerNode, net, ip);
            }
        }
        if (changed) {
            save();
        }
    }

    /** The peer's address on {@code network}, if known. */
    public Optional<String> on(String network) {
        return Optional.ofNullable(learnt.getOrDefault(network, guessed.get(network)));
    }

    /** Every known address, network by network in clconf.xml order. */
    public Map<String, String> all() {
        Map<String, String> result = new LinkedHashMap<>();
        for (String net : networks) {
            on(net).ifPresent(a -> result.put(net, a));
        }
        return result;
    }

    /** The network an address of the peer belongs to, if it is one we know. */
    public Optional<String> networkOf(String ip) {
        return networks.stream().filter(n -> ip.equals(on(n).orElse(null))).findFirst();
    }

    private void loadSaved() {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] kv = line.trim().split("\\s+");
                if (kv.length == 2 && networks.contains(kv[0]) && Ipv4.isAddress(kv[1])) {
                    guessed.put(kv[0], kv[1]);
                }
            }
        } catch (NoSuchFileException e) {
            // First run on this node: nothing learnt yet.
        } catch (IOException e) {
            LOG.warn("Cannot read the saved addresses of node {} from {}: {} - learning them again", peerNode, file,
                    e.getMessage());
        }
    }

    private void save() {
        StringBuilder sb = new StringBuilder();
        all().forEach((net, ip) -> sb.append(net).append(' ').append(ip).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.US_ASCII),
                    PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            LOG.warn("Cannot save the addresses of node {} in {}: {}", peerNode, file, e.getMessage());
        }
    }

    private static Optional<String> resolve(String name) {
        try {
            InetAddress a = InetAddress.getByName(name);
            String text = a.getHostAddress();
            return Ipv4.isAddress(text) && !a.isLoopbackAddress() ? Optional.of(text) : Optional.empty();
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }
}
