package net.linuxha.cluster.failover;

import java.util.List;
import java.util.Objects;

import net.linuxha.cluster.state.ApplicationState;

/**
 * One registered application, as the surviving node sees it when its peer is declared dead.
 *
 * @param application  its name
 * @param node         the node it was on, or null when DOWN
 * @param state        its state as last known
 * @param takeover     appconf.xml takeover setting
 * @param localData    whether the surviving node's copy of its data is current
 * @param validNodes   the nodes it may run on
 * @param dependencies applications that should ideally be started before it (appconf.xml dependencies)
 */
public record TakeoverCandidate(String application, String node, ApplicationState state, Takeover takeover,
        LocalData localData, ValidNodes validNodes, List<String> dependencies) {

    public TakeoverCandidate {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(takeover, "takeover");
        Objects.requireNonNull(localData, "localData");
        Objects.requireNonNull(validNodes, "validNodes");
        dependencies = List.copyOf(dependencies);
    }
}
