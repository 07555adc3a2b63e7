package net.linuxha.lems.daemon;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import net.linuxha.common.wire.LemsRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.RequestHandler;

/**
 * Moves Lems requests off the network threads: the handler may block (INSTALL reads files and loads jars, a
 * monitor's detail may be slow), and the wire server's event loop must not. One thread answers the requests in
 * the order they came, as the single-threaded Perl Lems did.
 *
 * <p>{@link #drain(Duration)} lets the daemon wait until every answer has been handed to the network before it
 * closes the server, so an {@code ABORT} is answered before Lems exits.
 */
public final class RequestLane implements RequestHandler<LemsRequest>, AutoCloseable {

    private final Function<LemsRequest, Reply> handler;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "lems-requests");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private int inFlight;

    public RequestLane(Function<LemsRequest, Reply> handler) {
        this.handler = handler;
    }

    @Override
    public CompletionStage<Reply> handle(LemsRequest request, SocketAddress peer) {
        CompletableFuture<Reply> answer = new CompletableFuture<>();
        synchronized (lock) {
            inFlight++;
        }
        try {
            thread.execute(() -> answer(request, answer));
        } catch (RuntimeException e) {
            done();
            answer.completeExceptionally(e);
        }
        return answer;
    }

    private void answer(LemsRequest request, CompletableFuture<Reply> answer) {
        try {
            answer.complete(handler.apply(request));
        } catch (RuntimeException | Error e) {
            answer.completeExceptionally(e);
        } finally {
            // Completing the future queued the answer's write on the network thread; only then is it not in flight.
            done();
        }
    }

    private void done() {
        synchronized (lock) {
            inFlight--;
            lock.notifyAll();
        }
    }

    /** Waits up to {@code timeout} until no request is being answered; true when none is. */
    public boolean drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (inFlight > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                lock.wait(left);
            }
            return true;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
