package net.linuxha.common.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * One open connection to a daemon over which a tool sends requests one at a time, each answered before the next.
 * {@link WireClient} opens one per request; a lock holder keeps one open for as long as it holds its lock, since the
 * lock daemon releases a holder's locks when its connection drops (a tool that dies loses its locks).
 *
 * <p>Not for concurrent use beyond what {@code synchronized} gives: requests queue on the connection.
 */
public final class WireConnection implements AutoCloseable {

    private final InetSocketAddress address;
    private final String daemon;
    private final WireContext context;
    private final FrameCodec codec;
    private final Socket socket;
    /** Bytes read past the last answer's line feed. */
    private final ByteArrayOutputStream carry = new ByteArrayOutputStream(256);

    private WireConnection(InetSocketAddress address, String daemon, WireContext context, Socket socket) {
        this.address = address;
        this.daemon = daemon;
        this.context = context;
        this.codec = context.newCodec();
        this.socket = socket;
    }

    /**
     * Connects to the daemon at {@code address}; {@code daemon} names it in errors the Reference's way.
     *
     * @throws DaemonUnreachableException ("Unable to contact lock daemon.") when nothing accepts the connection
     */
    public static WireConnection open(InetSocketAddress address, String daemon, WireContext context)
            throws DaemonUnreachableException {
        Socket socket = new Socket();
        try {
            socket.connect(address, (int) context.settings().connectTimeout().toMillis());
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new DaemonUnreachableException(daemon, "cannot connect to " + address + ": " + e.getMessage()
                    + "; is it running, and is the port in clconf.xml right?", e);
        }
        return new WireConnection(address, daemon, context, socket);
    }

    public Reply send(Request request) throws WireException {
        return send(request.format());
    }

    /** Sends request text as typed; waits for the answer up to the settings' request timeout. */
    public Reply send(String requestText) throws WireException {
        return send(requestText, context.settings().requestTimeout());
    }

    /** Sends a request whose answer may take longer than usual (a LOCK that waits), up to {@code answerTimeout}. */
    public Reply send(Request request, Duration answerTimeout) throws WireException {
        return send(request.format(), answerTimeout);
    }

    public synchronized Reply send(String requestText, Duration answerTimeout) throws WireException {
        long nonce = codec.newNonce();
        byte[] line;
        try {
            line = codec.encode(FrameKind.REQUEST, nonce, requestText);
        } catch (IllegalArgumentException tooLong) {
            throw new DaemonNoReplyException(daemon, "request not sent: " + tooLong.getMessage(), tooLong);
        }
        try {
            socket.getOutputStream().write(line);
            socket.getOutputStream().flush();
            byte[] answer = readLine(System.nanoTime() + answerTimeout.toNanos());
            return verify(answer, nonce);
        } catch (WireException e) {
            throw e;
        } catch (SocketTimeoutException e) {
            throw new DaemonNoReplyException(daemon, "no answer from " + address + " within "
                    + answerTimeout.toMillis() + " ms; the daemon may be hung, see its log", e);
        } catch (IOException e) {
            throw new DaemonNoReplyException(daemon, "connection to " + address + " failed: " + e.getMessage(), e);
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    /** False once closed by either side as far as this end knows (a dropped peer shows at the next send). */
    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private byte[] readLine(long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[4096];
        int limit = context.settings().maxLineLength() + 2;
        while (true) {
            byte[] buffered = carry.toByteArray();
            for (int i = 0; i < buffered.length; i++) {
                if (buffered[i] == '\n') {
                    // Keep what follows the line feed: the connection is reused, it belongs to the next answer.
                    carry.reset();
                    carry.write(buffered, i + 1, buffered.length - i - 1);
                    return stripCr(Arrays.copyOf(buffered, i));
                }
            }
            if (buffered.length > limit) {
                throw new DaemonNoReplyException(daemon, "answer from " + address + " longer than maxLineLength "
                        + context.settings().maxLineLength(), null);
            }
            long remaining = (deadline - System.nanoTime()) / 1_000_000;
            if (remaining <= 0) {
                throw new SocketTimeoutException("request timeout");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
            int n = in.read(chunk);
            if (n < 0) {
                throw new DaemonNoReplyException(daemon, "the daemon at " + address + " closed the connection"
                        + " without answering: it refused the request, or stopped; its log says why (a differing"
                        + " global.key or clocks out of step are the usual causes of a refusal)", null);
            }
            carry.write(chunk, 0, n);
        }
    }

    private static byte[] stripCr(byte[] line) {
        if (line.length > 0 && line[line.length - 1] == '\r') {
            return Arrays.copyOf(line, line.length - 1);
        }
        return line;
    }

    private Reply verify(byte[] line, long nonce) throws DaemonNoReplyException {
        FrameResult result = codec.decode(line);
        if (result instanceof FrameResult.Rejected rejected) {
            throw new DaemonNoReplyException(daemon, "answer from " + address + " refused: " + rejected.describe(),
                    null);
        }
        Frame frame = ((FrameResult.Accepted) result).frame();
        if (frame.kind() != FrameKind.ANSWER) {
            throw new DaemonNoReplyException(daemon, "answer from " + address + " refused: "
                    + RejectReason.WRONG_KIND.explanation(), null);
        }
        if (frame.nonce() != nonce) {
            throw new DaemonNoReplyException(daemon, "answer from " + address + " refused: "
                    + RejectReason.WRONG_NONCE.explanation(), null);
        }
        return Reply.of(frame.body());
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing to do about a close that fails; the socket is gone either way.
        }
    }
}
