package net.linuxha.net.daemon;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.net.io.ClusterDaemonLink;

/**
 * Reports networks to the local cldaemon: {@code NETWORK_FAILED network=X} and {@code NETWORK_RESTORED network=X},
 * answered {@code OK}.
 *
 * <p>The daemon's loop calls this between polls, so it must not hang on a cldaemon that does not answer: the request
 * goes out on a sender thread and the loop waits at most {@link #ANSWER_WAIT} for the answer (a running cldaemon
 * answers over loopback in a few milliseconds; a stopped one refuses the connection at once). A report not answered
 * in time counts as not received and is retried by the caller; while the previous one is still out, and for
 * {@link #BACKOFF} after a failure, a new attempt fails at once without touching the network.
 */
public final class WireClusterDaemonLink implements ClusterDaemonLink, AutoCloseable {

    static final Duration ANSWER_WAIT = Duration.ofMillis(250);
    static final Duration BACKOFF = Duration.ofSeconds(1);

    private final WireClient client;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "clnetd-report");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration answerWait;
    private Future<Reply> inFlight;
    private long quietUntil = System.nanoTime();
    private String lastFailure = "";

    /** @param client a client of the local cldaemon ({@code ClusterSetup.localAddress(global.port)}) */
    public WireClusterDaemonLink(WireClient client) {
        this(client, ANSWER_WAIT);
    }

    /** @param answerWait how long the loop waits for an answer before it carries on (tests on a busy machine) */
    WireClusterDaemonLink(WireClient client, Duration answerWait) {
        this.client = Objects.requireNonNull(client, "client");
        this.answerWait = Objects.requireNonNull(answerWait, "answerWait");
    }

    @Override
    public void networkDown(String network) throws IOException {
        report(new ClusterRequest.NetworkFailed(network));
    }

    @Override
    public void networkUp(String network) throws IOException {
        report(new ClusterRequest.NetworkRestored(network));
    }

    private synchronized void report(ClusterRequest request) throws IOException {
        if (inFlight != null && !inFlight.isDone()) {
            throw new IOException("the cluster daemon has not answered the previous report yet");
        }
        if (System.nanoTime() - quietUntil < 0) {
            throw new IOException(lastFailure);
        }
        inFlight = sender.submit(() -> client.send(request));
        try {
            Reply reply = inFlight.get(answerWait.toMillis(), TimeUnit.MILLISECONDS);
            if (!reply.isOk()) {
                throw failed("the cluster daemon answered " + request.keyword() + " with '" + reply.text() + "'");
            }
        } catch (TimeoutException e) {
            throw failed("no answer from the cluster daemon to " + request.keyword() + " within "
                    + answerWait.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw failed(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted while waiting for the cluster daemon");
        }
    }

    private IOException failed(String why) {
        lastFailure = why;
        quietUntil = System.nanoTime() + BACKOFF.toNanos();
        return new IOException(why);
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
