package net.linuxha.cli.app;

import java.util.Objects;
import java.util.Optional;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.DaemonUnreachableException;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * clstartapp's and clhaltapp's conversation with the local cluster daemon (Reference 11.1, 11.2, 25.4):
 * STARTING_APP registers the start, STARTED_APP / STOPPING_APP / STOPPED_APP report the state changes. A daemon
 * that cannot be reached is a fact for the caller to act on (11.2), never an exception.
 */
public final class ClusterDaemonLink {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterDaemonLink.class);

    private final WireClient daemon;
    private boolean reachable = true;

    public ClusterDaemonLink(WireClient daemon) {
        this.daemon = Objects.requireNonNull(daemon, "daemon");
    }

    /** What STARTING_APP got. */
    public sealed interface Registration {
        /** OK: the daemon now shows the application STARTING here. */
        record Registered() implements Registration {
        }

        /** The daemon could not be reached or did not answer. */
        record Unreachable(String why) implements Registration {
        }

        /** The daemon refused: ALREADY_STARTED, ALREADY_STARTING, NOT_REGISTERED, INVALID_NODE or an error. */
        record Refused(String code, String text) implements Registration {
        }
    }

    public Registration registerStarting(String application, String node) {
        LOG.info("Attempting to register application {} as starting...", application);
        try {
            Reply reply = daemon.send(new ClusterRequest.StartingApp(application, node));
            if (reply.isOk()) {
                LOG.info("Application registered successfully as starting.");
                return new Registration.Registered();
            }
            return new Registration.Refused(reply.code(), reply.text());
        } catch (WireException e) {
            reachable = false;
            return new Registration.Unreachable(e.getMessage());
        }
    }

    /** The daemon's answer to APP_STATUS (first field the state, second the node), or empty if it has none. */
    public Optional<String[]> status(String application) {
        try {
            Reply reply = daemon.send(new ClusterRequest.AppStatus(application, false, false, false));
            if (reply.isError() || reply.text().isBlank() || reply.code().equals("NOT_REGISTERED")) {
                return Optional.empty();
            }
            return Optional.of(reply.lines().get(0).split(",", -1));
        } catch (WireException e) {
            reachable = false;
            return Optional.empty();
        }
    }

    public void started(String application) {
        report(new ClusterRequest.StartedApp(application), "started");
    }

    public void stopping(String application) {
        report(new ClusterRequest.StoppingApp(application), "stopping");
    }

    public void stopped(String application) {
        report(new ClusterRequest.StoppedApp(application), "stopped");
    }

    /** False once a request found the daemon unreachable; later reports are then skipped. */
    public boolean reachable() {
        return reachable;
    }

    private void report(ClusterRequest request, String state) {
        if (!reachable) {
            return;
        }
        try {
            Reply reply = daemon.send(request);
            if (reply.isOk()) {
                LOG.info("Cluster daemon told the application is {}.", state);
            } else {
                LOG.warn("Cluster daemon answered {} to {}: the application is {} here all the same", reply.text(),
                        request.keyword(), state);
            }
        } catch (DaemonUnreachableException e) {
            reachable = false;
            LOG.warn("Unable to tell the local cluster daemon the application is {} ({}).", state, e.detail());
        } catch (WireException e) {
            LOG.warn("Unable to tell the local cluster daemon the application is {} ({}).", state, e.getMessage());
        }
    }
}
