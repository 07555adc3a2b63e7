package net.linuxha.common.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireKey;
import net.linuxha.common.testing.LogCapture;

/**
 * The client's side when locking cannot happen: the tool is never blocked and is told why in one WARN line. The
 * conversations with a running lock daemon are in the lock-daemon module (ClusterLocksWithDaemonTest).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClusterLocksTest {

    private static final WireContext WIRE = WireContext.production(WireKey.derive("client-test-key"));

    @TempDir
    Path tmp;

    @Test
    void aLockDaemonThatIsDownDoesNotStopTheTool() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ClusterLocks locks = ClusterLocks.at(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), WIRE,
                "clstartapp");
        try (LogCapture log = new LogCapture(ClusterLocks.class)) {
            long started = System.nanoTime();
            try (LockHandle handle = locks.acquire("NET", Duration.ofSeconds(60))) {
                assertFalse(handle.isHeld());
                assertTrue(handle.client().isEmpty());
            }
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "did not wait for the timeout");
            List<String> lines = log.lines();
            assertTrue(lines.contains("INFO Attempt to get lock for NET"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARN Unable to read from lock daemon. Continuing"
                    + " without lock NET (cannot connect to ") && l.contains("cllockd --detach")), lines.toString());
        }
    }

    @Test
    void noLockingSkipsTheLockDaemon() throws Exception {
        ClusterLocks locks = ClusterLocks.forTool(setup(true), "clrunapp", true);
        assertFalse(locks.enabled());
        try (LogCapture log = new LogCapture(ClusterLocks.class);
             LockHandle handle = locks.acquire("NBD_CLIENT", Duration.ofSeconds(10))) {
            assertFalse(handle.isHeld());
            assertEquals(List.of("WARN Locking is disabled (--nolocking was given): continuing without lock "
                    + "NBD_CLIENT"), log.lines());
        }
    }

    @Test
    void aClusterWithoutClportHasNoLocking() throws Exception {
        ClusterLocks locks = ClusterLocks.forTool(setup(false), "clstartapp", false);
        assertFalse(locks.enabled());
        try (LogCapture log = new LogCapture(ClusterLocks.class);
             LockHandle handle = locks.acquire("NET", Duration.ZERO)) {
            assertFalse(handle.isHeld());
            assertTrue(log.lines().get(0).contains("no <global><clport>"), log.lines().toString());
        }
    }

    @Test
    void aClusterWithClportLocksOverLoopbackAtThatPort() throws Exception {
        try (LogCapture log = new LogCapture(ClusterLocks.class)) {
            assertTrue(ClusterLocks.forTool(setup(true), "clstartapp", false).enabled());
            assertEquals(List.of("INFO Locking will be attempted via port 9849"), log.lines());
        }
    }

    @Test
    void timeoutsBecomeWholeSecondsWithinTheDaemonsLimit() {
        assertEquals(0, ClusterLocks.waitSeconds(Duration.ZERO));
        assertEquals(1, ClusterLocks.waitSeconds(Duration.ofMillis(1)));
        assertEquals(2, ClusterLocks.waitSeconds(Duration.ofMillis(1500)));
        assertEquals(45, ClusterLocks.waitSeconds(Duration.ofSeconds(45)));
        assertEquals(3600, ClusterLocks.waitSeconds(Duration.ofDays(1)));
    }

    /** The lab's clconf.xml sample, with or without its clport. */
    private ClusterSetup setup(boolean withClport) throws Exception {
        Path sample = Path.of("").toAbsolutePath().getParent().resolve("etc-samples/clconf.xml");
        String xml = Files.readString(sample);
        if (!withClport) {
            xml = xml.replace("<clport>9849</clport>", "");
        }
        ClusterPaths paths = ClusterPaths.under(tmp);
        ClusterConfig config = ClusterConfig.parse(paths.clconf(), xml).config();
        return new ClusterSetup(paths, config, List.of(), "servera");
    }
}
