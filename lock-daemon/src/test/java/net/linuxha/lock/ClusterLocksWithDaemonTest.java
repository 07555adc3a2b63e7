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
import net.linuxha.common.lock.ClusterLocks;
import net.linuxha.common.lock.LockBusyException;
import net.linuxha.common.lock.LockHandle;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireException;
import net.linuxha.common.wire.WireKey;
import net.linuxha.common.testing.LogCapture;
import net.linuxha.common.testing.Wait;

/** The tools' lock client against a real lock daemon on 127.0.0.1: hold, wait, busy, release, and daemon loss. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterLocksWithDaemonTest {

    private static final WireContext WIRE = WireContext.production(WireKey.derive("client-daemon-test-key"));
    private static final LockConfig LOCKS = LockConfig.DEFAULTS.with(List.of(
            new LockDefinition("SHORT", "held one second at most", Duration.ofSeconds(1))));

    private LockDaemon daemon;

    @BeforeEach
    void start() throws IOException {
        daemon = LockDaemon.start(LOCKS, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), WIRE,
                Clock.systemUTC(), Optional.empty());
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    private ClusterLocks locks(String tool) {
        return ClusterLocks.at(daemon.localAddress(), WIRE, tool);
    }

    private String status(String lock) {
        try {
            return new WireClient(daemon.localAddress(), "lock daemon", WIRE).send("LOCK_STATUS name=" + lock).text();
        } catch (WireException e) {
            return e.getMessage();
        }
    }

    @Test
    void aHeldLockIsReleasedOnClose() throws Exception {
        try (LockHandle net = locks("clstartapp").acquire("NET", Duration.ofSeconds(5))) {
            assertTrue(net.isHeld());
            String client = net.client().orElseThrow();
            assertTrue(client.matches("clstartapp\\.\\d+\\.1"), client);
            assertTrue(status("NET").startsWith("NET," + client + ","), status("NET"));
        }
        assertTrue(status("NET").startsWith("NET,-,0,"), status("NET"));
    }

    @Test
    void aSecondToolIsRefusedAfterItsTimeoutNamingTheHolder() throws Exception {
        try (LockHandle first = locks("clstartapp").acquire("NET", Duration.ZERO)) {
            LockBusyException busy = assertThrows(LockBusyException.class,
                    () -> locks("clhaltapp").acquire("NET", Duration.ofSeconds(1)));
            assertEquals(first.client().orElseThrow(), busy.holder());
            assertTrue(busy.getMessage().contains("still held by " + busy.holder() + " after waiting 1 s"),
                    busy.getMessage());
        }
    }

    @Test
    void aWaitingToolGetsTheLockWhenTheHolderReleasesIt() throws Exception {
        LockHandle first = locks("clstartapp").acquire("NBD_CLIENT", Duration.ZERO);
        CompletableFuture<LockHandle> second = CompletableFuture.supplyAsync(() -> {
            try {
                return locks("clhaltapp").acquire("NBD_CLIENT", Duration.ofSeconds(20));
            } catch (LockBusyException e) {
                throw new IllegalStateException(e);
            }
        });
        Wait.assertWithin(Duration.ofSeconds(5), () -> status("NBD_CLIENT").contains(",clhaltapp."),
                () -> status("NBD_CLIENT"));
        first.close();
        try (LockHandle got = second.get(5, TimeUnit.SECONDS)) {
            assertTrue(got.isHeld());
            assertTrue(status("NBD_CLIENT").startsWith("NBD_CLIENT," + got.client().orElseThrow() + ","));
        }
    }

    @Test
    void aLockTakenBackForHoldingTooLongIsReportedOnRelease() throws Exception {
        try (LogCapture log = new LogCapture(LockHandle.class)) {
            LockHandle handle = locks("clstartapp").acquire("SHORT", Duration.ZERO);
            Wait.assertWithin(Duration.ofSeconds(5), () -> status("SHORT").startsWith("SHORT,-,"), () -> status("SHORT"));
            handle.close();
            assertFalse(handle.isHeld());
            assertTrue(log.has("WARN", "Lock SHORT was no longer held by " + handle.client().orElseThrow()),
                    log.lines().toString());
        }
    }

    @Test
    void aLockDaemonThatDiesWhileALockIsHeldDoesNotFailTheTool() throws Exception {
        try (LogCapture log = new LogCapture(LockHandle.class)) {
            LockHandle handle = locks("clstartapp").acquire("NET", Duration.ZERO);
            daemon.close();
            handle.close();
            assertFalse(handle.isHeld());
            assertTrue(log.has("WARN", "Unable to read from lock daemon."), log.lines().toString());
        }
        try (LockHandle after = locks("clstartapp").acquire("NET", Duration.ofSeconds(30))) {
            assertFalse(after.isHeld(), "with the daemon gone the tool carries on without the lock");
        }
    }
}
