package net.linuxha.common.lock;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.wire.LockRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireConnection;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireException;

/**
 * The tools' side of cluster locking (Reference 5.5, 7.2.3): asks the node's lock daemon for a named lock and
 * returns a {@link LockHandle} that holds it until closed.
 *
 * <p>Locking is optional (5.5: "the cluster will function if the lock daemon dies"): when the lock daemon does not
 * answer, when clconf.xml has no {@code clport} (7.2.1) or when the tool was given {@code --nolocking} (19.2,
 * 19.3), {@link #acquire} logs one WARN line and returns at once with a handle that holds nothing, so the tool
 * carries on. It blocks only while a working lock daemon makes it wait for a lock someone else holds.
 *
 * <p>Log lines follow the Reference's clstartapp/clhaltapp logs (11.1, 11.4): "Locking will be attempted via port
 * 9849", "Successfully connected to lock server.", "Attempt to get lock for NET", "Attempt to release lock for
 * NET"; with the lock daemon down, "Unable to read from lock daemon." (10.1) as a warning.
 */
public final class ClusterLocks {

    /** How the Reference names the daemon in errors. */
    public static final String DAEMON = "lock daemon";
    /** The Reference's words when the lock daemon does not answer (10.1). */
    public static final String DAEMON_DOWN = "Unable to read from lock daemon.";
    /** Beyond the wait itself, how long an answer to LOCK may take before the daemon counts as not answering. */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ClusterLocks.class);

    private final Optional<InetSocketAddress> address;
    private final String disabledReason;
    private final WireContext wire;
    private final String clientPrefix;
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicBoolean connectedOnce = new AtomicBoolean();

    private ClusterLocks(Optional<InetSocketAddress> address, String disabledReason, WireContext wire,
                         String clientPrefix) {
        this.address = address;
        this.disabledReason = disabledReason;
        this.wire = wire;
        this.clientPrefix = clientPrefix;
    }

    /**
     * Locking for {@code tool} on this node: the lock daemon at {@code global.clport} over loopback, or disabled
     * when {@code noLocking} ({@code --nolocking}) or when clconf.xml has no clport.
     */
    public static ClusterLocks forTool(ClusterSetup setup, String tool, boolean noLocking) {
        if (noLocking) {
            return disabled("--nolocking was given");
        }
        if (setup.config().clPort().isEmpty()) {
            return disabled("clconf.xml has no <global><clport>, so cluster lock support is disabled;"
                    + " add <clport>9849</clport> and start cllockd to serialise access to cluster resources");
        }
        int port = setup.config().clPort().getAsInt();
        LOG.info("Locking will be attempted via port {}", port);
        return at(ClusterSetup.localAddress(port), setup.wireContext(), tool);
    }

    /** Locking against the lock daemon at {@code address}; holders are named {@code tool.pid.n}. */
    public static ClusterLocks at(InetSocketAddress address, WireContext wire, String tool) {
        return new ClusterLocks(Optional.of(address), "", Objects.requireNonNull(wire, "wire"),
                clientPrefix(tool));
    }

    /** No locking: every {@link #acquire} warns with {@code reason} and carries on. */
    public static ClusterLocks disabled(String reason) {
        return new ClusterLocks(Optional.empty(), Objects.requireNonNull(reason, "reason"), null, "");
    }

    public boolean enabled() {
        return address.isPresent();
    }

    /**
     * Takes {@code lock}, waiting up to {@code timeout} (whole seconds, at most an hour; zero: not at all) while
     * someone else holds it. Returns a handle that holds nothing when locking is disabled or the lock daemon does
     * not answer.
     *
     * @throws LockBusyException when the lock is still held by someone else after {@code timeout}
     * @throws IllegalArgumentException when the lock daemon does not manage {@code lock} (a cllocks.xml mistake)
     */
    public LockHandle acquire(String lock, Duration timeout) throws LockBusyException {
        Objects.requireNonNull(lock, "lock");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout for lock " + lock + " is negative: " + timeout);
        }
        if (address.isEmpty()) {
            LOG.warn("Locking is disabled ({}): continuing without lock {}", disabledReason, lock);
            return LockHandle.notHeld(lock);
        }
        LOG.info("Attempt to get lock for {}", lock);
        WireConnection connection;
        try {
            connection = WireConnection.open(address.get(), DAEMON, wire);
        } catch (WireException e) {
            return withoutLock(lock, e);
        }
        if (connectedOnce.compareAndSet(false, true)) {
            LOG.info("Successfully connected to lock server.");
        }
        String client = clientPrefix + "." + sequence.incrementAndGet();
        int waitSeconds = waitSeconds(timeout);
        Reply reply;
        try {
            reply = connection.send(new LockRequest.Lock(lock, client, waitSeconds),
                    Duration.ofSeconds(waitSeconds).plus(ANSWER_MARGIN));
        } catch (WireException e) {
            connection.close();
            return withoutLock(lock, e);
        }
        switch (reply.code()) {
            case "OK":
                LOG.debug("Lock {} held as {}", lock, client);
                return LockHandle.held(lock, client, connection);
            case "BUSY":
                connection.close();
                throw new LockBusyException(lock, reply.detail(), Duration.ofSeconds(waitSeconds));
            case "UNKNOWN_LOCK":
                connection.close();
                throw new IllegalArgumentException(reply.detail());
            default:
                connection.close();
                LOG.warn("The lock daemon refused lock {} ({}): continuing without it", lock, reply);
                return LockHandle.notHeld(lock);
        }
    }

    private LockHandle withoutLock(String lock, WireException e) {
        LOG.warn("{} Continuing without lock {} ({}); start the lock daemon with: cllockd --detach", DAEMON_DOWN,
                lock, e.detail());
        return LockHandle.notHeld(lock);
    }

    /** The LOCK request's wait: whole seconds rounded up, within what the daemon accepts. */
    static int waitSeconds(Duration timeout) {
        long seconds = timeout.toSeconds() + (timeout.toNanosPart() > 0 ? 1 : 0);
        return (int) Math.min(seconds, LockRequest.MAX_WAIT_SECONDS);
    }

    private static String clientPrefix(String tool) {
        String name = tool == null || tool.isBlank() ? "tool" : tool.replaceAll("[^A-Za-z0-9_.-]", "_");
        return name + "." + ProcessHandle.current().pid();
    }
}
