package net.linuxha.common.wire;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Refuses requests whose timestamp lies outside {@code now +- window}, and any nonce already accepted while it could
 * still be inside the window. Shared by all connections of a server; thread-safe.
 *
 * <p>A nonce is remembered until {@code timestamp + window}: after that a copy is refused as stale anyway. Memory
 * is bounded by {@code limit}; when full, new requests are refused rather than forgetting a live nonce, because
 * forgetting would let that message be replayed.
 */
public final class ReplayGuard {

    private record Seen(long nonce, long expiresAt) {
    }

    private final Clock clock;
    private final long windowMillis;
    private final int limit;
    private final Map<Long, Seen> seen = new HashMap<>();
    private final PriorityQueue<Seen> byExpiry = new PriorityQueue<>((a, b) -> Long.compare(a.expiresAt, b.expiresAt));

    public ReplayGuard(Clock clock, Duration window, int limit) {
        this.clock = clock;
        this.windowMillis = window.toMillis();
        this.limit = limit;
    }

    public static ReplayGuard of(WireContext context) {
        return new ReplayGuard(context.clock(), context.settings().replayWindow(),
                context.settings().replayCacheLimit());
    }

    /** Null when the request is fresh (and is now remembered), else why it is refused. */
    public synchronized FrameResult.Rejected admit(Frame frame) {
        long now = clock.millis();
        long age = now - frame.timestampMillis();
        if (age > windowMillis) {
            return FrameResult.reject(RejectReason.STALE, skew(age));
        }
        if (-age > windowMillis) {
            return FrameResult.reject(RejectReason.FUTURE, skew(-age));
        }
        forgetExpired(now);
        if (seen.containsKey(frame.nonce())) {
            return FrameResult.reject(RejectReason.REPLAYED, "nonce " + Long.toHexString(frame.nonce()));
        }
        if (seen.size() >= limit) {
            return FrameResult.reject(RejectReason.REPLAY_CACHE_FULL, limit + " requests within "
                    + windowMillis / 1000 + " s");
        }
        Seen entry = new Seen(frame.nonce(), frame.timestampMillis() + windowMillis);
        seen.put(entry.nonce, entry);
        byExpiry.add(entry);
        return null;
    }

    /** Number of nonces currently remembered. */
    public synchronized int size() {
        return seen.size();
    }

    private void forgetExpired(long now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt < now) {
            seen.remove(byExpiry.poll().nonce);
        }
    }

    private String skew(long millis) {
        return String.format("%.1f s off, window %.1f s", millis / 1000.0, windowMillis / 1000.0);
    }
}
