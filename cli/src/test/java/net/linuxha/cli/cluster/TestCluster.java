package net.linuxha.cli.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ToolRunner;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireKey;
import picocli.CommandLine;

/**
 * A two-node cluster for conversation tests: clconf.xml of cluster sl4cluster (nodes sl4s1, this host, and
 * sl4s2, as in the Reference's samples) validated by a recorded build checksum under a temporary root, a fixed
 * clock (15/06/2005 02:18:50 UTC) for exact output lines, and daemons played by {@link FakeClusterDaemon}. A node
 * without a daemon is reached on a port where nothing listens.
 */
public final class TestCluster implements AutoCloseable {

    public static final String CLUSTER = "sl4cluster";
    public static final String LOCAL = "sl4s1";
    public static final String PEER = "sl4s2";
    public static final Instant NOW = Instant.parse("2005-06-15T02:18:50Z");
    public static final String STAMP = "15/06/2005 02:18:50";

    private final Path root;
    private final ClusterPaths paths;
    private final Map<String, FakeClusterDaemon> daemons = new ConcurrentHashMap<>();
    private final Map<String, Integer> freePorts = new ConcurrentHashMap<>();
    private final ScriptedRunner runner = new ScriptedRunner();
    private volatile Integer netDaemonPort;
    private final Map<String, InetSocketAddress> others = new ConcurrentHashMap<>();

    public TestCluster(Path root) throws IOException {
        this.root = root;
        this.paths = ClusterPaths.under(root);
        Files.createDirectories(paths.configDir());
        writeConfig(clconf());
        BuildChecksum.cluster(paths).record();
    }

    public static String clconf() {
        return """
                <?xml version="1.0"?>
                <clconf>
                <global>
                    <name>sl4cluster</name>
                    <version>0.3</version>
                    <data>replicated</data>
                    <datadetail>drbd</datadetail>
                    <key>testkeyofsl4cluster</key>
                    <port>9900</port>
                    <clport>9849</clport>
                    <clnetdport>9850</clnetdport>
                    <portpool>9901,9999</portpool>
                    <maxblockdevs>50</maxblockdevs>
                    <drbd_network>drbd</drbd_network>
                </global>
                <timings>
                    <keepalive>3</keepalive>
                    <warn>7</warn>
                    <dead>12</dead>
                    <clusterform>5</clusterform>
                </timings>
                <node>
                    <name>sl4s1</name>
                    <network name="public" cards="eth0"/>
                    <network name="drbd" cards="eth1"/>
                </node>
                <node>
                    <name>sl4s2</name>
                    <network name="public" cards="eth0"/>
                    <network name="drbd" cards="eth1"/>
                </node>
                </clconf>
                """;
    }

    public void writeConfig(String xml) throws IOException {
        Files.writeString(paths.clconf(), xml, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(paths.clconf(), PosixFilePermissions.fromString("rw-------"));
    }

    public ClusterPaths paths() {
        return paths;
    }

    public Path root() {
        return root;
    }

    public ScriptedRunner runner() {
        return runner;
    }

    public WireContext wire() {
        try {
            WireContext production = WireContext.production(WireKey.derive(
                    ClusterConfig.load(paths.clconf()).config().key()));
            return production;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts (or returns) the daemon played for {@code node}, answering ECHO with {@code state}. */
    public FakeClusterDaemon daemon(String node, String state) throws IOException {
        FakeClusterDaemon daemon = daemons.get(node);
        if (daemon == null) {
            daemon = FakeClusterDaemon.start(node, wire(), 0);
            daemons.put(node, daemon);
        }
        return daemon.state(state);
    }

    public FakeClusterDaemon daemon(String node) {
        return daemons.get(node);
    }

    /** The network daemon of this node listens on {@code port}. */
    public void netDaemonPort(int port) {
        this.netDaemonPort = port;
    }

    /** Another daemon of {@code node} (a played Lems): what the tools reach at {@code port} of that node. */
    public void listen(String node, int port, InetSocketAddress address) {
        others.put(node + ":" + port, address);
    }

    public ToolEnvironment env() {
        DaemonLocator locator = (node, port, local) -> {
            InetSocketAddress other = others.get(node + ":" + port);
            if (other != null) {
                return other;
            }
            if (port == 9850) {
                return new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        netDaemonPort == null ? freePort("clnetd-" + node) : netDaemonPort);
            }
            FakeClusterDaemon daemon = daemons.get(node);
            return daemon != null ? daemon.address()
                    : new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort(node));
        };
        HostResolver resolver = host -> {
            if (host.equals(PEER)) {
                return InetAddress.getByAddress(host, new byte[] {(byte) 198, 51, 100, 34});
            }
            throw new UnknownHostException(host);
        };
        return new ToolEnvironment(paths, Clock.fixed(NOW, ZoneOffset.UTC), runner, () -> LOCAL, resolver,
                locator, root.resolve("opt/linuxha/bin"), Optional.empty(), Duration.ofMillis(20));
    }

    /** A port of 127.0.0.1 nothing listens on, the same for a node throughout a test. */
    private int freePort(String key) {
        return freePorts.computeIfAbsent(key, k -> {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Runs a tool with {@code args}; its output, error output and exit code. */
    public static Run run(Object tool, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ToolRunner.commandLine(tool,
                ToolRunner.standardErrors(Clock.fixed(NOW, ZoneOffset.UTC)));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** What a tool run left. */
    public record Run(int exit, String out, String err) {
        public List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        public List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    /** {@code INFO <stamp> text} lines. */
    public static List<String> info(String... texts) {
        List<String> lines = new ArrayList<>();
        for (String text : texts) {
            lines.add(text.startsWith("ERROR ") || text.startsWith("WARN ") ? level(text) : "INFO " + STAMP + " "
                    + text);
        }
        return lines;
    }

    private static String level(String text) {
        int space = text.indexOf(' ');
        return text.substring(0, space) + " " + STAMP + " " + text.substring(space + 1);
    }

    @Override
    public void close() {
        daemons.values().forEach(FakeClusterDaemon::close);
    }
}
