package net.linuxha.cluster.daemon;

import static net.linuxha.cluster.daemon.DaemonLog.LOG;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import net.linuxha.cluster.app.ApplicationActions;
import net.linuxha.cluster.app.RegisteredApplication;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandRunner;

/**
 * The TOC of 21.6 and 25.4: this node resets at once, without shutdown or disk sync, to end split-brain.
 *
 * <p>What "reset" does is chosen by the system property {@code linuxha.toc.action} or the environment variable
 * {@code LINUXHA_TOC_ACTION} (the property wins):
 * <ul>
 * <li>{@code reboot} (the default, production): {@code echo b > /proc/sysrq-trigger} through the shell layer, the
 * kernel's immediate reset;</li>
 * <li>{@code halt-node} (the lab, where the nodes share the host's kernel and a sysrq reset would reset the host):
 * stop this node's applications through {@link ApplicationActions} (bounded wait), then end the cluster daemon; the
 * peer sees the node leave.</li>
 * </ul>
 */
final class NodeReset {

    enum Mode { REBOOT, HALT_NODE }

    static final String PROPERTY = "linuxha.toc.action";
    static final String ENVIRONMENT = "LINUXHA_TOC_ACTION";
    private static final Duration STOP_LIMIT = Duration.ofMinutes(2);

    private final Mode mode;
    private final CommandRunner runner;
    private final DaemonView d;
    private final Runnable exitDaemon;

    NodeReset(Mode mode, CommandRunner runner, DaemonView view, Runnable exitDaemon) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.runner = runner;
        this.d = view;
        this.exitDaemon = exitDaemon;
    }

    /** The mode the property or environment asks for; an unknown word is refused with the choices. */
    static Mode configured() {
        String text = System.getProperty(PROPERTY);
        if (text == null || text.isBlank()) {
            text = System.getenv(ENVIRONMENT);
        }
        if (text == null || text.isBlank()) {
            return Mode.REBOOT;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "reboot" -> Mode.REBOOT;
            case "halt-node" -> Mode.HALT_NODE;
            default -> throw new IllegalArgumentException(ENVIRONMENT + " (or -D" + PROPERTY + ") is '" + text
                    + "'; use reboot (production) or halt-node (lab)");
        };
    }

    Mode mode() {
        return mode;
    }

    /** Resets this node now (called on the state thread). */
    void reset(String why) {
        LOG.error("Resetting node {} immediately ({}) - reset action {}", d.localNode(), why,
                mode.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (mode == Mode.REBOOT) {
            d.executors().io(() -> runner.run(Command.shell("echo b > /proc/sysrq-trigger")
                    .withTimeout(Duration.ofSeconds(10)))).whenComplete((r, e) -> LOG.error("The sysrq reset "
                    + "returned ({}) - the node did not reset; halting the cluster daemon instead",
                    e == null ? r.describeFailure() : e.toString()));
            d.executors().after(Duration.ofSeconds(5), exitDaemon);
            return;
        }
        List<RegisteredApplication> here = d.registry().runningOn(d.localNode());
        d.executors().io(() -> {
            for (RegisteredApplication app : here) {
                LOG.warn("halt-node: stopping application {}", app.name());
                ApplicationActions.Launched stop = d.actions().stop(app.name());
                try {
                    ApplicationActions.ActionResult result = stop.outcome().toCompletableFuture()
                            .get(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
                    LOG.warn("halt-node: application {}: {}", app.name(), result.detail());
                } catch (Exception e) {
                    LOG.error("halt-node: application {} did not stop: {}", app.name(), e.toString());
                }
            }
            return CompletableFuture.completedFuture(null);
        }).whenComplete((r, e) -> d.executors().onState(exitDaemon));
    }
}
