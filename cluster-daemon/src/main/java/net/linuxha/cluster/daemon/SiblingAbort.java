package net.linuxha.cluster.daemon;

import static net.linuxha.cluster.daemon.DaemonLog.LOG;

import java.util.OptionalInt;

import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.wire.ControlRequest;
import net.linuxha.common.wire.Request;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireException;

/** Sends ABORT to the node's lock and network daemons (the halt-node reset). */
final class SiblingAbort {

    private SiblingAbort() {
    }

    static void abortAll(ClusterConfig config, WireContext wire) {
        abort("lock daemon", config.clPort(), new ControlRequest.Abort(), wire);
        abort("network daemon", config.clnetdPort(), new ControlRequest.Abort(), wire);
    }

    private static void abort(String daemon, OptionalInt port, Request abort, WireContext wire) {
        if (port.isEmpty()) {
            return;
        }
        try {
            new WireClient(ClusterSetup.localAddress(port.getAsInt()), daemon, wire).send(abort);
            LOG.warn("halt-node: {} aborted", daemon);
        } catch (WireException e) {
            LOG.info("halt-node: {} not aborted: {}", daemon, e.getMessage());
        }
    }
}
