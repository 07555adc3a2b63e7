package net.linuxha.net.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.log.LogDestination;
import net.linuxha.common.log.LogSetup;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.NetRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireException;
import net.linuxha.common.wire.WireServer;
import net.linuxha.net.CardAddress;
import net.linuxha.net.NetAction;
import net.linuxha.net.NetTimings;

/**
 * One real network daemon (loop, scanner, wire server, real {@code ip}/{@code arping}/sysfs on a two-card node in
 * network namespaces) and a recording cldaemon; the test speaks the wire protocol step by step: ECHO, HELP,
 * NET_STATUS, an alias added by someone else is noticed, a cable pull moves both addresses with their labels and the
 * client still reaches them, the second pull reports the network failed, REREAD after plugging back in brings the
 * addresses home and reports the network restored; VERBOSE, LOGCYCLE, ABORT.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class NetDaemonConversationTest {

    @TempDir
    Path root;

    private TestNode node;
    private NetDaemon daemon;
    private WireServer server;
    private WireServer cldaemon;
    private ExecutorService io;
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final List<NetAction.Log> logged = new CopyOnWriteArrayList<>();
    private final CountDownLatch aborted = new CountDownLatch(1);
    private WireClient client;
    private LogControl logs;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(TestNode.runningAsRoot(), "needs root: creates network namespaces");
        node = new TestNode();
        ClusterPaths paths = TestClconf.write(root, "eth0,eth1", true);
        WireContext context = ClusterSetup.load(paths).wireContext();
        cldaemon = WireServer.start(new InetSocketAddress("127.0.0.1", 0), context, ClusterRequest.VOCABULARY,
                (request, peer) -> {
                    reports.add(request.format());
                    return CompletableFuture.completedFuture(Reply.ok());
                });
        NetDaemonParts parts = NetDaemonParts.shell(NetTimings.defaults(), () -> ClusterSetup.load(paths),
                node.inNode, node.linkState(), new WireClient(cldaemon.localAddress(), "local cluster daemon",
                        context), logged::add);
        daemon = new NetDaemon(parts);
        logs = LogSetup.to(new LogDestination.LogFile(root.resolve("clnetd.log"))).install(new LoggerContext());
        io = Executors.newSingleThreadExecutor();
        server = WireServer.start(new InetSocketAddress("127.0.0.1", 0), context, NetRequest.VOCABULARY,
                new NetRequestHandler(daemon, Optional.of(logs), io, aborted::countDown));
        daemon.start();
        client = new WireClient(server.localAddress(), "network daemon", context);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (daemon != null) {
            daemon.close();
        }
        if (cldaemon != null) {
            cldaemon.close();
        }
        if (io != null) {
            io.shutdownNow();
        }
        if (logs != null) {
            logs.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private String ask(String request) throws WireException {
        return client.send(request).text();
    }

    private boolean statusShows(String text) {
        try {
            return ask("NET_STATUS network=public").contains(text);
        } catch (WireException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCablePullMovesTheAddressesAndTheSecondReportsTheNetworkFailed() throws Exception {
        assertEquals("UP", ask("ECHO"));
        assertTrue(ask("HELP").contains("REREAD,NET_STATUS"), ask("HELP"));
        String status = ask("NET_STATUS");
        assertTrue(status.startsWith("OK\nnetwork=public state=UP cards=eth0,eth1"), status);
        assertTrue(status.contains("card=eth0 network=public link=up role=active usable=yes")
                && status.contains("addresses=172.31.77.1/24(eth0)"), status);
        assertTrue(status.contains("network=drbd state=UP cards=eth2"), status);

        node.addAlias("eth0", TestNode.ALIAS, "eth0:1");
        TestNode.await(Duration.ofSeconds(5), () -> statusShows("172.31.77.200/24(eth0:1)"),
                "the daemon notices the alias another program added");

        node.cable("eth0", false);
        CardAddress onEth1 = new CardAddress(TestNode.STATIC, 24, "eth1");
        CardAddress aliasOnEth1 = new CardAddress(TestNode.ALIAS, 24, "eth1:1");
        TestNode.await(Duration.ofSeconds(2), () -> node.addresses("eth1").equals(List.of(onEth1, aliasOnEth1)),
                "both addresses on eth1 with labels eth1, eth1:1; now " + node.addresses());
        assertEquals(List.of(), node.addresses("eth0"));
        assertTrue(node.clientReaches(TestNode.STATIC) && node.clientReaches(TestNode.ALIAS),
                "the client reaches both addresses on the standby card");
        TestNode.await(Duration.ofSeconds(3), () -> statusShows("card=eth1 network=public link=up role=active"),
                "NET_STATUS shows eth1 holding the addresses");
        assertEquals(List.of(), reports, "a card failover is not reported to cldaemon");

        node.cable("eth1", false);
        TestNode.await(Duration.ofSeconds(2), () -> reports.contains("NETWORK_FAILED network=public"),
                "network failure reported to cldaemon; reports " + reports);
        TestNode.await(Duration.ofSeconds(2), () -> logged.stream().anyMatch(line -> line.level()
                == NetAction.Level.ERROR && line.text().contains("No alternative card available for network public")),
                "the failure is logged");
        assertTrue(statusShows("network=public state=DOWN"));

        node.cable("eth0", true);
        TestNode.await(Duration.ofSeconds(2), () -> node.carrier("eth0"), "eth0 has its link back");
        assertEquals("OK REREAD networks=all", ask("REREAD"));
        TestNode.await(Duration.ofSeconds(3), () -> node.addresses("eth0").equals(List.of(
                        new CardAddress(TestNode.STATIC, 24, "eth0"), new CardAddress(TestNode.ALIAS, 24, "eth0:1"))),
                "after REREAD the addresses move to the working eth0; now " + node.addresses());
        TestNode.await(Duration.ofSeconds(2), () -> reports.contains("NETWORK_RESTORED network=public"),
                "network reported restored; reports " + reports);
        assertTrue(node.clientReaches(TestNode.ALIAS));
        assertEquals("OK REREAD network=public", ask("REREAD network=public"));
        assertTrue(ask("NET_STATUS network=backup").startsWith("ERROR network backup is not monitored"));
    }

    @Test
    void verboseLogcycleAndAbortAreAnswered() throws Exception {
        assertEquals("OK LOGGING=ON", ask("VERBOSE on=true"));
        assertTrue(logs.isVerbose());
        assertEquals("OK LOGGING=OFF", ask("VERBOSE off=true"));
        assertEquals("OK", ask("LOGCYCLE count=2"));
        assertTrue(Files.exists(root.resolve("clnetd.log.000")), "the old log was kept as clnetd.log.000");
        assertTrue(ask("REREAD network=a b").startsWith("ERROR"), "bad request refused with the syntax");
        assertEquals("OK", ask("ABORT"));
        assertTrue(aborted.await(5, TimeUnit.SECONDS), "ABORT stops the daemon");
    }
}
