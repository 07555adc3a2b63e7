package net.linuxha.cluster.daemon;

import static net.linuxha.cluster.daemon.DaemonLog.LOG;

import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import net.linuxha.cluster.app.NoSuchVolumeException;
import net.linuxha.cluster.app.RegisteredApplication;
import net.linuxha.cluster.app.StorageView;
import net.linuxha.cluster.app.VolumeInfo;
import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.app.StaleFlags;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.ClusterRequest.CheckDrbd;
import net.linuxha.common.wire.ClusterRequest.StartDrbd;
import net.linuxha.common.wire.ClusterRequest.StartSync;
import net.linuxha.common.wire.ClusterRequest.StopDrbd;
import net.linuxha.common.wire.Reply;

/**
 * The replicated-storage requests of 25.4, for DRBD (the Reference's NBD requests, renamed): CHECK_DRBD,
 * START_DRBD, STOP_DRBD, START_SYNC and APP_STATUS lvinfo=yes. The registry is read on the state thread; the
 * storage work ({@link StorageView}) runs on the I/O executor.
 *
 * <p>{@code type=client} is the node running the application (DRBD Primary), {@code type=server} the other one.
 * A request whose type names the other node is answered by the other node when it is in the cluster.
 *
 * <p>START_SYNC's methods, by {@code attempt}: 0 invalidates the stale copy from the node holding the valid one
 * ({@code drbdadm invalidate-remote}); 1 first restarts the stale side's DRBD resource (STOP_DRBD, START_DRBD of
 * that volume on it) to re-establish the replication, then invalidates; 2 and more answer NO_METHODS. The direction
 * comes from the STALE flags here (22.4.3); without flags, from DRBD's view of which copy is valid.
 */
final class DrbdRequests {

    /** How many START_SYNC methods there are (attempt=0 and attempt=1). */
    static final int SYNC_METHODS = 2;

    private enum Direction { FROM_HERE, FROM_PEER, IN_SYNC }

    private final DaemonView d;
    private final StorageView storage;
    private final PeerForward peer;

    DrbdRequests(DaemonView view, StorageView storage, PeerForward peer) {
        this.d = view;
        this.storage = storage;
        this.peer = peer;
    }

    /** CHECK_DRBD: OK when every DRBD resource of the application runs here in the role of its type. */
    CompletionStage<Reply> check(CheckDrbd c) {
        Optional<RegisteredApplication> found = d.registry().get(c.app());
        if (found.isEmpty()) {
            return done(Reply.of("NOT_REGISTERED"));
        }
        if (answeredByPeer(found.get(), c.type())) {
            return peer.ask(c);
        }
        boolean client = c.type().map("client"::equals).orElse(found.get().runsOn(d.localNode()));
        return d.executors().io(() -> {
            try {
                List<VolumeInfo> volumes = storage.volumes(c.app());
                List<String> wrong = volumes.stream().filter(v -> client ? !v.state().equals("active")
                        : !v.started()).map(v -> v.fs() + " " + v.state()).toList();
                if (wrong.isEmpty()) {
                    return Reply.ok();
                }
                LOG.info("CHECK_DRBD of {} ({}): not as expected here: {}", c.app(), client ? "client, Primary"
                        : "server", wrong);
                return Reply.of("NOT_OK");
            } catch (ConfigException | RuntimeException e) {
                return Reply.error("cannot read the DRBD state of " + c.app() + ": " + e.getMessage());
            }
        });
    }

    /** START_DRBD: drbdadm up here (all volumes or one), then on the peer with forward=yes. */
    CompletionStage<Reply> start(StartDrbd s) {
        return upOrDown(s.app(), s.type(), s.volume(), s.forward(), true, s,
                new StartDrbd(s.app(), false, s.type(), s.volume()));
    }

    /** STOP_DRBD: drbdadm down here (all volumes or one), then on the peer with forward=yes. */
    CompletionStage<Reply> stop(StopDrbd s) {
        return upOrDown(s.app(), s.type(), s.volume(), s.forward(), false, s,
                new StopDrbd(s.app(), false, s.type(), s.volume()));
    }

    private CompletionStage<Reply> upOrDown(String app, Optional<String> type, Optional<ClusterRequest.Volume> volume,
                                            boolean forward, boolean up, ClusterRequest request,
                                            ClusterRequest toPeer) {
        Optional<RegisteredApplication> found = d.registry().get(app);
        if (found.isEmpty()) {
            return done(Reply.of("NOT_REGISTERED"));
        }
        if (answeredByPeer(found.get(), type)) {
            return peer.ask(toPeer);
        }
        Optional<FileSystemId> only;
        try {
            only = volume.map(v -> new FileSystemId(v.vg(), v.lv()));
        } catch (IllegalArgumentException e) {
            return done(Reply.error(e.getMessage()));
        }
        String what = only.map(f -> "DRBD resource of " + f).orElse("DRBD resources") + " of " + app;
        return d.executors().io(() -> {
            try {
                if (up) {
                    storage.start(app, only);
                } else {
                    storage.stop(app, only);
                }
                LOG.info("{} {} on {}", up ? "Started" : "Stopped", what, d.localNode());
                return Reply.ok();
            } catch (NoSuchVolumeException | ConfigException e) {
                return Reply.error(e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("{} failed: could not {} the {} here: {}", request.keyword(), up ? "start" : "stop", what,
                        e.getMessage());
                return Reply.of("FAIL-LOCAL");
            }
        }).thenComposeAsync(local -> local.isError() ? done(local) : peer.forward(forward, toPeer, local, true),
                d.executors().state());
    }

    /** START_SYNC: see the class comment for the methods and the direction. */
    CompletionStage<Reply> sync(StartSync s, SocketAddress from) {
        Optional<RegisteredApplication> found = d.registry().get(s.app());
        if (found.isEmpty()) {
            return done(Reply.of("NOT_REGISTERED"));
        }
        if (s.attempt() >= SYNC_METHODS || s.attempt() < 0) {
            return done(Reply.of("NO_METHODS"));
        }
        FileSystemId fs;
        try {
            fs = new FileSystemId(s.vg(), s.lv());
        } catch (IllegalArgumentException e) {
            return done(Reply.error(e.getMessage()));
        }
        boolean relayed = peer.fromPeer(from);
        return d.executors().io(() -> direction(s.app(), fs)).handleAsync((direction, error) -> {
            if (error != null) {
                Throwable cause = DaemonExecutors.cause(error);
                return done(Reply.error("START_SYNC of " + fs + " of " + s.app() + ": " + cause.getMessage()));
            }
            return switch (direction) {
                case IN_SYNC -> {
                    LOG.info("START_SYNC: {} of {} is already in sync on both nodes - nothing to do", fs, s.app());
                    yield done(Reply.ok());
                }
                case FROM_PEER -> fromPeer(s, fs, relayed);
                case FROM_HERE -> fromHere(s, fs);
            };
        }, d.executors().state()).thenCompose(stage -> stage);
    }

    /** Which copy is the source, from the STALE flags, else from DRBD; blocking. */
    private Direction direction(String app, FileSystemId fs) throws Exception {
        StaleFlags flags = d.catalog().staleFlags(app);
        boolean localStale = flags.isStale(fs, d.localNode());
        boolean remoteStale = flags.isStale(fs, d.peerNode());
        if (localStale && remoteStale) {
            throw new IllegalStateException("both copies are flagged STALE (" + flags + "); decide which copy is "
                    + "good and run clbuildapp --application " + app + " --sync on that node");
        }
        if (remoteStale) {
            return Direction.FROM_HERE;
        }
        if (localStale) {
            return Direction.FROM_PEER;
        }
        VolumeInfo v = storage.volumes(app).stream().filter(x -> x.fs().equals(fs)).findFirst()
                .orElseThrow(() -> new NoSuchVolumeException("application " + app + " has no file system " + fs
                        + " in its fsmap"));
        return switch (v.valid()) {
            case "both" -> v.action().equals("syncing") ? Direction.FROM_HERE : Direction.IN_SYNC;
            case "local" -> Direction.FROM_HERE;
            case "remote" -> Direction.FROM_PEER;
            default -> throw new IllegalStateException("no STALE flag says which copy is stale and DRBD here "
                    + "cannot tell (" + v.state() + ", valid " + v.valid() + "); start it with START_DRBD app="
                    + app + " vg=" + fs.vg() + " lv=" + fs.lv() + " forward=yes first");
        };
    }

    private CompletionStage<Reply> fromPeer(StartSync s, FileSystemId fs, boolean relayed) {
        if (relayed) {
            LOG.error("START_SYNC of {} of {}: node {} says this node holds the valid copy, but here the copy is "
                    + "the stale one - check the STALE flags in {} on both nodes", fs, s.app(), d.peerNode(),
                    d.catalog().statusDir(s.app()));
            return done(Reply.of("FAIL-LOCAL"));
        }
        LOG.info("START_SYNC: the valid copy of {} of {} is on node {} - asking it to synchronise", fs, s.app(),
                d.peerNode());
        return peer.ask(s).thenApply(r -> r.text().equals("FAIL-LOCAL") ? Reply.of("FAIL-REMOTE") : r);
    }

    private CompletionStage<Reply> fromHere(StartSync s, FileSystemId fs) {
        CompletionStage<Reply> ready = done(Reply.ok());
        if (s.attempt() == 1) {
            ClusterRequest.Volume v = new ClusterRequest.Volume(fs.vg(), fs.lv());
            LOG.info("START_SYNC attempt 1: restarting the DRBD resource of {} of {} on node {}", fs, s.app(),
                    d.peerNode());
            ready = peer.ask(new StopDrbd(s.app(), false, Optional.empty(), Optional.of(v)))
                    .thenComposeAsync(r -> r.isOk() ? peer.ask(new StartDrbd(s.app(), false, Optional.empty(),
                            Optional.of(v))) : done(r), d.executors().state())
                    .thenApply(r -> r.isOk() ? r : Reply.of("FAIL-REMOTE"));
        }
        return ready.thenCompose(r -> !r.isOk() ? done(r) : d.executors().io(() -> {
            try {
                storage.invalidateRemote(s.app(), fs);
                LOG.info("START_SYNC: the copy of {} of {} on node {} is being resynchronised from {}", fs,
                        s.app(), d.peerNode(), d.localNode());
                return Reply.ok();
            } catch (NoSuchVolumeException | ConfigException e) {
                return Reply.error(e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("START_SYNC of {} of {} failed here: {}", fs, s.app(), e.getMessage());
                return Reply.of("FAIL-LOCAL");
            }
        }));
    }

    /**
     * APP_STATUS lvinfo=yes: {@code OK} (or the error) on the first line, then one line per logical volume (see
     * {@link VolumeInfo#line()}).
     */
    CompletionStage<Reply> lvInfo(String app) {
        return d.executors().io(() -> {
            try {
                List<VolumeInfo> volumes = storage.volumes(app);
                return Reply.of(volumes.stream().map(VolumeInfo::line)
                        .collect(Collectors.joining("\n", "OK" + (volumes.isEmpty() ? "" : "\n"), "")));
            } catch (ConfigException | RuntimeException e) {
                return Reply.error("cannot read the volumes of " + app + ": " + e.getMessage());
            }
        });
    }

    /** Whether the request's type names the other node, which is in the cluster to answer it. */
    private boolean answeredByPeer(RegisteredApplication app, Optional<String> type) {
        if (type.isEmpty() || !d.membership().peerUp()) {
            return false;
        }
        return type.get().equals("client") ? app.runsOn(d.peerNode()) : app.runsOn(d.localNode());
    }

    private static CompletionStage<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
