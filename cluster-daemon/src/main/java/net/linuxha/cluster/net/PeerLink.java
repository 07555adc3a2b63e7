package net.linuxha.cluster.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.common.wire.DaemonUnreachableException;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.Request;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;

/**
 * Sends requests to the peer's cluster daemon, over a chosen network (heartbeats, formation) or over whichever
 * network answers first (forwarded requests, application state updates). Blocking: call from the daemon's I/O
 * executor, never from its state thread or a Netty event loop.
 */
public final class PeerLink {

    private final String peerNode;
    private final int port;
    private final PeerAddresses addresses;
    private final WireContext quick;
    private final WireContext patient;
    private volatile String preferredNetwork;

    /**
     * @param context the cluster's wire context; heartbeats use it with short time-outs (connect 1 s, answer 2 s),
     *                other requests with connect 2 s and answer 20 s
     */
    public PeerLink(String peerNode, int port, PeerAddresses addresses, WireContext context) {
        this.peerNode = Objects.requireNonNull(peerNode, "peerNode");
        this.port = port;
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.quick = context.withSettings(context.settings().withConnectTimeout(Duration.ofSeconds(1))
                .withRequestTimeout(Duration.ofSeconds(2)));
        this.patient = context.withSettings(context.settings().withConnectTimeout(Duration.ofSeconds(2))
                .withRequestTimeout(Duration.ofSeconds(20)));
    }

    public String peerNode() {
        return peerNode;
    }

    public PeerAddresses addresses() {
        return addresses;
    }

    /** The network to try first from now on (where heartbeats go). */
    public void prefer(String network) {
        preferredNetwork = network;
    }

    /** Sends over {@code network} with short time-outs. */
    public Reply sendOn(String network, Request request) throws IOException {
        String address = addresses.on(network).orElseThrow(() -> new IOException("Unable to contact "
                + daemonName() + ": no address of node " + peerNode + " is known on network " + network));
        return new WireClient(new InetSocketAddress(address, port), daemonName(), quick).send(request);
    }

    /** Sends over the preferred network, then every other known one, until one answers. */
    public Reply send(Request request) throws IOException {
        return send(request.format());
    }

    /** As {@link #send(Request)}, for request text (forwarded requests). */
    public Reply send(String requestText) throws IOException {
        List<String> order = new ArrayList<>();
        Optional.ofNullable(preferredNetwork).ifPresent(order::add);
        addresses.all().keySet().stream().filter(n -> !order.contains(n)).forEach(order::add);
        IOException last = new IOException("Unable to contact " + daemonName() + ": no address of node "
                + peerNode + " is known yet on any network");
        for (String network : order) {
            Optional<String> address = addresses.on(network);
            if (address.isEmpty()) {
                continue;
            }
            try {
                return new WireClient(new InetSocketAddress(address.get(), port), daemonName(), patient)
                        .send(requestText);
            } catch (DaemonUnreachableException e) {
                last = e;
            }
        }
        throw last;
    }

    private String daemonName() {
        return "cluster daemon on " + peerNode;
    }
}
