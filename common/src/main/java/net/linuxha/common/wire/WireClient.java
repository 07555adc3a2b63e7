package net.linuxha.common.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * Blocking client for the tools: one connection per request, send it, read one answer.
 *
 * <p>{@code daemon} names the daemon in errors the Reference's way: "local cluster daemon", "cluster daemon on
 * sl4s2", "lock daemon", "network daemon", "Lems daemon for apache". The answer must carry the request's nonce
 * (so an old answer cannot be passed off as this one); its timestamp is not checked, because the nonce already
 * proves it fresh and a tool asks the TIME of a node whose clock may be off.
 */
public final class WireClient {

    private final InetSocketAddress address;
    private final String daemon;
    private final WireContext context;
    private final FrameCodec codec;

    public WireClient(InetSocketAddress address, String daemon, WireContext context) {
        this.address = address;
        this.daemon = daemon;
        this.context = context;
        this.codec = context.newCodec();
    }

    public Reply send(Request request) throws WireException {
        return send(request.format());
    }

    /**
     * Sends request text as typed (cldaemonctl and lemsctl {@code --msg}); the daemon checks it against its
     * vocabulary and answers {@code ERROR ...} or {@code MISSING_ARG ...} if it is wrong.
     */
    public synchronized Reply send(String requestText) throws WireException {
        long nonce = codec.newNonce();
        byte[] line;
        try {
            line = codec.encode(FrameKind.REQUEST, nonce, requestText);
        } catch (IllegalArgumentException tooLong) {
            throw new DaemonNoReplyException(daemon, "request not sent: " + tooLong.getMessage(), tooLong);
        }
        WireSettings settings = context.settings();
        try (Socket socket = new Socket()) {
            try {
                socket.connect(address, (int) settings.connectTimeout().toMillis());
            } catch (IOException e) {
                throw new DaemonUnreachableException(daemon, "cannot connect to " + address + ": " + e.getMessage()
                        + "; is it running, and is the port in clconf.xml right?", e);
            }
            socket.setTcpNoDelay(true);
            socket.getOutputStream().write(line);
            socket.getOutputStream().flush();
            byte[] answer = readLine(socket, System.nanoTime() + settings.requestTimeout().toNanos());
            return verify(answer, nonce);
        } catch (WireException e) {
            throw e;
        } catch (SocketTimeoutException e) {
            throw new DaemonNoReplyException(daemon, "no answer from " + address + " within "
                    + settings.requestTimeout().toMillis() + " ms; the daemon may be hung, see its log", e);
        } catch (IOException e) {
            throw new DaemonNoReplyException(daemon, "connection to " + address + " failed: " + e.getMessage(), e);
        }
    }

    private byte[] readLine(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        byte[] chunk = new byte[4096];
        int limit = context.settings().maxLineLength() + 2;
        while (true) {
            long remaining = (deadline - System.nanoTime()) / 1_000_000;
            if (remaining <= 0) {
                throw new SocketTimeoutException("request timeout");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
            int n = in.read(chunk);
            if (n < 0) {
                throw new DaemonNoReplyException(daemon, "the daemon at " + address + " closed the connection"
                        + " without answering: it refused the request; its log says why (a differing global.key or"
                        + " clocks out of step are the usual causes)", null);
            }
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    out.write(chunk, 0, i);
                    return stripCr(out.toByteArray());
                }
            }
            out.write(chunk, 0, n);
            if (out.size() > limit) {
                throw new DaemonNoReplyException(daemon, "answer from " + address + " longer than maxLineLength "
                        + context.settings().maxLineLength(), null);
            }
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
}
