package net.linuxha.cluster.daemon;

import static net.linuxha.cluster.daemon.DaemonLog.LOG;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import net.linuxha.cluster.app.ApplicationActions.Launched;
import net.linuxha.cluster.app.RegisteredApplication;
import net.linuxha.cluster.failover.ValidNodes;
import net.linuxha.cluster.state.ApplicationState;
import net.linuxha.common.app.ForceLevel;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;

/**
 * The application registry's life (25.3, 25.4, 21.5): registration when the cluster forms or a node joins, the
 * state reports of the tools and the peer, START_APP / STOP_APP / FAILOVER, REG_APP / DEREG_APP. Runs on the state
 * thread; file and peer I/O go to the I/O executor.
 */
final class Applications {

    private final DaemonView d;
    private final LemsSupervisor lems;
    /**
     * APP_UPDATEs that arrived before the application was registered here: both nodes register at the same time
     * when the cluster forms, so the peer's report of an application it runs may come first. Applied on
     * registration.
     */
    private final Map<String, ClusterRequest.AppUpdate> early = new HashMap<>();
    private CompletableFuture<Void> registered = new CompletableFuture<>();

    Applications(DaemonView view, LemsSupervisor lems) {
        this.d = view;
        this.lems = lems;
    }

    /** Registers every configured application (formation, join, restart). State thread. */
    void registerAll() {
        CompletableFuture<Void> done = registered.isDone() ? new CompletableFuture<>() : registered;
        registered = done;
        d.executors().io(d.catalog()::configured).whenComplete((names, error) -> {
            if (error != null) {
                LOG.error("Cannot list the applications in the configuration directory: {}",
                        DaemonExecutors.cause(error).getMessage());
                done.complete(null);
                return;
            }
            // One after the other, in name order, so the registry's order is the same on every run.
            CompletionStage<Reply> chain = CompletableFuture.completedFuture(Reply.ok());
            for (String name : names) {
                chain = chain.thenComposeAsync(previous -> register(name), d.executors().state());
            }
            chain.whenComplete((last, failure) -> done.complete(null));
        });
    }

    /**
     * Completes once the latest {@link #registerAll} has gone through every application. clform asks AUTOSTARTLIST
     * as soon as the daemons answer UP, which is before the registration that follows the formation has finished:
     * answered at once, the list was empty and nothing was started.
     */
    CompletionStage<Void> registered() {
        return registered;
    }

    /** REG_APP, and one step of registerAll: validate, compare with the peer, rediscover the state. */
    CompletionStage<Reply> register(String name) {
        boolean peerUp = d.membership().peerUp();
        return d.executors().io(() -> Registration.discover(d, name, peerUp)).thenApplyAsync(found -> {
            if (found.application().isEmpty()) {
                LOG.warn("{}", found.reason());
                return Reply.of(found.answer());
            }
            RegisteredApplication app = found.application().get();
            boolean known = d.registry().get(name).isPresent();
            ClusterRequest.AppUpdate before = early.remove(name);
            if (before != null && !app.isOn(d.localNode())) {
                app = applied(app, before);
            }
            d.registry().put(app);
            LOG.info("Application {} has been registered with the cluster daemons{}", name,
                    known ? " again" : "");
            if (app.isOn(d.localNode())) {
                LOG.info("Application {} appears to be running on this node - state {} (started {})", name,
                        app.state(), app.startTime().map(Instant::toString).orElse("at an unknown time"));
                tellPeer(update(app));
                lems.ensureRunning(name);
            }
            return Reply.ok();
        }, d.executors().state()).exceptionally(e -> Reply.error("registering " + name + " failed: "
                + DaemonExecutors.cause(e).getMessage()));
    }

    Reply deregister(String name) {
        if (!d.registry().remove(name)) {
            return Reply.of("NOT_REGISTERED");
        }
        LOG.info("Application {} has been de-registered", name);
        return Reply.ok();
    }

    /** STARTING_APP: OK, ALREADY_STARTING, ALREADY_STARTED, NOT_REGISTERED or INVALID_NODE. */
    Reply starting(String name, String node) {
        Optional<RegisteredApplication> found = d.registry().get(name);
        if (found.isEmpty()) {
            return Reply.of("NOT_REGISTERED");
        }
        RegisteredApplication app = found.get();
        if (app.state() == ApplicationState.STARTED) {
            return Reply.of("ALREADY_STARTED");
        }
        if (app.state() == ApplicationState.STARTING && !app.node().equals(Optional.of(node))) {
            return Reply.of("ALREADY_STARTING");
        }
        if (!app.validNodes().isValid(node)) {
            return Reply.of("INVALID_NODE");
        }
        change(app, ApplicationState.STARTING, node, Optional.empty());
        return Reply.ok();
    }

    /** STARTED_APP from clstartapp/clrunapp on this node. */
    Reply started(String name) {
        Optional<RegisteredApplication> found = d.registry().get(name);
        if (found.isEmpty()) {
            return Reply.of("NOT_REGISTERED");
        }
        change(found.get(), ApplicationState.STARTED, d.localNode(), Optional.of(d.clock().instant()));
        lems.ensureRunning(name);
        return Reply.ok();
    }

    /** STOPPING_APP / STOPPED_APP. */
    Reply stopping(String name, boolean done) {
        Optional<RegisteredApplication> found = d.registry().get(name);
        if (found.isEmpty()) {
            return Reply.of("NOT_REGISTERED");
        }
        RegisteredApplication app = found.get();
        String node = app.node().orElse(d.localNode());
        change(app, done ? ApplicationState.DOWN : ApplicationState.STOPPING, node, Optional.empty());
        return Reply.ok();
    }

    /** APP_UPDATE from the peer (or a tester): record what it says; probe=yes checks the service IPs here. */
    CompletionStage<Reply> update(ClusterRequest.AppUpdate u) {
        Optional<RegisteredApplication> found = d.registry().get(u.app());
        if (found.isEmpty()) {
            early.put(u.app(), u);
            return done(Reply.of("NOT_REGISTERED"));
        }
        if (u.probe()) {
            return register(u.app());
        }
        RegisteredApplication current = found.get();
        if (current.runsOn(d.localNode()) && !u.node().equals(Optional.of(d.localNode()))) {
            // The peer speaks of its own copy: after a partition both nodes may run the application (21.6). Taking
            // its word would hide the copy running here from the duplicate check, and both would go on running.
            if (ApplicationState.fromWire(u.state()).isActive()) {
                LOG.error("Node {} reports application {} {} there, but it is {} on this node - it runs on both "
                        + "nodes; the duplicate check resets the node that started it first (21.6)", d.peerNode(),
                        u.app(), u.state(), current.state());
            } else {
                LOG.warn("Node {} reports application {} {} there; it is {} on this node - keeping this node's "
                        + "record", d.peerNode(), u.app(), u.state(), current.state());
            }
            return done(Reply.ok());
        }
        RegisteredApplication app = applied(current, u);
        ApplicationState state = app.state();
        d.registry().put(app);
        LOG.info("Application {} is now {}{}", u.app(), state, app.node().map(n -> " on " + n).orElse(""));
        return done(Reply.ok());
    }

    private static RegisteredApplication applied(RegisteredApplication app, ClusterRequest.AppUpdate u) {
        Optional<Instant> started = u.startTime().flatMap(Applications::epoch);
        return app.in(ApplicationState.fromWire(u.state()), u.node(), started)
                .withMonitor(u.monitor().map("1"::equals).orElse(app.monitor()));
    }

    /** START_APP: start here with clstartapp. */
    Reply start(String name) {
        Optional<RegisteredApplication> found = d.registry().get(name);
        if (found.isEmpty()) {
            return Reply.of("NOT_REGISTERED");
        }
        RegisteredApplication app = found.get();
        if (app.state() == ApplicationState.STARTED) {
            return Reply.of("ALREADY_STARTED");
        }
        if (app.state().isActive()) {
            return Reply.of("ALREADY_STARTING");
        }
        if (!app.validNodes().isValid(d.localNode())) {
            return Reply.of("INVALID_NODE");
        }
        launchStart(app, ForceLevel.NONE);
        return Reply.ok();
    }

    /** Starts {@code app} here; the tool reports the states, a failure puts it back DOWN. */
    CompletionStage<Boolean> launchStart(RegisteredApplication app, ForceLevel force) {
        LOG.info("Starting application {} on {}{}", app.name(), d.localNode(),
                force == ForceLevel.NONE ? "" : " (" + force + ")");
        change(app, ApplicationState.STARTING, d.localNode(), Optional.empty());
        tellPeer(new ClusterRequest.StartingApp(app.name(), d.localNode()));
        Launched launched = d.actions().start(app.name(), force);
        return launched.outcome().thenApplyAsync(result -> {
            RegisteredApplication now = d.registry().get(app.name()).orElse(null);
            if (result.succeeded()) {
                LOG.info("Application {} started: {}", app.name(), result.detail());
                if (now != null && now.state() == ApplicationState.STARTING) {
                    change(now, ApplicationState.STARTED, d.localNode(), Optional.of(d.clock().instant()));
                }
                return true;
            }
            LOG.error("Application {} failed to start on {}: {}", app.name(), d.localNode(), result.detail());
            if (now != null && now.isOn(d.localNode()) && now.state() == ApplicationState.STARTING) {
                change(now, ApplicationState.DOWN, d.localNode(), Optional.empty());
            }
            return false;
        }, d.executors().state());
    }

    /** STOP_APP: only where it runs; answers OK with the pid of clhaltapp (17.5). */
    Reply stop(String name) {
        Optional<RegisteredApplication> found = d.registry().get(name);
        if (found.isEmpty()) {
            return Reply.of("NOT_REGISTERED");
        }
        if (!found.get().runsOn(d.localNode())) {
            return Reply.of("NOT_RUNNING");
        }
        Launched launched = launchStop(found.get());
        return launched.pid() > 0 ? Reply.ok(Long.toString(launched.pid())) : Reply.ok();
    }

    /** Stops {@code app} here; completes with whether it stopped. */
    Launched launchStop(RegisteredApplication app) {
        LOG.info("Stopping application {} on {}", app.name(), d.localNode());
        Launched launched = d.actions().stop(app.name());
        launched.outcome().thenAcceptAsync(result -> {
            RegisteredApplication now = d.registry().get(app.name()).orElse(null);
            if (result.succeeded()) {
                LOG.info("Application {} stopped: {}", app.name(), result.detail());
                if (now != null && now.isOn(d.localNode())) {
                    change(now, ApplicationState.DOWN, d.localNode(), Optional.empty());
                }
            } else {
                LOG.error("Application {} failed to stop on {}: {}", app.name(), d.localNode(), result.detail());
            }
        }, d.executors().state());
        return launched;
    }

    /**
     * FAILOVER (from Lems, a software fail-over: this node becomes invalid for the application, 17.2) or a network
     * failure (21.2.1, the node stays valid): stop here, then ask the peer to START_APP.
     */
    Reply failover(String name, boolean software) {
        Optional<RegisteredApplication> found = d.registry().get(name);
        if (found.isEmpty()) {
            return Reply.of("NOT_REGISTERED");
        }
        RegisteredApplication app = found.get();
        if (!app.runsOn(d.localNode())) {
            return Reply.of("NOT_RUNNING");
        }
        ValidNodes valid = software ? app.validNodes().afterSoftwareFailover(d.localNode()) : app.validNodes();
        d.registry().put(app.withValidNodes(valid));
        if (software) {
            LOG.warn("Software fail-over of application {}: {} is no longer a valid node for it (valid: {})", name,
                    d.localNode(), valid.joined(","));
            tellPeer(new ClusterRequest.SetValidNodes(name, valid.nodes(), false));
        }
        launchStop(app).outcome().thenAcceptAsync(result -> {
            Optional<String> target = valid.failoverTarget(d.localNode());
            if (!result.succeeded()) {
                LOG.error("Fail-over of application {} abandoned: it did not stop on {}", name, d.localNode());
            } else if (target.isEmpty() || !d.membership().peerUp()) {
                LOG.error("Application {} halted and not failed over: {}", name, target.isEmpty()
                        ? "no other valid node (reset with cldaemonctl --msg \"SETVALIDNODES app=" + name
                        + " forward=yes\")" : "node " + d.peerNode() + " is not in the cluster");
            } else {
                LOG.info("Asking node {} to start application {}", target.get(), name);
                d.executors().io(() -> d.peer().send(new ClusterRequest.StartApp(name))).whenComplete((r, e) ->
                        LOG.info("Node {} answered START_APP app={}: {}", target.get(), name, e == null ? r
                                : DaemonExecutors.cause(e).getMessage()));
            }
        }, d.executors().state());
        return Reply.ok();
    }

    /**
     * NETWORK_FAILED (21.2.1, 5.6): clnetd found no working card left for {@code network} on this node. Every
     * application running here with an address on that network is failed over (stopped here, started on the
     * other node; this node stays valid for it) when all three hold: the other node is UP in the cluster, it is a
     * valid node for the application, and its copy of the data is valid (no STALE flag of that node). Otherwise
     * the application stays here and the reason is logged. Other applications are left alone.
     */
    CompletionStage<Reply> networkFailed(String network) {
        List<RegisteredApplication> using = d.registry().runningOn(d.localNode()).stream()
                .filter(app -> app.config().networks().stream().anyMatch(n -> n.net().equals(network))).toList();
        if (using.isEmpty()) {
            LOG.error("Network {} has failed on this node (no working card left); no application running here "
                    + "uses it - the failure is logged and no other action takes place. Once it is repaired, run "
                    + "clnetdctl --msg REREAD on this node.", network);
            return done(Reply.ok());
        }
        LOG.error("Network {} has failed on this node (no working card left); applications using it: {}", network,
                using.stream().map(RegisteredApplication::name).toList());
        boolean peerUp = d.membership().peerUp();
        List<String> names = using.stream().map(RegisteredApplication::name).toList();
        return d.executors().io(() -> staleOnPeer(names)).handleAsync((stale, error) -> {
            for (RegisteredApplication app : using) {
                Optional<String> reason = !peerUp ? Optional.of("node " + d.peerNode() + " is not up in the cluster"
                        + " (state " + d.membership().peerState() + ")")
                        : !app.validNodes().isValid(d.peerNode()) ? Optional.of("node " + d.peerNode() + " is not a "
                        + "valid node for it (valid: " + app.validNodes().joined(",") + ")")
                        : error != null ? Optional.of("its STALE flags cannot be read: "
                        + DaemonExecutors.cause(error).getMessage())
                        : stale.get(app.name()).isEmpty() ? Optional.empty()
                        : Optional.of("the copy of its data on node " + d.peerNode() + " is not valid (stale: "
                        + stale.get(app.name()) + ")");
                if (reason.isPresent()) {
                    LOG.error("Application {} uses failed network {} but is not failed over: {}. It keeps running "
                            + "here without that network.", app.name(), network, reason.get());
                } else {
                    LOG.warn("Application {} uses network {} - failing it over to {}", app.name(), network,
                            d.peerNode());
                    failover(app.name(), false);
                }
            }
            return Reply.ok();
        }, d.executors().state());
    }

    /** The file systems of each application flagged stale on the peer; blocking (status directory). */
    private Map<String, List<String>> staleOnPeer(List<String> names) throws java.io.IOException {
        Map<String, List<String>> stale = new HashMap<>();
        for (String name : names) {
            stale.put(name, d.catalog().staleFlags(name).staleOn(d.peerNode()).stream().map(Object::toString)
                    .toList());
        }
        return stale;
    }

    /** NETWORK_RESTORED: clnetd has a working card on {@code network} again; applications stay where they are. */
    Reply networkRestored(String network) {
        LOG.warn("Network {} is working again on this node; applications stay where they are (move them back "
                + "with clhaltapp/clstartapp if wanted)", network);
        return Reply.ok();
    }

    /** Records a state change and tells the peer when it happened on this node. */
    void change(RegisteredApplication app, ApplicationState state, String node, Optional<Instant> started) {
        RegisteredApplication next = app.in(state, Optional.of(node), started);
        d.registry().put(next);
        LOG.info("Application {} is now {}{}", app.name(), state, state.isActive() ? " on " + node : "");
        if (node.equals(d.localNode())) {
            tellPeer(update(next));
        }
    }

    /** The APP_UPDATE that tells the peer about {@code app}. */
    ClusterRequest.AppUpdate update(RegisteredApplication app) {
        return new ClusterRequest.AppUpdate(app.name(), app.state() == ApplicationState.DOWN ? "STOPPED"
                : app.state().name(), app.node(), Optional.of(app.monitor() ? "1" : "0"),
                app.startTime().map(t -> Long.toString(t.getEpochSecond())), Optional.empty(), false, false);
    }

    /** Sends {@code request} to the peer in the background if it is in the cluster; failures are logged. */
    void tellPeer(ClusterRequest request) {
        if (!d.membership().peerUp()) {
            return;
        }
        d.executors().io(() -> d.peer().send(request)).whenComplete((r, e) -> {
            if (e != null) {
                LOG.warn("Could not tell node {} {}: {}", d.peerNode(), request.keyword(),
                        DaemonExecutors.cause(e).getMessage());
            }
        });
    }

    /** The names of registered applications with autostart set (AUTOSTARTLIST). */
    List<String> autostart() {
        List<String> names = new ArrayList<>();
        d.registry().all().stream().filter(a -> a.config().autostart()).forEach(a -> names.add(a.name()));
        return names;
    }

    /** Applications whose service addresses this node holds now. */
    static boolean holdsAny(Set<String> held, List<String> ips) {
        return ips.stream().anyMatch(held::contains);
    }

    static Optional<Instant> epoch(String text) {
        try {
            long s = Long.parseLong(text.trim());
            return s > 0 ? Optional.of(Instant.ofEpochSecond(s)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static CompletionStage<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
