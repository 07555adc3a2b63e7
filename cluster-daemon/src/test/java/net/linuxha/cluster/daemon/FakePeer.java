package net.linuxha.cluster.daemon;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireServer;

/**
 * The test playing node {@code nodeb} on 127.0.0.2 at the daemon's port, answering as the Reference's secondary
 * does: ECHO with its state, CHANGE_DSTATE moves it, TIME with its clock (shifted by {@code skew}), CHECKSUM with
 * the given build checksum. Every request it receives is recorded.
 */
final class FakePeer implements AutoCloseable {

    final List<ClusterRequest> received = new CopyOnWriteArrayList<>();
    private final WireServer server;
    private final Duration skew;
    private final String checksum;
    private volatile String state;
    /** How long CHECKSUM answers take (a slow peer keeps the registration after formation going). */
    volatile Duration checksumDelay = Duration.ZERO;
    /** CHECKSUM answers by application, where they differ from the one given to the constructor. */
    final java.util.Map<String, String> checksums = new java.util.concurrent.ConcurrentHashMap<>();
    /** Answers by request keyword that override the defaults below (e.g. LOADAVERAGE, START_DRBD). */
    final java.util.Map<String, String> answers = new java.util.concurrent.ConcurrentHashMap<>();

    FakePeer(int port, WireContext wire, String initialState, Duration skew, String checksum) throws Exception {
        this.state = initialState;
        this.skew = skew;
        this.checksum = checksum;
        this.server = WireServer.start(new InetSocketAddress("127.0.0.2", port), wire, ClusterRequest.VOCABULARY,
                (request, from) -> request instanceof ClusterRequest.Checksum && !checksumDelay.isZero()
                        ? CompletableFuture.supplyAsync(() -> answer(request), CompletableFuture.delayedExecutor(
                                checksumDelay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                        : CompletableFuture.completedFuture(answer(request)));
    }

    private Reply answer(ClusterRequest request) {
        received.add(request);
        String fixed = answers.get(request.keyword());
        if (fixed != null) {
            return Reply.of(fixed);
        }
        if (request instanceof ClusterRequest.Echo) {
            return Reply.of(state);
        } else if (request instanceof ClusterRequest.ChangeDstate change) {
            state = change.state();
            return Reply.ok();
        } else if (request instanceof ClusterRequest.Time) {
            return Reply.of(Long.toString(Instant.now().plus(skew).getEpochSecond()));
        } else if (request instanceof ClusterRequest.Checksum c) {
            return Reply.of(checksums.getOrDefault(c.app(), checksum));
        } else if (request instanceof ClusterRequest.AppStatus) {
            return Reply.of("DOWN,N/A,0,0,0,Yes,nodea+nodeb");
        }
        return Reply.ok();
    }

    boolean receivedHeartbeat() {
        return received.stream().anyMatch(r -> r instanceof ClusterRequest.Echo e && !e.check() && !e.hello()
                && e.node().isPresent() && e.network().isPresent());
    }

    @Override
    public void close() {
        server.close();
    }
}
