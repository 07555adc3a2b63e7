package net.linuxha.cli.clstat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import net.linuxha.common.wire.LemsRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireServer;

/**
 * The test plays an application's Lems: a real {@link WireServer} on 127.0.0.1 with the cluster key and the Lems
 * vocabulary (24.5), answering GET_VSTAT with the text the test sets and recording every request.
 */
final class FakeLems implements AutoCloseable {

    private final WireServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String vstat = "";

    private FakeLems(WireContext wire) throws IOException {
        server = WireServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), wire,
                LemsRequest.VOCABULARY, (request, peer) -> {
                    requests.add(request.format());
                    return CompletableFuture.completedFuture(request instanceof LemsRequest.GetVstat
                            ? Reply.of(vstat) : Reply.of("FAIL not played"));
                });
    }

    static FakeLems start(WireContext wire) throws IOException {
        return new FakeLems(wire);
    }

    FakeLems vstat(String answer) {
        this.vstat = answer;
        return this;
    }

    InetSocketAddress address() {
        return server.localAddress();
    }

    List<String> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() {
        server.close();
    }
}
