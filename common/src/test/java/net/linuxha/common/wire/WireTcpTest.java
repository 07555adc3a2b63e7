package net.linuxha.common.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server and the tools' client over real TCP on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WireTcpTest {

    private static final InetSocketAddress ANY_LOOPBACK_PORT =
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final ExecutorService slowWork = Executors.newSingleThreadExecutor();
    private WireServer server;

    private static WireContext context(WireKey key, long seed) {
        return new WireContext(key, WireSettings.DEFAULTS, Clock.systemUTC(), new Random(seed));
    }

    @BeforeEach
    void startServer() throws IOException {
        server = WireServer.start(ANY_LOOPBACK_PORT, context(TestWire.KEY, 1), ClusterRequest.VOCABULARY,
                (request, peer) -> {
                    if (request instanceof ClusterRequest.LoadAverage) {
                        return new CompletableFuture<>();  // never answers: the client must time out
                    }
                    if (request instanceof ClusterRequest.AppList) {
                        // Answered later from another thread, as a daemon doing real work would.
                        return CompletableFuture.supplyAsync(() -> Reply.list(java.util.List.of("apache", "samba")),
                                slowWork);
                    }
                    return CompletableFuture.completedFuture(Reply.ok(request.format()));
                });
    }

    @AfterEach
    void stop() {
        server.close();
        slowWork.shutdownNow();
    }

    private WireClient client(long seed) {
        return new WireClient(server.localAddress(), "local cluster daemon", context(TestWire.KEY, seed));
    }

    @Test
    void typedAndTypedInRequestsAreAnswered() throws Exception {
        WireClient client = client(2);
        assertEquals("OK APP_STATUS app=apache forward=yes".replace(" forward=yes", " failoverinfo=yes"),
                client.send(new ClusterRequest.AppStatus("apache", false, true, false)).text());
        assertEquals("OK ECHO", client.send("echo").text());
        Reply apps = client.send(new ClusterRequest.AppList());
        assertEquals(java.util.List.of("apache", "samba"), apps.fields());
        Reply wrong = client.send("SETVALIDNODES forward=yes");
        assertEquals("MISSING_ARG", wrong.code());
    }

    @Test
    void aDaemonThatIsDownGivesTheReferencesWording() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        InetSocketAddress nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort);
        WireException down = assertThrows(DaemonUnreachableException.class,
                () -> new WireClient(nowhere, "local cluster daemon", context(TestWire.KEY, 3)).send("ECHO"));
        assertEquals("Unable to contact local cluster daemon.", down.getMessage());
        assertTrue(down.detail().contains(String.valueOf(freePort)), down.detail());
        assertEquals("Unable to contact lock daemon.", assertThrows(DaemonUnreachableException.class,
                () -> new WireClient(nowhere, "lock daemon", context(TestWire.KEY, 3)).send("ECHO")).getMessage());
    }

    @Test
    void aDaemonThatDoesNotAnswerInTimeGivesUnableToRead() {
        WireClient impatient = new WireClient(server.localAddress(), "local cluster daemon",
                context(TestWire.KEY, 4).withSettings(WireSettings.DEFAULTS.withRequestTimeout(
                        Duration.ofMillis(300))));
        long start = System.nanoTime();
        WireException e = assertThrows(DaemonNoReplyException.class,
                () -> impatient.send(new ClusterRequest.LoadAverage()));
        assertEquals("Unable to read from local cluster daemon.", e.getMessage());
        assertTrue(e.detail().contains("within 300 ms"), e.detail());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    void aToolWithTheWrongKeyIsRefusedAndToldWhy() {
        WireClient stranger = new WireClient(server.localAddress(), "local cluster daemon",
                context(TestWire.OTHER_KEY, 5));
        WireException e = assertThrows(DaemonNoReplyException.class, () -> stranger.send("ECHO"));
        assertTrue(e.detail().contains("closed the connection without answering"), e.detail());
        assertTrue(e.detail().contains("global.key"), e.detail());
    }

    @Test
    void oneClientSendingGarbageDoesNotStopAnswersToAnother() throws Exception {
        ExecutorService garbage = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> closedByServer = garbage.submit(() -> {
                Random random = new Random(6);
                int closed = 0;
                for (int i = 0; i < 100; i++) {
                    try (Socket s = new Socket()) {
                        s.connect(server.localAddress(), 2000);
                        s.setSoTimeout(5000);
                        byte[] junk = new byte[1 + random.nextInt(300)];
                        random.nextBytes(junk);
                        junk[junk.length - 1] = '\n';
                        OutputStream out = s.getOutputStream();
                        out.write(junk);
                        out.flush();
                        InputStream in = s.getInputStream();
                        if (in.read() < 0) {
                            closed++;
                        }
                    } catch (IOException reset) {
                        closed++;  // the server closed first; a reset is a close too
                    }
                }
                return closed;
            });
            WireClient client = client(7);
            for (int i = 0; i < 50; i++) {
                assertEquals("OK START_APP app=app" + i, client.send(new ClusterRequest.StartApp("app" + i)).text());
            }
            assertEquals(100, closedByServer.get(30, TimeUnit.SECONDS), "every garbage connection closed");
            assertEquals("OK ECHO", client.send("ECHO").text());
        } finally {
            garbage.shutdownNow();
        }
    }

    @Test
    void aSecondServerOnTheSamePortFailsNamingTheAddress() {
        IOException e = assertThrows(IOException.class, () -> WireServer.start(server.localAddress(),
                context(TestWire.KEY, 8), ClusterRequest.VOCABULARY,
                (r, p) -> CompletableFuture.completedFuture(Reply.ok())));
        assertTrue(e.getMessage().contains("cannot listen on") && e.getMessage().contains("cluster daemon"),
                e.getMessage());
    }

    @Test
    void afterCloseTheDaemonIsUnreachable() {
        InetSocketAddress address = server.localAddress();
        server.close();
        assertThrows(DaemonUnreachableException.class,
                () -> new WireClient(address, "local cluster daemon", context(TestWire.KEY, 9)).send("ECHO"));
    }
}
