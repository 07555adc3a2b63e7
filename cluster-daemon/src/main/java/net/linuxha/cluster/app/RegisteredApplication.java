package net.linuxha.cluster.app;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.cluster.failover.ValidNodes;
import net.linuxha.cluster.state.ApplicationState;
import net.linuxha.common.config.ApplicationConfig;

/**
 * One application registered with the cluster daemon (25.3): its validated configuration and build checksum, and
 * what the daemon knows of it now. Immutable; the registry replaces it on every change.
 *
 * @param node      the node it is on while not DOWN
 * @param startTime when it was started (STARTED), as the node running it recorded it
 * @param monitor   whether its Lems answers (APP_STATUS monitor field)
 */
public record RegisteredApplication(String name, ApplicationConfig config, String checksum, ApplicationState state,
        Optional<String> node, Optional<Instant> startTime, ValidNodes validNodes, boolean monitor) {

    public RegisteredApplication {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(validNodes, "validNodes");
    }

    public static RegisteredApplication down(ApplicationConfig config, String checksum, ValidNodes validNodes) {
        return new RegisteredApplication(config.name(), config, checksum, ApplicationState.DOWN, Optional.empty(),
                Optional.empty(), validNodes, false);
    }

    /** Whether it is STARTING or STARTED on {@code n}. */
    public boolean runsOn(String n) {
        return (state == ApplicationState.STARTING || state == ApplicationState.STARTED) && node.equals(Optional.of(n));
    }

    /**
     * Whether it is STARTED on {@code n}: its start script has run and clstartapp reported STARTED_APP. Only then
     * is it monitored (22.4.1: Lems is started after the application), so that no monitor acts on addresses or
     * file systems that clstartapp is still bringing up.
     */
    public boolean startedOn(String n) {
        return state == ApplicationState.STARTED && node.equals(Optional.of(n));
    }

    /** Whether it is active (not DOWN) on {@code n}. */
    public boolean isOn(String n) {
        return state.isActive() && node.equals(Optional.of(n));
    }

    /**
     * The application in {@code next} on {@code where}. A move the lifecycle table forbids (e.g. STOPPING to
     * STARTED) is taken anyway when it is reported by a tool or the peer: they saw it happen, the table only
     * describes the normal course; DOWN clears the node and start time.
     */
    public RegisteredApplication in(ApplicationState next, Optional<String> where, Optional<Instant> started) {
        if (next == ApplicationState.DOWN) {
            return new RegisteredApplication(name, config, checksum, next, Optional.empty(), Optional.empty(),
                    validNodes, false);
        }
        return new RegisteredApplication(name, config, checksum, next, where.or(() -> node), started.or(() ->
                startTime), validNodes, monitor);
    }

    public RegisteredApplication withValidNodes(ValidNodes nodes) {
        return new RegisteredApplication(name, config, checksum, state, node, startTime, nodes, monitor);
    }

    public RegisteredApplication withMonitor(boolean running) {
        return new RegisteredApplication(name, config, checksum, state, node, startTime, validNodes, running);
    }
}
