package net.linuxha.lock;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.linuxha.common.config.LockConfig;
import net.linuxha.common.config.LockDefinition;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.wire.LockRequest;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireServer;

/**
 * A running lock daemon: the {@link LockService} behind a {@link WireServer}, with its state thread. Started by
 * {@link LockDaemonMain}; tests start one on port 0 over loopback. Stops on {@link #close()} or an ABORT request.
 */
public final class LockDaemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LockDaemon.class);
    /** Between the answer to ABORT being handed to the connection and the sockets closing. */
    private static final Duration ABORT_GRACE = Duration.ofMillis(200);

    private final ScheduledExecutorService state;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile WireServer server;

    private LockDaemon(ScheduledExecutorService state) {
        this.state = state;
    }

    /**
     * Listens on {@code bind} for lock requests.
     *
     * @param logs the installed logging, for VERBOSE and LOGCYCLE; empty in tests that leave logging alone
     * @throws IOException naming the address when it cannot listen
     */
    public static LockDaemon start(LockConfig locks, InetSocketAddress bind, WireContext wire, Clock clock,
                                   Optional<LogControl> logs) throws IOException {
        ScheduledExecutorService state = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cllockd-state");
            thread.setDaemon(true);
            return thread;
        });
        LockDaemon daemon = new LockDaemon(state);
        LockService service = new LockService(LockTable.of(locks), clock, state, daemon.controls(logs));
        try {
            daemon.server = WireServer.start(bind, withIdleTimeout(wire, locks), LockRequest.VOCABULARY, service);
        } catch (IOException | RuntimeException e) {
            state.shutdownNow();
            throw e;
        }
        return daemon;
    }

    /**
     * A holder's or waiter's connection is silent while it holds or waits; the wire's idle timeout must not close it
     * before the longest wait plus the longest hold are over, or the daemon would take the lock back early.
     */
    private static WireContext withIdleTimeout(WireContext wire, LockConfig locks) {
        Duration longestHold = locks.locks().values().stream().map(LockDefinition::maxHold)
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        Duration idle = Duration.ofSeconds(LockRequest.MAX_WAIT_SECONDS).plus(longestHold).plusMinutes(1);
        if (idle.compareTo(wire.settings().idleTimeout()) <= 0) {
            return wire;
        }
        return wire.withSettings(wire.settings().withIdleTimeout(idle));
    }

    public InetSocketAddress localAddress() {
        return server.localAddress();
    }

    /** Blocks until the daemon has stopped (ABORT or {@link #close()}). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Like {@link #awaitStopped()}, bounded; true if it stopped. */
    public boolean awaitStopped(Duration limit) throws InterruptedException {
        return stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            WireServer listening = server;
            if (listening != null) {
                listening.close();
            }
        } finally {
            state.shutdownNow();
            stopped.countDown();
        }
    }

    private DaemonControls controls(Optional<LogControl> logs) {
        Objects.requireNonNull(logs, "logs");
        return new DaemonControls() {
            @Override
            public void abort() {
                // Not on the state thread: closing waits for the event loops, which may be handing us work.
                Thread stopper = new Thread(() -> {
                    try {
                        Thread.sleep(ABORT_GRACE.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    close();
                }, "cllockd-abort");
                stopper.setDaemon(true);
                stopper.start();
            }

            @Override
            public void setVerbose(boolean on) {
                logs.ifPresent(l -> l.setVerbose(on));
                LOG.warn("Verbose logging switched {}", on ? "on" : "off");
            }

            @Override
            public void cycleLogs(int count) throws IOException {
                if (logs.isEmpty()) {
                    throw new IllegalStateException("this lock daemon has no log file to cycle");
                }
                logs.get().cycle(count);
            }
        };
    }
}
