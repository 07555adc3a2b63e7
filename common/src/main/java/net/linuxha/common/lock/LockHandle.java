package net.linuxha.common.lock;

import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.linuxha.common.wire.LockRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireConnection;
import net.linuxha.common.wire.WireException;

/**
 * One lock a tool asked for, from {@link ClusterLocks#acquire}; {@link #close()} gives it back. While held, the
 * handle keeps its connection to the lock daemon open: if the tool dies, the connection drops and the daemon
 * releases the lock at once. When locking was unavailable ({@link #isHeld()} false) closing does nothing.
 *
 * <pre>{@code
 * try (LockHandle net = locks.acquire("NET", Duration.ofSeconds(60))) {
 *     ... configure the application's IP addresses ...
 * }
 * }</pre>
 */
public final class LockHandle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LockHandle.class);

    private final String lock;
    private final String client;
    private WireConnection connection;

    private LockHandle(String lock, String client, WireConnection connection) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.client = client;
        this.connection = connection;
    }

    static LockHandle held(String lock, String client, WireConnection connection) {
        return new LockHandle(lock, Objects.requireNonNull(client, "client"),
                Objects.requireNonNull(connection, "connection"));
    }

    /** The tool goes on without the lock (lock daemon down, no clport, or --nolocking). */
    static LockHandle notHeld(String lock) {
        return new LockHandle(lock, null, null);
    }

    public String lock() {
        return lock;
    }

    /** True when the lock daemon granted the lock (and it has not been closed). */
    public synchronized boolean isHeld() {
        return connection != null;
    }

    /** The id the lock daemon knows the holder by, when held. */
    public Optional<String> client() {
        return Optional.ofNullable(client);
    }

    /** Gives the lock back and closes the connection; never throws, since the tool's work is done either way. */
    @Override
    public synchronized void close() {
        if (connection == null) {
            return;
        }
        LOG.info("Attempt to release lock for {}", lock);
        try {
            Reply reply = connection.send(new LockRequest.Unlock(lock, client));
            if (reply.code().equals("NOT_HELD")) {
                LOG.warn("Lock {} was no longer held by {} when released: the lock daemon took it back after its"
                        + " maximum hold time (maxt in cllocks.xml){}", lock, client,
                        reply.detail().isEmpty() ? "" : "; it is now held by " + reply.detail());
            } else if (!reply.isOk()) {
                LOG.warn("Release of lock {} answered: {}", lock, reply);
            }
        } catch (WireException e) {
            // Closing the connection below releases the lock all the same, if the daemon is still there.
            LOG.warn("{} Lock {} is released by closing the connection ({})", e.getMessage(), lock, e.detail());
        } finally {
            connection.close();
            connection = null;
        }
    }

    @Override
    public String toString() {
        return "lock " + lock + (connection != null ? " held by " + client : " not held");
    }
}
