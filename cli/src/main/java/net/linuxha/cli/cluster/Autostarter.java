package net.linuxha.cli.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireException;

/**
 * Starts the applications whose autostart is set once the cluster has formed (10.4, 19.3): AUTOSTARTLIST, then each
 * application's DEPENDS_ON to start dependencies first, then for each not already running PNODE (its preferred
 * node) and START_APP to that node's daemon. The tool reports each daemon answer as it is; how the daemon starts
 * the application is its business.
 */
public final class Autostarter {

    private final ClusterSession session;
    private final String contact;
    private final ToolLog log;

    /** @param contact the node whose daemon is asked for the lists (it must be UP) */
    public Autostarter(ClusterSession session, String contact, ToolLog log) {
        this.session = session;
        this.contact = contact;
        this.log = log;
    }

    /** Requests every start; returns the applications that were not started (refused, or a dependency was). */
    public List<String> startAll() throws WireException {
        Reply list = session.ask(contact, new ClusterRequest.AutostartList());
        if (!list.isOk()) {
            log.error("The cluster daemon on " + contact + " answered AUTOSTARTLIST with \"" + list.text()
                    + "\"; no application was started automatically.");
            return List.of("AUTOSTARTLIST");
        }
        List<String> requested = items(list.detail());
        if (requested.isEmpty()) {
            log.info("No applications are configured to start automatically.");
            return List.of();
        }
        Map<String, List<String>> dependencies = new HashMap<>();
        collectDependencies(requested, dependencies);
        List<String> order;
        try {
            order = StartOrder.of(requested, dependencies);
        } catch (IllegalArgumentException cycle) {
            log.error("Unable to start applications automatically: " + cycle.getMessage());
            return requested;
        }
        log.info("Applications to start automatically (in order): " + String.join(", ", order));
        List<String> failed = new ArrayList<>();
        Set<String> skipped = new HashSet<>();
        for (String app : order) {
            if (skipped.contains(app)) {
                log.error("Application " + app + " not started: an application it depends on did not start.");
                failed.add(app);
                continue;
            }
            if (!start(app)) {
                failed.add(app);
                skipped.addAll(StartOrder.dependents(app, dependencies));
            }
        }
        return failed;
    }

    private void collectDependencies(List<String> apps, Map<String, List<String>> dependencies)
            throws WireException {
        List<String> pending = new ArrayList<>(apps);
        for (int i = 0; i < pending.size() && i < 1000; i++) {
            String app = pending.get(i);
            if (dependencies.containsKey(app)) {
                continue;
            }
            Reply reply = session.ask(contact, new ClusterRequest.DependsOn(app));
            List<String> deps = reply.isOk() ? items(reply.detail()) : List.of();
            if (!reply.isOk()) {
                log.warn("The cluster daemon on " + contact + " answered DEPENDS_ON app=" + app + " with \""
                        + reply.text() + "\"; starting it without dependencies.");
            }
            dependencies.put(app, deps);
            pending.addAll(deps);
        }
    }

    /** True when the application runs already or its start was accepted. */
    private boolean start(String app) throws WireException {
        Optional<AppStatus> status = new Applications(session, contact).status(app);
        if (status.isEmpty()) {
            log.error("Application " + app + " is not registered with the cluster daemon on " + contact
                    + "; run clbuildapp for it, then clstartapp.");
            return false;
        }
        if (status.get().isActive()) {
            log.info("Application " + app + " is already " + status.get().state()
                    + status.get().node().map(n -> " on " + n).orElse("") + ".");
            return true;
        }
        String node = preferredNode(app);
        log.info("Starting application " + app + " on " + node + "...");
        Reply reply = session.ask(node, new ClusterRequest.StartApp(app));
        if (reply.isOk()) {
            log.info("Cluster daemon on " + node + " accepted the start of application " + app + " (answer "
                    + reply.text() + ").");
            return true;
        }
        log.error("Application " + app + " was not started: the cluster daemon on " + node
                + " answered START_APP with \"" + reply.text() + "\".");
        return false;
    }

    private String preferredNode(String app) throws WireException {
        Reply reply = session.ask(contact, new ClusterRequest.Pnode(app));
        if (reply.isOk()) {
            Optional<String> node = session.node(reply.detail().strip());
            if (node.isPresent() && session.probe(node.get()).isUp()) {
                return node.get();
            }
        }
        return contact;
    }

    private static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
