package net.linuxha.cluster.daemon;

import java.util.List;

import net.linuxha.cluster.app.RegisteredApplication;
import net.linuxha.common.config.PreferredNode;

/**
 * PNODE (25.4, 19): the node an application should start on. A named preferred node wins if it is valid and in the
 * cluster; least_app_load takes the node running fewer applications; otherwise (no preference, least_cpu_load
 * without the peer's load) the first valid node in the cluster in clconf.xml order.
 */
final class PreferredNodes {

    private PreferredNodes() {
    }

    static String choose(RegisteredApplication app, DaemonView d) {
        List<String> usable = app.validNodes().nodes().stream()
                .filter(n -> n.equals(d.localNode()) || d.membership().peerUp()).toList();
        if (usable.isEmpty()) {
            return d.localNode();
        }
        PreferredNode preferred = app.config().preferredNode().orElse(null);
        if (preferred != null && preferred.policy() == PreferredNode.Policy.NODE
                && usable.contains(preferred.node().orElseThrow())) {
            return preferred.node().orElseThrow();
        }
        if (preferred != null && preferred.policy() == PreferredNode.Policy.LEAST_APP_LOAD) {
            return usable.stream().min((a, b) -> Integer.compare(d.registry().runningOn(a).size(),
                    d.registry().runningOn(b).size())).orElseThrow();
        }
        return usable.get(0);
    }
}
