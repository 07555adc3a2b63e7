package net.linuxha.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import net.linuxha.common.config.LockConfig;
import net.linuxha.common.config.LockDefinition;
import net.linuxha.common.wire.DaemonUnreachableException;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireConnection;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireException;
import net.linuxha.common.wire.WireKey;
import net.linuxha.common.testing.LogCapture;
import net.linuxha.common.testing.Wait;

/**
 * One real lock daemon on 127.0.0.1; the test speaks the wire protocol over real TCP connections, one per client,
 * step by step (ZooKeeper's Zab1_0Test style). Lock SHORT (maxt 1 s) exercises the maximum hold time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LockDaemonConversationTest {

    private static final WireContext WIRE = WireContext.production(WireKey.derive("conversation-test-key"));
    private static final LockConfig LOCKS = LockConfig.DEFAULTS.with(List.of(
            new LockDefinition("SHORT", "held one second at most", Duration.ofSeconds(1))));

    private LockDaemon daemon;
    private final List<WireConnection> connections = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        daemon = LockDaemon.start(LOCKS, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), WIRE,
                Clock.systemUTC(), Optional.empty());
    }

    @AfterEach
    void stop() {
        connections.forEach(WireConnection::close);
        daemon.close();
    }

    private WireConnection connect() throws WireException {
        WireConnection c = new WireClient(daemon.localAddress(), "lock daemon", WIRE).connect();
        connections.add(c);
        return c;
    }

    private static String send(WireConnection c, String request) throws WireException {
        return c.send(request).text();
    }

    private String status(String lock) throws WireException {
        return new WireClient(daemon.localAddress(), "lock daemon", WIRE).send("LOCK_STATUS name=" + lock).text();
    }

    private static CompletableFuture<String> sendLater(WireConnection c, String request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return c.send(request, Duration.ofSeconds(30)).text();
            } catch (WireException e) {
                return "FAILED " + e.getMessage() + " " + e.detail();
            }
        });
    }

    @Test
    void aFreeLockIsGrantedAndAStatusShowsTheHolder() throws Exception {
        WireConnection a = connect();
        long before = System.currentTimeMillis() / 1000;
        assertEquals("OK", send(a, "LOCK name=NET client=a.1"));
        String[] fields = status("NET").split(",", -1);
        assertEquals("NET", fields[0]);
        assertEquals("a.1", fields[1]);
        assertTrue(Long.parseLong(fields[2]) >= before, "held since is UNIX seconds: " + fields[2]);
        assertEquals("40", fields[3]);
        assertEquals("", fields[4], "nobody waits");
        assertEquals("OK", send(a, "LOCK name=NET client=a.1"), "asking again for a lock one holds is granted");
    }

    @Test
    void aBusyLockIsRefusedAtOnceWithoutWait() throws Exception {
        WireConnection a = connect();
        WireConnection b = connect();
        send(a, "LOCK name=NET client=a.1");
        assertEquals("BUSY a.1", send(b, "LOCK name=NET client=b.1"));
        assertEquals("NOT_HELD a.1", send(b, "UNLOCK name=NET client=b.1"));
    }

    @Test
    void aWaiterIsAnsweredWhenTheHolderReleases() throws Exception {
        WireConnection a = connect();
        WireConnection b = connect();
        send(a, "LOCK name=NET client=a.1");
        CompletableFuture<String> waiting = sendLater(b, "LOCK name=NET client=b.1 wait=20");
        Wait.assertWithin(Duration.ofSeconds(5), () -> statusQuietly("NET").endsWith(",b.1"), () -> statusQuietly("NET"));
        assertFalse(waiting.isDone(), "the waiter has no answer while the lock is held");
        assertEquals("OK", send(a, "UNLOCK name=NET client=a.1"));
        assertEquals("OK", waiting.get(5, TimeUnit.SECONDS));
        assertTrue(status("NET").startsWith("NET,b.1,"), status("NET"));
        // The daemon's event loop was never blocked by the waiter: another client was served meanwhile.
        assertEquals("OK", send(connect(), "LOCK name=NBD_CLIENT client=c.1"));
    }

    @Test
    void aWaiterWhoseTimeRunsOutIsToldWhoHoldsTheLock() throws Exception {
        WireConnection a = connect();
        WireConnection b = connect();
        send(a, "LOCK name=NET client=a.1");
        long started = System.nanoTime();
        assertEquals("BUSY a.1", b.send("LOCK name=NET client=b.1 wait=1", Duration.ofSeconds(10)).text());
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waitedMillis >= 900, "answered after its wait, not before: " + waitedMillis + " ms");
        assertTrue(status("NET").startsWith("NET,a.1,") && status("NET").endsWith(","), status("NET"));
    }

    @Test
    void aHolderPastItsMaximumHoldTimeLosesTheLockWithAWarning() throws Exception {
        try (LogCapture log = new LogCapture(LockService.class)) {
            WireConnection a = connect();
            WireConnection b = connect();
            send(a, "LOCK name=SHORT client=a.1");
            CompletableFuture<String> waiting = sendLater(b, "LOCK name=SHORT client=b.1 wait=30");
            assertEquals("OK", waiting.get(10, TimeUnit.SECONDS), "the waiter gets the lock once a.1 expires");
            assertTrue(log.has("WARN", "Lock SHORT held by a.1 for longer than its maximum of 1 s"), log.lines()
                    .toString());
            assertEquals("NOT_HELD b.1", send(a, "UNLOCK name=SHORT client=a.1"),
                    "the expired holder learns it no longer holds the lock");
            Wait.assertWithin(Duration.ofSeconds(5), () -> statusQuietly("SHORT").startsWith("SHORT,-,0,1,"),
                    () -> "b.1's lock expires in turn and nobody waits: " + statusQuietly("SHORT"));
        }
    }

    @Test
    void aClientsLocksAreReleasedWhenItsConnectionDrops() throws Exception {
        try (LogCapture log = new LogCapture(LockService.class)) {
            WireConnection a = connect();
            WireConnection b = connect();
            send(a, "LOCK name=NET client=a.1");
            send(a, "LOCK name=NBD_SERVER client=a.2");
            CompletableFuture<String> waiting = sendLater(b, "LOCK name=NET client=b.1 wait=30");
            Wait.assertWithin(Duration.ofSeconds(5), () -> statusQuietly("NET").endsWith(",b.1"),
                    () -> statusQuietly("NET"));
            a.close();
            assertEquals("OK", waiting.get(5, TimeUnit.SECONDS));
            Wait.assertWithin(Duration.ofSeconds(5), () -> statusQuietly("NBD_SERVER").startsWith("NBD_SERVER,-,"),
                    () -> statusQuietly("NBD_SERVER"));
            assertTrue(log.has("WARN", "Lock NET released because a.1 disconnected while holding it"),
                    log.lines().toString());
            assertEquals("OK", send(connect(), "LOCK name=NBD_SERVER client=a.2"),
                    "the dropped client's id is free for a new connection");
        }
    }

    @Test
    void aWaiterThatDisconnectsLeavesTheQueue() throws Exception {
        WireConnection a = connect();
        WireConnection b = connect();
        send(a, "LOCK name=NET client=a.1");
        sendLater(b, "LOCK name=NET client=b.1 wait=30");
        Wait.assertWithin(Duration.ofSeconds(5), () -> statusQuietly("NET").endsWith(",b.1"), () -> statusQuietly("NET"));
        b.close();
        Wait.assertWithin(Duration.ofSeconds(5), () -> statusQuietly("NET").endsWith(","), () -> statusQuietly("NET"));
        assertEquals("OK", send(a, "UNLOCK name=NET client=a.1"));
        assertTrue(status("NET").startsWith("NET,-,0,"), "nobody was granted the lock: " + status("NET"));
    }

    @Test
    void statusWithoutANameListsEveryLock() throws Exception {
        send(connect(), "LOCK name=NBD_CLIENT client=a.1");
        List<String> lines = new WireClient(daemon.localAddress(), "lock daemon", WIRE).send("LOCK_STATUS").lines();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("NET,-,0,40,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("NBD_CLIENT,a.1,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("NBD_SERVER,-,0,45,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("SHORT,-,0,1,"), lines.get(3));
    }

    @Test
    void badRequestsAreAnsweredAndTheDaemonCarriesOn() throws Exception {
        WireConnection a = connect();
        WireConnection b = connect();
        String unknown = send(a, "LOCK name=DISK client=a.1");
        assertTrue(unknown.startsWith("UNKNOWN_LOCK Unknown lock 'DISK'") && unknown.contains("NET, NBD_CLIENT"),
                unknown);
        assertTrue(status("DISK").startsWith("UNKNOWN_LOCK"), status("DISK"));
        assertTrue(send(a, "LOCK name=NET").startsWith("MISSING_ARG"), "client= is required");
        assertTrue(send(a, "LOCK name=NET client=a.1 wait=99999").startsWith("ERROR"), "wait is at most 3600");
        assertTrue(send(a, "FROB").startsWith("ERROR"), "an unknown request");
        String badId = send(a, "LOCK name=NET client=two%20words");
        assertTrue(badId.startsWith("ERROR") && badId.contains("without spaces"), badId);
        send(a, "LOCK name=NET client=a.1");
        String stolen = send(b, "UNLOCK name=NET client=a.1");
        assertTrue(stolen.startsWith("ERROR client id a.1 is in use on another connection"), stolen);
        assertTrue(status("NET").startsWith("NET,a.1,"), "the other connection could not release it");
        assertEquals("UP", send(b, "ECHO"));
        assertEquals("OK", send(b, "LOCK name=NBD_CLIENT client=b.1"));
    }

    @Test
    void echoHelpAndVerboseAreAnswered() throws Exception {
        WireConnection a = connect();
        assertEquals("UP", send(a, "ECHO"));
        Reply help = a.send("HELP");
        assertTrue(help.fields().containsAll(List.of("LOCK", "UNLOCK", "LOCK_STATUS", "ABORT", "LOGCYCLE")),
                help.text());
        assertEquals("OK LOGGING=ON", send(a, "VERBOSE on=true"));
        assertTrue(send(a, "LOGCYCLE count=3").startsWith("ERROR LOGCYCLE failed"),
                "no log file in this test: the answer says so");
    }

    @Test
    void abortStopsTheDaemon() throws Exception {
        InetSocketAddress address = daemon.localAddress();
        assertEquals("OK", send(connect(), "ABORT"));
        assertTrue(daemon.awaitStopped(Duration.ofSeconds(10)), "the daemon stopped after ABORT");
        assertThrows(DaemonUnreachableException.class,
                () -> new WireClient(address, "lock daemon", WIRE).send("ECHO"));
    }

    private String statusQuietly(String lock) {
        try {
            return status(lock);
        } catch (WireException e) {
            return e.getMessage();
        }
    }
}
