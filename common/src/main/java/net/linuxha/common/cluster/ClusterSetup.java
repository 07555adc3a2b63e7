package net.linuxha.common.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.config.ClconfPermissions;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.ConfigProblem;
import net.linuxha.common.config.Loaded;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireKey;

/**
 * What every daemon and tool needs before it does anything: the validated {@code clconf.xml} (owned by root and
 * private, 7.2.4), which node this is, and the wire context derived from {@code global.key}.
 *
 * <p>Parse, validate, then start: {@link #load(ClusterPaths)} throws one {@link ConfigException} naming every
 * problem before any socket is opened.
 */
public record ClusterSetup(ClusterPaths paths, ClusterConfig config, List<String> warnings, String localNode) {

    /**
     * How far apart two nodes' clocks may be before their messages are refused as replays. Formation measures the
     * difference and refuses over ten minutes unless forced (25.3), so the wire must let TIME through beyond that;
     * nonces are remembered for the whole window, so a captured message still cannot be sent twice.
     */
    public static final Duration CLUSTER_REPLAY_WINDOW = Duration.ofMinutes(30);

    public ClusterSetup {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(config, "config");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(localNode, "localNode");
    }

    /** Checks permissions, loads and validates clconf.xml, and names this host from its kernel host name. */
    public static ClusterSetup load(ClusterPaths paths) throws ConfigException {
        Path clconf = paths.clconf();
        ClconfPermissions.system().check(clconf);
        Loaded<ClusterConfig> loaded = ClusterConfig.load(clconf);
        return new ClusterSetup(paths, loaded.config(), loaded.warningLines(), hostName());
    }

    /** The host name as {@code uname -n} prints it, without a domain part (node names in clconf are short). */
    public static String hostName() {
        String name;
        try {
            name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException unknown) {
                name = "localhost";
            }
        }
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** True when this host is one of the two nodes of clconf.xml. */
    public boolean isClusterNode() {
        return config.findNode(localNode).isPresent();
    }

    /** This node's entry; fails with the fix when the host is not one of the cluster's nodes. */
    public ClusterNode local() throws ConfigException {
        return config.findNode(localNode).orElseThrow(() -> new ConfigException(new ConfigProblem(paths.clconf(), "",
                "this host \"" + localNode + "\" is not one of the cluster's nodes ("
                        + String.join(", ", config.nodes().stream().map(ClusterNode::name).toList())
                        + "); run the tool on a cluster node or correct <node><name> in clconf.xml")));
    }

    /** The other node's entry. */
    public ClusterNode peer() throws ConfigException {
        return config.otherNode(local().name());
    }

    /** The wire context of this cluster: key derived from global.key, replay window wide enough for formation. */
    public WireContext wireContext() {
        WireContext production = WireContext.production(WireKey.derive(config.key()));
        return production.withSettings(production.settings().withReplayWindow(CLUSTER_REPLAY_WINDOW));
    }

    /** A daemon on {@code node} (resolved by name, as clconf requires, 7.2.1) at {@code port}. */
    public static InetSocketAddress address(String node, int port) {
        return new InetSocketAddress(node, port);
    }

    /** A daemon on this node, reached over loopback. */
    public static InetSocketAddress localAddress(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }
}
