package net.linuxha.common.wire;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the wire protocol, the same on both ends of a connection.
 *
 * @param maxLineLength     longest accepted line in hex characters, without the line feed (default 64 KiB)
 * @param replayWindow      how far a request's timestamp may lie behind or ahead of the receiver's clock; must
 *                          exceed the clock difference between the nodes (default 30 s)
 * @param replayCacheLimit  most request nonces remembered at once; when full, new requests are refused rather
 *                          than forgetting a nonce that could then be replayed (default 100,000)
 * @param idleTimeout       a server closes a connection silent this long (default 60 s)
 * @param connectTimeout    a client gives up connecting after this long (default 5 s)
 * @param requestTimeout    a client gives up waiting for the answer after this long (default 30 s)
 */
public record WireSettings(int maxLineLength, Duration replayWindow, int replayCacheLimit, Duration idleTimeout,
                           Duration connectTimeout, Duration requestTimeout) {

    /** Smallest line that can carry a frame: IV and one block, plus room for a minimal plaintext. */
    static final int MIN_LINE_LENGTH = 128;

    public static final WireSettings DEFAULTS = new WireSettings(64 * 1024, Duration.ofSeconds(30), 100_000,
            Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(30));

    public WireSettings {
        Objects.requireNonNull(replayWindow, "replayWindow");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxLineLength < MIN_LINE_LENGTH) {
            throw new IllegalArgumentException("maxLineLength " + maxLineLength + " is below " + MIN_LINE_LENGTH);
        }
        requirePositive("replayWindow", replayWindow);
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        if (replayCacheLimit < 1) {
            throw new IllegalArgumentException("replayCacheLimit must be at least 1, got " + replayCacheLimit);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    public WireSettings withMaxLineLength(int value) {
        return new WireSettings(value, replayWindow, replayCacheLimit, idleTimeout, connectTimeout, requestTimeout);
    }

    public WireSettings withReplayWindow(Duration value) {
        return new WireSettings(maxLineLength, value, replayCacheLimit, idleTimeout, connectTimeout, requestTimeout);
    }

    public WireSettings withReplayCacheLimit(int value) {
        return new WireSettings(maxLineLength, replayWindow, value, idleTimeout, connectTimeout, requestTimeout);
    }

    public WireSettings withIdleTimeout(Duration value) {
        return new WireSettings(maxLineLength, replayWindow, replayCacheLimit, value, connectTimeout, requestTimeout);
    }

    public WireSettings withConnectTimeout(Duration value) {
        return new WireSettings(maxLineLength, replayWindow, replayCacheLimit, idleTimeout, value, requestTimeout);
    }

    public WireSettings withRequestTimeout(Duration value) {
        return new WireSettings(maxLineLength, replayWindow, replayCacheLimit, idleTimeout, connectTimeout, value);
    }
}
