package net.linuxha.cluster.daemon;

import static net.linuxha.cluster.daemon.DaemonLog.LOG;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import net.linuxha.cluster.app.RegisteredApplication;
import net.linuxha.cluster.state.NodeState;
import net.linuxha.common.app.StaleFlag;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.log.LogRequests;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.ClusterRequest.AppStatus;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.RequestHandler;

/**
 * The one dispatcher of the cluster daemon's requests (25.4): the wire layer has decoded and verified the request;
 * this class runs it on the daemon's state thread, calls the daemon's state and answers. Requests given
 * {@code forward=yes} are then sent on to the peer (without the flag). The Netty handler decides nothing.
 *
 * <p>Until the cluster has formed only the formation requests and the daemon's own housekeeping are served; the
 * others answer {@code ERROR ... not formed yet}.
 */
final class ClusterRequestHandler implements RequestHandler<ClusterRequest> {

    private final DaemonView d;
    private final Applications apps;
    private final NodeFailures failures;
    private final NodeReset reset;
    private final LogControl logs;
    private final Runnable abort;
    private final DrbdRequests drbd;
    private final PeerForward peer;

    ClusterRequestHandler(DaemonView view, Applications apps, NodeFailures failures, NodeReset reset,
                          LogControl logs, Runnable abort, DrbdRequests drbd, PeerForward peer) {
        this.d = view;
        this.drbd = drbd;
        this.peer = peer;
        this.apps = apps;
        this.failures = failures;
        this.reset = reset;
        this.logs = logs;
        this.abort = abort;
    }

    @Override
    public CompletionStage<Reply> handle(ClusterRequest request, SocketAddress from) {
        return CompletableFuture.supplyAsync(() -> dispatch(request, from), d.executors().state())
                .thenCompose(Function.identity());
    }

    private CompletionStage<Reply> dispatch(ClusterRequest r, SocketAddress from) {
        Membership m = d.membership();
        if (r instanceof ClusterRequest.Time) {
            return done(Reply.of(Long.toString(d.clock().instant().getEpochSecond())));
        } else if (r instanceof ClusterRequest.Echo echo) {
            return done(Reply.of(m.onEcho(echo)));
        } else if (r instanceof ClusterRequest.ChangeDstate change) {
            return done(changeState(change.state()));
        } else if (r instanceof ClusterRequest.Abort a) {
            return forward(a.forward(), new ClusterRequest.Abort(false), Reply.ok(), false)
                    .thenApply(reply -> abortSoon(reply, from));
        } else if (r instanceof ClusterRequest.GetNodeState g) {
            return done(nodeState(g.node()));
        } else if (r instanceof ClusterRequest.Help) {
            return done(Reply.list(List.copyOf(ClusterRequest.VOCABULARY.keywords())));
        } else if (r instanceof ClusterRequest.Verbose v) {
            logs.setVerbose(v.on());
            return forward(v.forward(), new ClusterRequest.Verbose(v.on(), false),
                    Reply.of(LogRequests.verboseAnswer(v.on())), false);
        } else if (r instanceof ClusterRequest.LogCycle c) {
            return forward(c.forward(), new ClusterRequest.LogCycle(c.count(), false), cycle(c.count()), false);
        } else if (r instanceof ClusterRequest.LoadAverage) {
            return done(loadAverage());
        } else if (r instanceof ClusterRequest.Checksum c) {
            return d.executors().io(() -> Reply.of(d.catalog().checksumAnswer(c.app())));
        } else if (r instanceof ClusterRequest.Toc) {
            LOG.error("TOC received from {}", from);
            d.executors().after(java.time.Duration.ofMillis(300), () -> reset.reset("TOC request from " + from));
            return done(Reply.ok());
        }
        if (!m.formed()) {
            return done(Reply.error("the cluster daemon on " + d.localNode() + " has not formed the cluster yet "
                    + "(state " + m.localState() + "); wait for formation to finish"));
        }
        return application(r, from);
    }

    private CompletionStage<Reply> application(ClusterRequest r, SocketAddress from) {
        if (r instanceof ClusterRequest.AppList) {
            return done(Reply.list(d.registry().names()));
        } else if (r instanceof AppStatus s) {
            return s.lvInfo() && d.registry().get(s.app()).isPresent() ? drbd.lvInfo(s.app()) : done(status(s));
        } else if (r instanceof ClusterRequest.AppUpdate u) {
            return apps.update(u).thenCompose(reply -> forward(u.forward(), new ClusterRequest.AppUpdate(u.app(),
                    u.state(), u.node(), u.monitor(), u.startTime(), u.consistency(), u.probe(), false), reply, false));
        } else if (r instanceof ClusterRequest.StartingApp s) {
            return done(apps.starting(s.app(), s.node()));
        } else if (r instanceof ClusterRequest.StartedApp s) {
            return done(apps.started(s.app()));
        } else if (r instanceof ClusterRequest.StoppingApp s) {
            return done(apps.stopping(s.app(), false));
        } else if (r instanceof ClusterRequest.StoppedApp s) {
            return done(apps.stopping(s.app(), true));
        } else if (r instanceof ClusterRequest.StartApp s) {
            return done(refuseWhilePartitioned().orElseGet(() -> apps.start(s.app())));
        } else if (r instanceof ClusterRequest.StopApp s) {
            return done(apps.stop(s.app()));
        } else if (r instanceof ClusterRequest.Failover f) {
            return done(refuseWhilePartitioned().orElseGet(() -> apps.failover(f.app(), true)));
        } else if (r instanceof ClusterRequest.NetworkFailed n) {
            return refuseWhilePartitioned().map(ClusterRequestHandler::done)
                    .orElseGet(() -> apps.networkFailed(n.network()));
        } else if (r instanceof ClusterRequest.NetworkRestored n) {
            return done(apps.networkRestored(n.network()));
        } else if (r instanceof ClusterRequest.RegApp g) {
            return apps.register(g.app()).thenCompose(reply -> forward(g.forward(),
                    new ClusterRequest.RegApp(g.app(), false), reply, false));
        } else if (r instanceof ClusterRequest.DeregApp g) {
            return forward(g.forward(), new ClusterRequest.DeregApp(g.app(), false), apps.deregister(g.app()),
                    false);
        } else if (r instanceof ClusterRequest.Pnode p) {
            return d.registry().get(p.app()).map(a -> PreferredNodes.choose(a, d).thenApply(Reply::ok))
                    .orElse(done(Reply.of("MISSING_ARG")));
        } else if (r instanceof ClusterRequest.DependsOn dep) {
            return done(withApp(dep.app(), "ERROR_NO_APP", a -> Reply.ok(String.join(",", a.config()
                    .dependencies().stream().filter(n -> d.registry().get(n).isPresent()).toList()))));
        } else if (r instanceof ClusterRequest.AutostartList) {
            return apps.registered().thenApplyAsync(v -> Reply.ok(String.join(",", apps.autostart())),
                    d.executors().state());
        } else if (r instanceof ClusterRequest.GetValidNodes g) {
            return done(withApp(g.app(), "NOT_REGISTERED", a -> Reply.ok(a.validNodes().joined(","))));
        } else if (r instanceof ClusterRequest.SetValidNodes s) {
            return forward(s.forward(), new ClusterRequest.SetValidNodes(s.app(), s.nodes(), false),
                    setValidNodes(s), false);
        } else if (r instanceof ClusterRequest.IsValid v) {
            return done(withApp(v.app(), "NOT_REGISTERED", a -> Reply.of(a.validNodes().isValid(d.localNode())
                    ? "YES" : "NO")));
        } else if (r instanceof ClusterRequest.FlagUnsync f) {
            return flag(f.app(), f.vg(), f.lv(), Optional.of(f.invalid()), f.forward(), true);
        } else if (r instanceof ClusterRequest.FlagSync f) {
            return flag(f.app(), f.vg(), f.lv(), f.valid(), f.forward(), false);
        } else if (r instanceof ClusterRequest.CheckDrbd c) {
            return drbd.check(c);
        } else if (r instanceof ClusterRequest.StartDrbd s) {
            return drbd.start(s);
        } else if (r instanceof ClusterRequest.StopDrbd s) {
            return drbd.stop(s);
        } else if (r instanceof ClusterRequest.StartSync s) {
            return drbd.sync(s, from);
        }
        return done(Reply.error("request " + r.keyword() + " is not handled by this cluster daemon"));
    }

    private Reply changeState(String state) {
        NodeState requested;
        try {
            requested = NodeState.fromWire(state);
        } catch (IllegalArgumentException e) {
            return Reply.error(e.getMessage());
        }
        d.membership().onChangeState(requested);
        return Reply.ok();
    }

    private Reply abortSoon(Reply reply, SocketAddress from) {
        LOG.warn("ABORT received from {} - the cluster daemon exits; running applications are left alone", from);
        d.executors().after(java.time.Duration.ofMillis(200), abort);
        return reply;
    }

    private Reply nodeState(String node) {
        if (node.equalsIgnoreCase(d.localNode())) {
            return Reply.of(d.membership().localState().name());
        }
        if (node.equalsIgnoreCase(d.peerNode())) {
            return Reply.of(d.membership().peerState().name());
        }
        return Reply.error("node " + node + " is not a node of this cluster; use " + d.localNode() + " or "
                + d.peerNode());
    }

    /** {@code STATE,node,monitor,starttime,consistency[,Yes|No][,a+b]} (25.4). */
    private Reply status(AppStatus s) {
        Optional<RegisteredApplication> found = d.registry().get(s.app());
        if (found.isEmpty()) {
            return Reply.of("NOT_REGISTERED");
        }
        RegisteredApplication a = found.get();
        int consistency;
        try {
            consistency = d.catalog().staleFlags(a.name()).flags().size();
        } catch (IOException e) {
            consistency = -1;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(a.state().name()).append(',').append(a.state().isActive() ? a.node().orElse("N/A") : "N/A")
                .append(',').append(a.monitor() ? 1 : 0).append(',')
                .append(a.startTime().map(t -> t.getEpochSecond()).orElse(0L)).append(',').append(consistency);
        if (s.failoverInfo()) {
            String on = a.node().orElse(d.localNode());
            boolean otherUp = on.equals(d.localNode()) ? d.membership().peerUp() : d.membership().formed();
            sb.append(',').append(a.validNodes().canFailOver(on, otherUp) ? "Yes" : "No");
        }
        if (s.nodeInfo()) {
            sb.append(',').append(a.validNodes().joined("+"));
        }
        return Reply.of(sb.toString());
    }

    private Reply setValidNodes(ClusterRequest.SetValidNodes s) {
        Optional<RegisteredApplication> found = d.registry().get(s.app());
        if (found.isEmpty()) {
            return Reply.of("NOT_REGISTERED");
        }
        try {
            RegisteredApplication a = found.get();
            d.registry().put(a.withValidNodes(s.nodes().isEmpty() ? a.validNodes().reset()
                    : a.validNodes().restrictTo(s.nodes())));
            LOG.info("Setting valid nodes of {}: {}", s.app(), d.registry().get(s.app()).orElseThrow()
                    .validNodes().joined(","));
            return Reply.ok();
        } catch (IllegalArgumentException e) {
            return Reply.error(e.getMessage());
        }
    }

    /** FLAG_UNSYNC / FLAG_SYNC: STALE flags here; with forward=yes the peer does the same from its side. */
    private CompletionStage<Reply> flag(String app, String vg, String lv, Optional<String> side, boolean forward,
                                        boolean create) {
        if (d.registry().get(app).isEmpty()) {
            return done(Reply.of("NOT_REGISTERED"));
        }
        List<String> nodes = side.map(x -> List.of(x.equals("local") ? d.localNode() : d.peerNode()))
                .orElse(List.of(d.localNode(), d.peerNode()));
        Reply local;
        try {
            for (String node : nodes) {
                StaleFlag flag = StaleFlag.of(vg, lv, node);
                if (create) {
                    d.catalog().flagStale(app, flag);
                } else {
                    d.catalog().clearStale(app, flag);
                }
            }
            local = Reply.ok();
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("{} of {}.{} for {} failed here: {}", create ? "FLAG_UNSYNC" : "FLAG_SYNC", vg, lv, app,
                    e.getMessage());
            local = Reply.of("FAIL-LOCAL");
        }
        Optional<String> swapped = side.map(x -> x.equals("local") ? "remote" : "local");
        ClusterRequest toPeer = create ? new ClusterRequest.FlagUnsync(app, vg, lv, swapped.orElseThrow(), false)
                : new ClusterRequest.FlagSync(app, vg, lv, false, swapped);
        return forward(forward, toPeer, local, true);
    }

    private Reply withApp(String app, String unknown, Function<RegisteredApplication, Reply> answer) {
        return d.registry().get(app).map(answer).orElse(Reply.of(unknown));
    }

    private Optional<Reply> refuseWhilePartitioned() {
        return failures.partitioned() ? Optional.of(Reply.error("the cluster is partitioned: no application state "
                + "changes until node " + d.peerNode() + " can be reached again (21.6)")) : Optional.empty();
    }

    private Reply cycle(int count) {
        try {
            logs.cycle(count);
            return Reply.ok();
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            return Reply.error("LOGCYCLE failed: " + e.getMessage());
        }
    }

    private static Reply loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
            return Reply.of(f[0] + " " + f[1] + " " + f[2] + " " + f[3]);
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return Reply.of("ERROR");
        }
    }

    private CompletionStage<Reply> forward(boolean forward, ClusterRequest toPeer, Reply local, boolean failRemote) {
        return peer.forward(forward, toPeer, local, failRemote);
    }

    private static CompletionStage<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
