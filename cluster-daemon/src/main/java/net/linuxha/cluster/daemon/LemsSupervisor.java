package net.linuxha.cluster.daemon;

import static net.linuxha.cluster.daemon.DaemonLog.LOG;

import java.util.Optional;

import net.linuxha.common.daemon.LocalPort;
import net.linuxha.common.shell.CommandResult;

/**
 * Keeps a Lems running for every application running on this node (25.2: STARTED_APP starts it; 21.2.5 and 21.5:
 * a Lems found dead is started again): probes its port from lems.local.xml and, when nothing answers, runs
 * {@code $linuxha.home/bin/lems --application X --detach}. The registry's monitor field follows what was found.
 */
final class LemsSupervisor {

    private final DaemonView d;
    private final Siblings siblings;

    LemsSupervisor(DaemonView view, Siblings siblings) {
        this.d = view;
        this.siblings = siblings;
    }

    /** Checks (and if need be starts) the Lems of {@code application}; updates its monitor field. */
    void ensureRunning(String application) {
        d.executors().io(() -> check(application)).whenComplete((running, error) -> d.executors().onState(() ->
                d.registry().get(application).ifPresent(app -> {
                    boolean now = error == null && running;
                    if (app.monitor() != now) {
                        d.registry().put(app.withMonitor(now));
                    }
                })));
    }

    private boolean check(String application) {
        Optional<Integer> port = d.catalog().lemsPort(application);
        if (port.isEmpty()) {
            return false;
        }
        if (LocalPort.accepts(port.get())) {
            return true;
        }
        if (!siblings.present("lems", "net.linuxha.lems.LemsMain")) {
            LOG.warn("Lems for application {} is not running and cannot be started: the lems daemon "
                    + "(net.linuxha.lems.LemsMain) is not part of this build - the application is not monitored",
                    application);
            return false;
        }
        LOG.info("Lems for application {} is not running - starting it", application);
        CommandResult result = siblings.run("lems", "--application", application, "--detach");
        if (!result.succeeded()) {
            LOG.error("Could not start Lems for application {}: {}", application, result.describeFailure());
            return false;
        }
        return LocalPort.accepts(port.get());
    }
}
