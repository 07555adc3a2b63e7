package net.linuxha.cluster.daemon;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's two executors. {@link #state} is ONE thread: every read and change of the daemon's state (node
 * states, formation, heartbeats, the application registry) happens there, so nothing needs a lock. {@link #io} runs
 * what blocks: requests to the peer, echo probes, commands. I/O results come back to the state thread with
 * {@link #onState}. A task that throws is logged, never lost silently.
 */
public final class DaemonExecutors implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("cldaemon");
    private static final int IO_THREADS = 6;
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final ScheduledExecutorService state = Executors.newSingleThreadScheduledExecutor(named("cldaemon-state"));
    private final ExecutorService io = Executors.newFixedThreadPool(IO_THREADS, named("cldaemon-io"));

    public ScheduledExecutorService state() {
        return state;
    }

    public ExecutorService io() {
        return io;
    }

    /** Runs {@code task} on the state thread. */
    public void onState(Runnable task) {
        if (!state.isShutdown()) {
            state.execute(guarded(task));
        }
    }

    /** Computes on the state thread. */
    public <T> CompletableFuture<T> onState(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, state);
    }

    /** Runs blocking work on the I/O executor; the future fails with the work's exception. */
    public <T> CompletableFuture<T> io(Callable<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, io);
    }

    /** Runs {@code task} on the state thread every {@code period}. */
    public void every(Duration period, Runnable task) {
        state.scheduleAtFixedRate(guarded(task), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the state thread once after {@code delay}. */
    public void after(Duration delay, Runnable task) {
        if (!state.isShutdown()) {
            state.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops both executors. Messages already handed to the I/O executor (the ABORT to the peer when formation is
     * refused, the last APP_UPDATE) get {@link #DRAIN} to go out before the rest is interrupted.
     */
    @Override
    public void close() {
        state.shutdownNow();
        io.shutdown();
        try {
            if (!io.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                io.shutdownNow();
            }
        } catch (InterruptedException e) {
            io.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The cause of a failed future, unwrapped, for log lines. */
    public static Throwable cause(Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Internal error in the cluster daemon: {}", e.toString(), e);
            }
        };
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
