package net.linuxha.cluster.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import ch.qos.logback.classic.LoggerContext;
import net.linuxha.cluster.app.ApplicationActions;
import net.linuxha.cluster.app.StorageView;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.log.LogDestination;
import net.linuxha.common.log.LogSetup;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;

/**
 * A cluster daemon for node {@code nodea} over a temporary ClusterPaths, on 127.0.0.1: its only network "public" is
 * the loopback card {@code lo}, so its echo probes are real pings. The peer {@code nodeb} is 127.0.0.2 (the test
 * plays it when it needs one). Fast timings: keepalive 0.5 s, warn 1 s, dead 3 s.
 */
final class TestNode implements AutoCloseable {

    static final String KEY = "conversationtestkey";

    final Path root;
    final ClusterPaths paths;
    final int port;
    final Path log;
    ClusterDaemon daemon;
    private LogControl logs;

    TestNode(Path root, double clusterform) throws IOException {
        this.root = root;
        this.paths = ClusterPaths.under(root);
        this.port = freePort();
        this.log = root.resolve("cldaemon.log");
        Files.createDirectories(paths.configDir());
        Files.createDirectories(paths.runDir());
        Path clconf = paths.clconf();
        Files.writeString(clconf, clconf(port, clusterform), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(clconf, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(paths.runDir().resolve("peer-nodeb.addresses"), "public 127.0.0.2\n");
    }

    /** A validated application holding {@code ip} on network public. */
    void application(String name, String ip, boolean autostart, String... dependencies) throws IOException {
        applicationWith(name, ip, autostart, "", dependencies);
    }

    /** As above, with more of appconf's global section (e.g. a preferred_node element). */
    void applicationWith(String name, String ip, boolean autostart, String moreGlobal, String... dependencies)
            throws IOException {
        Files.createDirectories(paths.applicationDir(name));
        StringBuilder deps = new StringBuilder();
        for (String d : dependencies) {
            deps.append(deps.length() == 0 ? "" : ",").append(d);
        }
        Files.writeString(paths.appconf(name), "<?xml version=\"1.0\"?>\n<appconf><global><version>0.2</version>"
                + "<name>" + name + "</name><takeover>normal</takeover><autostart>" + (autostart ? "yes" : "no")
                + "</autostart>" + moreGlobal + (deps.length() > 0 ? "<dependencies>" + deps + "</dependencies>" : "")
                + "</global><networks><network net=\"public\" ip=\"" + ip + "\" netmask=\"255.0.0.0\"/></networks>"
                + "<application><startscript>/bin/true</startscript><stopscript>/bin/true</stopscript>"
                + "</application></appconf>\n");
        BuildChecksum.application(paths, name).record();
    }

    ClusterSetup setup() throws Exception {
        ClusterConfig config = ClusterConfig.load(paths.clconf()).config();
        return new ClusterSetup(paths, config, List.of(), "nodea");
    }

    /** Starts the daemon (--form, or --join) with optional --force. */
    void start(boolean join, boolean force) throws Exception {
        start(join, force, null, null);
    }

    /**
     * Starts the daemon with {@code actions} (null: the tools) and {@code storage} (null: this host's DRBD) in
     * place of the real ones.
     */
    void start(boolean join, boolean force, ApplicationActions actions, StorageView storage) throws Exception {
        logs = LogSetup.to(new LogDestination.LogFile(log)).verbose(true).install((LoggerContext)
                org.slf4j.LoggerFactory.getILoggerFactory());
        ClusterSetup setup = setup();
        WireContext wire = setup.wireContext();
        ClusterDaemon.Settings settings = new ClusterDaemon.Settings(setup, new StartMode(join, force,
                Optional.empty()), Clock.systemUTC(), wire, new ProcessCommandRunner(), root, logs,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), actions, Optional.empty());
        daemon = storage == null ? new ClusterDaemon(settings) : new ClusterDaemon(settings, storage);
        daemon.start();
    }

    WireContext wire() throws Exception {
        return setup().wireContext();
    }

    Reply send(String text) throws Exception {
        return new WireClient(new InetSocketAddress("127.0.0.1", port), "test daemon", wire()).send(text);
    }

    String logText() {
        try {
            Path cycled = Path.of(log + ".000");
            return (Files.exists(cycled) ? Files.readString(cycled) : "") + (Files.exists(log) ? Files.readString(log)
                    : "");
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Polls until {@code request} is answered with {@code expected}, at most {@code limit}. */
    boolean awaitAnswer(String request, String expected, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send(request).text().equals(expected)) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Override
    public void close() {
        if (daemon != null) {
            daemon.stop(net.linuxha.common.cli.ExitCode.SUCCESS);
        }
        LogSetup.restoreDefault();
    }

    static String clconf(int port, double clusterform) {
        return "<?xml version=\"1.0\"?>\n<clconf><global><name>testcluster</name><version>0.3</version>"
                + "<data>replicated</data><datadetail>drbd</datadetail><key>" + KEY + "</key><port>" + port
                + "</port><portpool>9901,9999</portpool><maxblockdevs>50</maxblockdevs>"
                + "<drbd_network>public</drbd_network><echotype>ICMP</echotype></global>"
                + "<timings><keepalive>0.5</keepalive><warn>1</warn><dead>3</dead><clusterform>" + clusterform
                + "</clusterform></timings>"
                + "<node><name>nodea</name><network name=\"public\" cards=\"lo\"/></node>"
                + "<node><name>nodeb</name><network name=\"public\" cards=\"lo\"/></node></clconf>\n";
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
