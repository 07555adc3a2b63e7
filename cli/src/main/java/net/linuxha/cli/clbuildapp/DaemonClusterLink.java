package net.linuxha.cli.clbuildapp;

import java.util.Objects;
import java.util.Optional;

import net.linuxha.cli.cluster.AppStatus;
import net.linuxha.cli.cluster.Applications;
import net.linuxha.cli.cluster.ClusterSession;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireException;

/** {@link ClusterLink} over the cluster daemons' wire protocol (25.4: ECHO, APP_STATUS, REG_APP). */
final class DaemonClusterLink implements ClusterLink {

    private final ClusterSession session;

    DaemonClusterLink(ClusterSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public Optional<String> answeringNode() {
        return session.answeringNode();
    }

    @Override
    public Optional<AppStatus> status(String node, String application) {
        try {
            return new Applications(session, node).status(application);
        } catch (WireException e) {
            throw new BuildStepException("cannot ask the cluster daemon on " + node + " for the status of "
                    + application + ": " + e.getMessage() + "; check the daemon (clstat) and run clbuildapp again", e);
        }
    }

    @Override
    public String register(String node, String application) {
        try {
            Reply reply = session.ask(node, new ClusterRequest.RegApp(application, true));
            if (reply.isError()) {
                throw new BuildStepException("the cluster daemon on " + node + " refused REG_APP app="
                        + application + ": " + reply.text() + "; see its log, then run clbuildapp --build --force "
                        + "again (or restart the cluster) to register the application");
            }
            return reply.text();
        } catch (WireException e) {
            throw new BuildStepException("cannot register " + application + " with the cluster daemon on " + node
                    + ": " + e.getMessage() + "; run clbuildapp --build --force again once the daemon answers", e);
        }
    }
}
