package net.linuxha.cli.clrunapp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.linuxha.cli.cluster.AppStatus;
import net.linuxha.cli.cluster.Applications;
import net.linuxha.cli.cluster.ClusterSession;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.cli.cluster.ToolLog;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.log.LogFiles;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.wire.WireException;

/**
 * Starts applications one after another, dependencies first (19.2): for each, where it runs now, where it should
 * start ({@link Placement}), clstartapp on that node, and the wait until the cluster daemon reports it STARTED
 * there. The node of each is chosen only when its turn comes, since the applications started before it change the
 * load. With {@code preview} the plan is printed and nothing is started.
 */
final class StartSequence {

    /** What the sequence needs besides the cluster: the options of this run. */
    record Settings(Optional<String> requestedNode, Optional<Duration> timeout, boolean preview,
                    Optional<String> resetApplication) {
    }

    private final ToolEnvironment env;
    private final ClusterSession session;
    private final String contact;
    private final AppConfigs configs;
    private final AppStarter starter;
    private final Settings settings;
    private final ToolLog log;

    StartSequence(ToolEnvironment env, ClusterSession session, String contact, AppConfigs configs,
                  AppStarter starter, Settings settings, ToolLog log) {
        this.env = env;
        this.session = session;
        this.contact = contact;
        this.configs = configs;
        this.starter = starter;
        this.settings = settings;
        this.log = log;
    }

    /** Starts {@code order} (dependencies first, {@code main} last). */
    void run(List<String> order, String main) {
        for (String application : order) {
            boolean isMain = application.equals(main);
            if (!isMain && alreadyThere(application, main)) {
                continue;
            }
            Placement.Choice choice = Placement.choose(application,
                    isMain ? settings.requestedNode() : Optional.empty(), facts());
            log.info("Application " + application + " will be started on node " + choice.node());
            Duration limit = configs.startLimit(application, settings.timeout());
            String command = String.join(" ", starter.argv(application, limit));
            if (settings.preview()) {
                log.info("Preview: " + application + " would be started (" + choice.reason() + ") using command:");
                log.info(command);
                continue;
            }
            log.info("Starting " + application + " using command:");
            log.info(command);
            start(application, choice.node(), limit, isMain ? "" : " Application " + main + " was not started.");
        }
        if (settings.preview()) {
            log.info("Preview only: no application was started.");
        }
    }

    /** For a dependency: true when it runs already (or finished starting while we waited). */
    private boolean alreadyThere(String application, String main) {
        AppStatus status = status(application);
        String where = status.node().map(n -> " on node " + n).orElse("");
        switch (status.state()) {
            case "STARTED" -> {
                log.info("Application " + application + " is already running" + where + ".");
                return true;
            }
            case "STARTING" -> {
                if (settings.preview()) {
                    log.info("Application " + application + " is starting" + where + ".");
                    return true;
                }
                log.info("Application " + application + " is starting" + where + "; waiting for it...");
                Duration limit = configs.startLimit(application, settings.timeout());
                if (!env.poller().until(limit, () -> startedAnywhere(application))) {
                    throw ToolException.failure("Application " + application + " did not reach STARTED within "
                            + limit.toSeconds() + " seconds, so " + main + " was not started; check it with "
                            + "clstat -A " + application + ".");
                }
                log.info("Application " + application + " is now running.");
                return true;
            }
            case "DOWN" -> {
                return false;
            }
            default -> throw ToolException.failure("Application " + application + ", which " + main
                    + " depends on, is " + status.state() + where + "; wait until it is DOWN (clstat -A "
                    + application + ") and run clrunapp again.");
        }
    }

    private void start(String application, String node, Duration limit, String consequence) {
        Instant begun = env.clock().instant();
        CommandResult result = starter.run(node, application, limit);
        if (!result.succeeded()) {
            throw ToolException.failure("Application " + application + " failed to start on node " + node
                    + ": clstartapp " + AppStarter.failure(result) + "\nSee "
                    + new LogFiles(env.paths()).clstart(application) + " on " + node + "." + consequence);
        }
        if (!env.poller().until(limit, () -> startedOn(application, node))) {
            throw ToolException.failure("clstartapp finished, but the cluster daemon did not report application "
                    + application + " STARTED on node " + node + " within " + limit.toSeconds() + " seconds; check "
                    + "it with clstat -A " + application + "." + consequence);
        }
        long seconds = Duration.between(begun, env.clock().instant()).toSeconds();
        log.info("Application " + application + " started after " + seconds + " seconds.");
    }

    private Placement.Facts facts() {
        // A previewed --reset was not sent: plan as if it had been.
        return new ClusterFacts(session, contact, configs::preferredNode, settings.resetApplication(), log);
    }

    private AppStatus status(String application) {
        try {
            return new Applications(session, contact).status(application).orElseThrow(() ->
                    ToolException.failure("Application " + application + " is no longer registered with the "
                            + "cluster daemon on " + contact + "; check it with clstat."));
        } catch (WireException e) {
            throw ClusterFacts.unreachable(contact, e);
        }
    }

    private boolean startedOn(String application, String node) {
        Optional<AppStatus> status = quietStatus(application);
        return status.isPresent() && status.get().isStarted() && status.get().runsOn(node);
    }

    private boolean startedAnywhere(String application) {
        return quietStatus(application).map(AppStatus::isStarted).orElse(false);
    }

    private Optional<AppStatus> quietStatus(String application) {
        try {
            return new Applications(session, contact).status(application);
        } catch (WireException | ToolException e) {
            // Asked again at the next poll; a daemon that stays silent ends the wait at its limit.
            return Optional.empty();
        }
    }
}
