package net.linuxha.common.wire;

import java.net.InetSocketAddress;

/**
 * Blocking client for the tools: one connection per request, send it, read one answer ({@link #connect()} for a
 * connection that stays open).
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

    public WireClient(InetSocketAddress address, String daemon, WireContext context) {
        this.address = address;
        this.daemon = daemon;
        this.context = context;
    }

    public Reply send(Request request) throws WireException {
        return send(request.format());
    }

    /**
     * Sends request text as typed (cldaemonctl and lemsctl {@code --msg}); the daemon checks it against its
     * vocabulary and answers {@code ERROR ...} or {@code MISSING_ARG ...} if it is wrong.
     */
    public Reply send(String requestText) throws WireException {
        try (WireConnection connection = connect()) {
            return connection.send(requestText);
        }
    }

    /** A connection kept open for several requests, or for as long as the daemon should know this tool is alive. */
    public WireConnection connect() throws DaemonUnreachableException {
        return WireConnection.open(address, daemon, context);
    }
}
