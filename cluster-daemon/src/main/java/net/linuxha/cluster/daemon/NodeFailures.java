package net.linuxha.cluster.daemon;

import static net.linuxha.cluster.daemon.DaemonLog.LOG;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import net.linuxha.cluster.app.RegisteredApplication;
import net.linuxha.cluster.failover.ApplicationProbe;
import net.linuxha.cluster.failover.ApplicationProbe.Location;
import net.linuxha.cluster.failover.Checklist;
import net.linuxha.cluster.failover.DuplicateResolver;
import net.linuxha.cluster.failover.LocalData;
import net.linuxha.cluster.failover.PartitionDecider;
import net.linuxha.cluster.failover.PartitionVerdict;
import net.linuxha.cluster.failover.RunningApplication;
import net.linuxha.cluster.failover.Takeover;
import net.linuxha.cluster.failover.TakeoverCandidate;
import net.linuxha.cluster.failover.TakeoverDecision;
import net.linuxha.cluster.failover.TakeoverPlan;
import net.linuxha.cluster.failover.TakeoverPlanner;
import net.linuxha.cluster.state.ApplicationState;
import net.linuxha.common.app.ForceLevel;
import net.linuxha.common.config.ApplicationNetwork;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;

/**
 * When the peer is lost or comes back (21.3, 21.6): probe what the applications tell ({@link PartitionDecider}),
 * take over a dead node's applications one by one ({@link TakeoverPlanner}), and after a partition heals find an
 * application running on both nodes ({@link DuplicateResolver}, about every 10 s) and reset the node that started
 * it first. PARTITIONED changes no application state.
 */
final class NodeFailures {

    private final DaemonView d;
    private final Applications applications;
    private final NodeReset reset;
    private boolean partitioned;
    private boolean deciding;
    private boolean checking;
    private Instant lastDuplicateCheck;

    NodeFailures(DaemonView view, Applications applications, NodeReset reset) {
        this.d = view;
        this.applications = applications;
        this.reset = reset;
    }

    boolean partitioned() {
        return partitioned;
    }

    /** No network reaches the peer: decide between a dead node and a partition. */
    void peerUnreachable() {
        if (deciding) {
            return;
        }
        deciding = true;
        List<RegisteredApplication> apps = d.registry().all();
        d.executors().io(() -> probes(apps)).whenComplete((probes, error) -> d.executors().onState(() -> {
            deciding = false;
            if (error != null) {
                LOG.error("Cannot decide whether node {} died: {} - no application state changes", d.peerNode(),
                        DaemonExecutors.cause(error).getMessage());
                partitioned = true;
                return;
            }
            PartitionVerdict verdict = PartitionDecider.decide(d.peerNode(), probes);
            switch (verdict.outcome()) {
                case PEER_DEAD -> {
                    LOG.warn("{}", verdict.reason());
                    LOG.warn("Node {} has died - taking over its applications", d.peerNode());
                    takeOver();
                }
                case PEER_DAEMON_DIED -> LOG.warn("{}", verdict.reason());
                case PARTITIONED -> {
                    partitioned = true;
                    LOG.error("Network partitioned: {}", verdict.reason());
                }
                default -> throw new IllegalStateException("unknown outcome " + verdict.outcome());
            }
        }));
    }

    /** Heartbeats arrive again: the partition (if any) is over; check for duplicates soon. */
    void peerBack() {
        if (partitioned) {
            LOG.info("Network partition with node {} has healed", d.peerNode());
        }
        partitioned = false;
        lastDuplicateCheck = null;
    }

    /** Called every tick: the duplicate check when due and the peer is in the cluster. */
    void tick(Instant now) {
        if (!d.membership().peerUp() || checking || !DuplicateResolver.checkDue(lastDuplicateCheck, now)) {
            return;
        }
        lastDuplicateCheck = now;
        List<RegisteredApplication> here = d.registry().runningOn(d.localNode()).stream()
                .filter(a -> a.state() == ApplicationState.STARTED).toList();
        if (here.isEmpty()) {
            return;
        }
        checking = true;
        d.executors().io(() -> onPeer(here)).whenComplete((running, error) -> d.executors().onState(() -> {
            checking = false;
            if (error != null) {
                return;
            }
            DuplicateResolver.resolve(d.localNode(), d.peerNode(), running).ifPresent(r -> {
                if (r.resets(d.localNode())) {
                    LOG.error("{}", r.reason());
                    reset.reset("application " + r.application() + " runs on both nodes");
                } else {
                    LOG.error("{} Waiting for it to reset.", r.reason());
                }
            });
        }));
    }

    private List<RunningApplication> onPeer(List<RegisteredApplication> here) throws IOException {
        List<RunningApplication> result = new ArrayList<>();
        for (RegisteredApplication app : here) {
            Reply status = d.peer().send(new ClusterRequest.AppStatus(app.name(), false, false, false));
            String[] f = status.text().split(",", -1);
            Instant onPeer = null;
            if (f.length >= 4 && (f[0].equals("STARTED") || f[0].equals("STARTING")) && f[1].equals(d.peerNode())) {
                onPeer = Applications.epoch(f[3]).orElse(Instant.EPOCH);
            }
            result.add(new RunningApplication(app.name(), app.startTime().orElse(Instant.EPOCH), onPeer));
        }
        return result;
    }

    private void takeOver() {
        List<TakeoverCandidate> candidates = new ArrayList<>();
        for (RegisteredApplication app : d.registry().all()) {
            LocalData data = LocalData.CURRENT;
            try {
                data = d.catalog().staleFlags(app.name()).staleOn(d.localNode()).isEmpty() ? LocalData.CURRENT
                        : LocalData.STALE;
            } catch (IOException e) {
                LOG.warn("Cannot read the STALE flags of {}: {} - treating its data here as stale", app.name(),
                        e.getMessage());
                data = LocalData.STALE;
            }
            candidates.add(new TakeoverCandidate(app.name(), app.node().orElse(null), app.state(),
                    Takeover.valueOf(app.config().takeover().name()), data, app.validNodes(),
                    app.config().dependencies()));
        }
        TakeoverPlan plan = TakeoverPlanner.plan(d.localNode(), d.peerNode(), candidates);
        for (TakeoverDecision skipped : plan.skipped()) {
            LOG.warn("{}", skipped.reason());
            d.registry().get(skipped.application()).ifPresent(a -> d.registry().put(a.in(ApplicationState.DOWN,
                    Optional.empty(), Optional.empty())));
        }
        for (TakeoverDecision start : plan.toStart()) {
            d.registry().get(start.application()).ifPresent(a -> d.registry().put(a.in(ApplicationState.DOWN,
                    Optional.empty(), Optional.empty())));
        }
        CompletionStage<Boolean> chain = CompletableFuture.completedFuture(true);
        for (TakeoverDecision start : plan.toStart()) {
            chain = chain.thenComposeAsync(previous -> {
                Optional<RegisteredApplication> app = d.registry().get(start.application());
                if (app.isEmpty() || app.get().state().isActive()) {
                    return CompletableFuture.completedFuture(false);
                }
                boolean stale = start.verdict() == TakeoverDecision.Verdict.START_STALE;
                if (stale) {
                    // Recent changes made on the dead node are lost: the administrator must hear of it (21.3).
                    LOG.warn("{}", start.reason());
                } else {
                    LOG.info("{}", start.reason());
                }
                ForceLevel force = stale ? ForceLevel.REALLY_FORCE : ForceLevel.FORCE;
                return applications.launchStart(app.get(), force);
            }, d.executors().state());
        }
    }

    /** What each application tells about the peer: service IPs answering, checklists (21.6). */
    private List<ApplicationProbe> probes(List<RegisteredApplication> apps) {
        List<ApplicationProbe> probes = new ArrayList<>();
        for (RegisteredApplication app : apps) {
            Location where = app.runsOn(d.localNode()) ? Location.HERE
                    : app.runsOn(d.peerNode()) ? Location.PEER : Location.NOWHERE;
            boolean answers = false;
            if (where == Location.PEER) {
                answers = app.config().allIps().stream().anyMatch(ip -> d.prober().ping(null, ip));
            }
            List<Checklist> checklists = new ArrayList<>();
            if (where != Location.NOWHERE) {
                for (ApplicationNetwork net : app.config().networks()) {
                    int ok = (int) net.checklist().stream().filter(h -> d.prober().ping(null, h)).count();
                    checklists.add(new Checklist(net.net(), net.checklist().size(), ok, net.checkPercent()));
                }
            }
            probes.add(new ApplicationProbe(app.name(), where, answers, checklists));
        }
        return probes;
    }
}
