package net.linuxha.net.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireKey;
import net.linuxha.common.wire.WireServer;

/** Network reports reach a real wire server as NETWORK_FAILED / NETWORK_RESTORED; failures never hang the caller. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WireClusterDaemonLinkTest {

    private static final WireContext CONTEXT = WireContext.production(WireKey.derive("testkey"));
    /** A daemon that answers is waited for long enough that a busy test machine cannot turn it into a failure. */
    private static final Duration PATIENT = Duration.ofSeconds(20);

    @Test
    void reportsAreSentAsClusterRequests() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (WireServer cldaemon = WireServer.start(new InetSocketAddress("127.0.0.1", 0), CONTEXT,
                ClusterRequest.VOCABULARY, (request, peer) -> {
                    received.add(request.format());
                    return CompletableFuture.completedFuture(Reply.ok());
                });
             WireClusterDaemonLink link = new WireClusterDaemonLink(new WireClient(cldaemon.localAddress(),
                     "local cluster daemon", CONTEXT), PATIENT)) {
            link.networkDown("public");
            link.networkUp("public");
        }
        assertEquals(List.of("NETWORK_FAILED network=public", "NETWORK_RESTORED network=public"), received);
    }

    @Test
    void anErrorAnswerIsAFailedReport() throws Exception {
        try (WireServer cldaemon = WireServer.start(new InetSocketAddress("127.0.0.1", 0), CONTEXT,
                ClusterRequest.VOCABULARY, (request, peer) -> CompletableFuture.completedFuture(
                        Reply.error("not formed")));
             WireClusterDaemonLink link = new WireClusterDaemonLink(new WireClient(cldaemon.localAddress(),
                     "local cluster daemon", CONTEXT), PATIENT)) {
            IOException failed = assertThrows(IOException.class, () -> link.networkDown("public"));
            assertTrue(failed.getMessage().contains("ERROR not formed"), failed.getMessage());
        }
    }

    @Test
    void aSilentClusterDaemonIsGivenUpOnAndNotAskedAgainWhileTheReportIsOut() throws Exception {
        // Accepts connections (the kernel's backlog) but never answers.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             WireClusterDaemonLink link = new WireClusterDaemonLink(new WireClient(
                     (InetSocketAddress) silent.getLocalSocketAddress(), "local cluster daemon", CONTEXT))) {
            IOException first = assertThrows(IOException.class, () -> link.networkDown("public"));
            assertTrue(first.getMessage().contains("no answer"), first.getMessage());
            IOException retry = assertThrows(IOException.class, () -> link.networkDown("public"));
            assertTrue(retry.getMessage().contains("has not answered the previous report yet"),
                    "a retry while the report is out does not wait for the network again: " + retry.getMessage());
        }
    }

    @Test
    void aStoppedClusterDaemonFailsAtOnce() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (WireClusterDaemonLink link = new WireClusterDaemonLink(new WireClient(new InetSocketAddress(
                "127.0.0.1", port), "local cluster daemon", CONTEXT))) {
            IOException refused = assertThrows(IOException.class, () -> link.networkDown("public"));
            assertTrue(refused.getMessage().contains("Unable to contact") || refused.getMessage().contains("connect"),
                    refused.getMessage());
        }
    }
}
