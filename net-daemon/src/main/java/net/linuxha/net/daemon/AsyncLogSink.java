package net.linuxha.net.daemon;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import net.linuxha.net.NetAction;
import net.linuxha.net.io.LogSink;

/**
 * Hands log lines to a writer thread, so the daemon's loop never waits for the log disk between a link failure and
 * the address move. Bounded: when the writer falls more than {@link #CAPACITY} lines behind, lines are dropped and
 * their number is logged once the writer catches up.
 */
public final class AsyncLogSink implements LogSink, AutoCloseable {

    static final int CAPACITY = 10_000;

    private final LogSink target;
    private final BlockingQueue<NetAction.Log> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;

    public AsyncLogSink(LogSink target) {
        this.target = Objects.requireNonNull(target, "target");
        this.writer = new Thread(this::write, "clnetd-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void log(NetAction.Log line) {
        if (!queue.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    private void write() {
        try {
            while (!closing || !queue.isEmpty()) {
                NetAction.Log line = queue.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    target.log(line);
                }
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    target.log(NetAction.Log.warn(lost + " log line(s) of the network daemon were dropped: the log "
                            + "could not be written fast enough (is the log disk full or slow?)"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued (waiting up to two seconds) and stops the writer. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
