package net.linuxha.cluster.daemon;

import static net.linuxha.cluster.daemon.DaemonLog.LOG;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import net.linuxha.cluster.app.RegisteredApplication;
import net.linuxha.cluster.state.ApplicationState;
import net.linuxha.common.shell.CommandResult;

/**
 * Keeps one Lems running for every application STARTED on this node (5.7: "the main cluster daemon actually scans
 * for a running daemon when an application is live, and if not found will start one"; 21.2.5): every
 * {@link #PERIOD} and on STARTED_APP it connects to the Lems port of the application's lems.local.xml (at most
 * {@link #PROBE_TIMEOUT}) and, when nothing answers, runs {@code $linuxha.home/bin/lems -A X --detach} through the
 * shell layer, at most {@link LemsRestarts#MAX} times in {@link LemsRestarts#WINDOW}. The registry's monitor field
 * (APP_STATUS, clstat's Monitor column) follows what was found.
 *
 * <p>Decisions run on the state thread; probes and starts on the I/O executor, one check per application at a time.
 */
final class LemsSupervisor {

    static final Duration PERIOD = Duration.ofSeconds(5);
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

    private final DaemonView d;
    private final Siblings siblings;
    private final LemsRestarts restarts = new LemsRestarts();
    private final Set<String> checking = new HashSet<>();
    private final Set<String> givenUp = new HashSet<>();

    LemsSupervisor(DaemonView view, Siblings siblings) {
        this.d = view;
        this.siblings = siblings;
    }

    /** Checks (and if need be starts) the Lems of {@code application}; updates its monitor field. State thread. */
    void ensureRunning(String application) {
        if (!checking.add(application)) {
            return;
        }
        d.executors().io(() -> d.catalog().lemsPort(application).map(port -> answers(port) ? 0 : port))
                .whenComplete((probe, error) -> d.executors().onState(() -> {
                    if (error != null || probe.isEmpty() || probe.get() == 0) {
                        finish(application, error == null && probe.isPresent());
                    } else {
                        restart(application, probe.get());
                    }
                }));
    }

    /**
     * Whether this node's daemon keeps the Lems of {@code app} running: only once it is STARTED here. While it is
     * STARTING, clstartapp brings its Lems up as its last step; a Lems started earlier would see the service
     * addresses missing and its link_module would add them itself, so clstartapp's in-use check (11.2) would find
     * them answering and refuse the start.
     */
    static boolean supervises(RegisteredApplication app, String localNode) {
        return app.state() == ApplicationState.STARTED && app.node().equals(Optional.of(localNode));
    }

    private void restart(String application, int port) {
        boolean here = d.registry().get(application).map(a -> supervises(a, d.localNode())).orElse(false);
        if (!here) {
            finish(application, false);
            return;
        }
        if (!restarts.allow(application, d.clock().instant())) {
            if (givenUp.add(application)) {
                LOG.error("Lems for application {} has been started {} times in {} minutes and is not running again "
                        + "- not starting it before {}; the application is not monitored. See the Lems log of {} "
                        + "and its lems.local.xml, then run: lems -A {} --detach", application, LemsRestarts.MAX,
                        LemsRestarts.WINDOW.toMinutes(), restarts.nextAllowed(application), application,
                        application);
            }
            finish(application, false);
            return;
        }
        givenUp.remove(application);
        d.executors().io(() -> start(application, port)).whenComplete((running, error) -> d.executors().onState(() ->
                finish(application, error == null && running)));
    }

    private void finish(String application, boolean running) {
        checking.remove(application);
        d.registry().get(application).ifPresent(app -> {
            if (app.monitor() != running) {
                d.registry().put(app.withMonitor(running));
            }
        });
    }

    /** Blocking: {@code bin/lems -A X --detach} (returns once it listens), then one probe. */
    private boolean start(String application, int port) {
        if (!siblings.present("lems", "net.linuxha.lems.LemsMain")) {
            LOG.warn("Lems for application {} is not running and cannot be started: the lems daemon "
                    + "(net.linuxha.lems.LemsMain) is not part of this build - the application is not monitored",
                    application);
            return false;
        }
        LOG.warn("Lems for application {} is not running (nothing answers on port {}) - starting it", application,
                port);
        CommandResult result = siblings.run("lems", "-A", application, "--detach");
        if (!result.succeeded()) {
            LOG.error("Could not start Lems for application {}: {}", application, result.describeFailure());
            return false;
        }
        boolean up = answers(port);
        if (up) {
            LOG.info("Lems for application {} started and answers on port {}", application, port);
        }
        return up;
    }

    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
