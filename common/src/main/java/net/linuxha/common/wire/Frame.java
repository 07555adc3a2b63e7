package net.linuxha.common.wire;

import java.util.Objects;

/**
 * One decrypted and verified frame.
 *
 * @param timestampMillis sender's clock when the frame was made (ms since the epoch)
 * @param nonce           random per request; an answer carries the nonce of the request it answers
 * @param body            the request text ({@code REQUEST arg=val ...}) or the answer text
 */
public record Frame(FrameKind kind, long timestampMillis, long nonce, String body) {

    public Frame {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
    }
}
