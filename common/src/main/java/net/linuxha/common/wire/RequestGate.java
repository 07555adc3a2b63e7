package net.linuxha.common.wire;

/**
 * Every check a server makes on an incoming line before it reads the request: framing, hex, decryption, digest,
 * kind, timestamp window and replay. One per connection (it holds a codec); the replay guard is shared.
 */
public final class RequestGate {

    private final FrameCodec codec;
    private final ReplayGuard replayGuard;

    public RequestGate(FrameCodec codec, ReplayGuard replayGuard) {
        this.codec = codec;
        this.replayGuard = replayGuard;
    }

    public FrameResult check(byte[] line, int offset, int length) {
        FrameResult result = codec.decode(line, offset, length);
        if (result instanceof FrameResult.Accepted accepted) {
            Frame frame = accepted.frame();
            if (frame.kind() != FrameKind.REQUEST) {
                return FrameResult.reject(RejectReason.WRONG_KIND, "got " + frame.kind());
            }
            FrameResult.Rejected replay = replayGuard.admit(frame);
            if (replay != null) {
                return replay;
            }
        }
        return result;
    }

    public FrameResult check(byte[] line) {
        return check(line, 0, line.length);
    }
}
