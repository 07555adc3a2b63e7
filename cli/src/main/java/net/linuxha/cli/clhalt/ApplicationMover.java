package net.linuxha.cli.clhalt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import net.linuxha.cli.cluster.AppStatus;
import net.linuxha.cli.cluster.Applications;
import net.linuxha.cli.cluster.ClusterSession;
import net.linuxha.cli.cluster.Poller;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireException;

/**
 * Stops an application on its node (STOP_APP, 25.4: "only work on the node that is currently running the
 * application") or starts it on a node (START_APP), and waits until the daemon reports the new state.
 */
final class ApplicationMover {

    private final ClusterSession session;
    private final Poller poller;
    private final Clock clock;
    private final Duration limit;

    ApplicationMover(ClusterSession session, Poller poller, Clock clock, Duration limit) {
        this.session = session;
        this.poller = poller;
        this.clock = clock;
        this.limit = limit;
    }

    /** Stops {@code app} on {@code node}; returns how long it took. */
    Duration stop(String app, String node) throws WireException {
        Instant start = clock.instant();
        Reply reply = session.ask(node, new ClusterRequest.StopApp(app));
        if (!reply.isOk() && !reply.code().equals("NOT_RUNNING")) {
            throw ToolException.failure("Unable to stop application \"" + app + "\" on " + node + ": the cluster "
                    + "daemon answered STOP_APP with \"" + reply.text() + "\"; see clhalt." + app
                    + ".log and the cluster daemon log there, or stop it with clhaltapp.");
        }
        if (!poller.until(limit, () -> state(app, node).map(s -> !s.isActive()).orElse(true))) {
            throw ToolException.failure("Application \"" + app + "\" on " + node + " did not stop within "
                    + limit.toSeconds() + " seconds (state " + describe(app, node) + "); check it with clstat -A "
                    + app + ".");
        }
        return Duration.between(start, clock.instant());
    }

    /** Starts {@code app} on {@code node}; returns how long it took, or throws with the daemon's answer. */
    Duration start(String app, String node) throws WireException {
        Instant start = clock.instant();
        Reply reply = session.ask(node, new ClusterRequest.StartApp(app));
        if (!reply.isOk()) {
            throw ToolException.failure("Application " + app + " was not started on " + node + ": the cluster "
                    + "daemon answered START_APP with \"" + reply.text() + "\"; start it with clstartapp.");
        }
        if (!poller.until(limit, () -> state(app, node).map(s -> s.isStarted() && s.runsOn(node)).orElse(false))) {
            throw ToolException.failure("Application " + app + " did not reach STARTED on " + node + " within "
                    + limit.toSeconds() + " seconds (state " + describe(app, node) + "); check it with clstat -A "
                    + app + ".");
        }
        return Duration.between(start, clock.instant());
    }

    private Optional<AppStatus> state(String app, String node) {
        try {
            return new Applications(session, node).status(app);
        } catch (WireException e) {
            return Optional.of(new AppStatus(app, "UNKNOWN", Optional.of(node), false, Optional.empty(), "",
                    Optional.empty()));
        }
    }

    private String describe(String app, String node) {
        return state(app, node).map(AppStatus::state).orElse("not registered");
    }
}
