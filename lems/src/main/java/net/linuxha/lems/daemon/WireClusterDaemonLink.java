package net.linuxha.lems.daemon;

import java.io.IOException;
import java.util.Objects;

import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.lems.action.ClusterDaemonLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lems' requests to the local cldaemon over the wire protocol (Reference 24.3): ABORT/FAILOVER sends
 * {@code FAILOVER app=X}, HALTAPP/STOPAPP sends {@code STOP_APP app=X}. An answer other than OK is an error.
 */
public final class WireClusterDaemonLink implements ClusterDaemonLink {

    private static final Logger LOG = LoggerFactory.getLogger(WireClusterDaemonLink.class);

    private final WireClient client;

    /** @param client a client for the cluster daemon of this node ({@code ClusterSetup.localAddress(port)}) */
    public WireClusterDaemonLink(WireClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void requestFailover(String application) throws IOException {
        expectOk(new ClusterRequest.Failover(application));
    }

    @Override
    public void requestHalt(String application) throws IOException {
        expectOk(new ClusterRequest.StopApp(application));
    }

    private void expectOk(ClusterRequest request) throws IOException {
        Reply reply = client.send(request);
        LOG.info("Sent {} to the local cluster daemon: {}", request.format(), reply.text());
        if (!reply.isOk()) {
            throw new IOException("the local cluster daemon answered \"" + reply.text() + "\" to " + request.format());
        }
    }
}
