package net.linuxha.lems.monitors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import net.linuxha.common.config.ConfigException;
import net.linuxha.common.shell.DrbdDriver;
import net.linuxha.common.shell.DrbdResourceStatus;
import net.linuxha.common.shell.ShellException;
import net.linuxha.common.storage.DrbdResourceName;
import net.linuxha.common.storage.FsMap;
import net.linuxha.common.storage.FsMapEntry;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireException;
import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.CommandReply;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.spi.MonitorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code fsmon [application]} (Reference 24.4.7, 21.2.3, rewritten for DRBD 9): keeps the local cldaemon's
 * out-of-sync flags right for the application's replicated volumes (its fsmap, one DRBD resource
 * {@code APP_VG_LV} per volume) and asks for resynchronisation when the peer is back.
 *
 * <p>Every run reads {@code drbdsetup status --json} once and classifies each volume ({@link VolumeHealth}). When a
 * volume's flag differs from the one last reported it sends {@code FLAG_UNSYNC app=A vg=V lv=L invalid=remote|local
 * forward=yes} or {@code FLAG_SYNC app=A vg=V lv=L forward=yes} (answers {@code OK} and {@code FAIL-REMOTE}, flags
 * set here but not on the peer, count as reported; any other answer is logged once and the report is tried again
 * next run). When a volume needs a resynchronisation DRBD will not start by itself (StandAlone, or connected but not
 * syncing) and the peer is present (connected, or {@code GET_NODE_STATE node=PEER} answers {@code UP}), it sends
 * {@code START_SYNC app=A vg=V lv=L attempt=N}, again at most every {@value #SYNC_RETRY_SECONDS} s with the next
 * attempt while it stays so, until cldaemon answers {@code NO_METHODS}; the count starts again once the peer has
 * been away. When volumes wait for a peer that cldaemon sees UP (a node that rejoined after a crash), it asks
 * {@code CHECK_DRBD app=A type=server} and, unless OK, {@code START_DRBD app=A type=server} (the peer brings its
 * resources up; DRBD then resynchronises by itself), at most every {@value #SYNC_RETRY_SECONDS} s.
 *
 * <p>While cldaemon cannot be reached, fsmon pauses: it logs one line, makes no further request that run and
 * returns 10; the report it could not make is made on the first run cldaemon answers again.
 *
 * <p>Return codes (the Reference's sample action list: 0 NOP, 1 PAUSE 30, 10 PAUSE 60, 2 STOP, 3 FAILOVER):
 * 0 checked, nothing else to do; 1 a resynchronisation was just requested (RCDATA {@code vg/lv,...}): give it time;
 * 10 the local cldaemon is unreachable; 2 {@code drbdsetup status} cannot be read (no drbd module, no drbd-utils):
 * fsmon cannot work here; 3 the local disk of a volume failed (Diskless/Failed, RCDATA {@code vg/lv,...}): this node
 * no longer holds the data, fail over. Detail: one line per volume {@code vg/lv,resource,state,reported-flag}, and
 * {@code cldaemon=unreachable} while it is. {@code CMD fsmon RESET} forgets what was reported, so every flag is
 * sent again.
 */
public final class Fsmon implements Monitor {

    public static final long SYNC_RETRY_SECONDS = 60;
    public static final int RC_RESYNC_REQUESTED = 1;
    public static final int RC_CANNOT_READ_DRBD = 2;
    public static final int RC_LOCAL_DISK_FAILED = 3;
    public static final int RC_CLDAEMON_UNREACHABLE = 10;
    private static final Logger LOG = LoggerFactory.getLogger(Fsmon.class);

    /** One replicated volume of the application. */
    record Volume(String vg, String lv, String resource) {
        String id() {
            return vg + "/" + lv;
        }
    }

    /** The START_SYNC requests made for a volume since its peer was last away. */
    private record SyncAsk(int nextAttempt, Instant last, boolean exhausted) {
    }

    private final String application;
    private final List<Volume> volumes;
    private final DrbdDriver drbd;
    private final WireClient cluster;
    private final Clock clock;
    // Touched by the check thread only.
    private final Map<String, VolumeHealth.Flag> reported = new HashMap<>();
    private final Map<String, SyncAsk> asks = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    private boolean unreachable;
    private boolean drbdUnreadable;
    private Instant lastPeerStart;
    private volatile boolean resetRequested;
    private volatile String detail = "";

    Fsmon(String application, List<Volume> volumes, DrbdDriver drbd, WireClient cluster, Clock clock) {
        this.application = Objects.requireNonNull(application, "application");
        this.volumes = List.copyOf(volumes);
        this.drbd = Objects.requireNonNull(drbd, "drbd");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CheckResult check() {
        if (resetRequested) {
            resetRequested = false;
            reported.clear();
            asks.clear();
            lastPeerStart = null;
            warned.clear();
        }
        Map<String, DrbdResourceStatus> byName = new HashMap<>();
        try {
            drbd.status().forEach(r -> byName.put(r.name(), r));
        } catch (ShellException e) {
            if (!drbdUnreadable) {
                LOG.warn("fsmon for {}: cannot read the DRBD state: {} - fsmon cannot check the replicated file "
                        + "systems on this node", application, e.getMessage());
                drbdUnreadable = true;
            }
            detail = "drbd=unreadable";
            return CheckResult.of(RC_CANNOT_READ_DRBD, "drbdsetup");
        }
        drbdUnreadable = false;
        List<String> lines = new ArrayList<>();
        List<String> failedDisks = new ArrayList<>();
        List<String> resyncs = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        Optional<String> waitingFor = Optional.empty();
        try {
            for (Volume volume : volumes) {
                VolumeHealth health = VolumeHealth.of(Optional.ofNullable(byName.get(volume.resource())));
                report(volume, health);
                if (health.state() == VolumeHealth.State.DISK_FAILED) {
                    failedDisks.add(volume.id());
                }
                if (askForResync(volume, health)) {
                    resyncs.add(volume.id());
                }
                if (health.state() == VolumeHealth.State.REMOTE_STALE && !health.peerConnected()
                        && !health.standAlone()) {
                    waiting.add(volume.id());
                    waitingFor = waitingFor.or(health::peerNode);
                }
                lines.add(volume.id() + "," + volume.resource() + "," + health.describe() + ","
                        + Optional.ofNullable(reported.get(volume.id())).map(Enum::name).orElse("-"));
            }
            if (!waiting.isEmpty() && startPeerDrbd(waitingFor)) {
                resyncs.addAll(waiting);
            }
        } catch (WireException e) {
            if (!unreachable) {
                LOG.warn("fsmon for {}: {} ({}) - no sync reports until it answers again", application,
                        e.getMessage(), e.detail());
                unreachable = true;
            }
            lines.add("cldaemon=unreachable");
            detail = String.join("\n", lines);
            return CheckResult.of(RC_CLDAEMON_UNREACHABLE, "cldaemon");
        }
        if (unreachable) {
            lines.add("cldaemon=unreachable");
        }
        detail = String.join("\n", lines);
        if (!failedDisks.isEmpty()) {
            LOG.error("fsmon for {}: the local disk of {} failed; this node no longer holds their data", application,
                    String.join(",", failedDisks));
            return CheckResult.of(RC_LOCAL_DISK_FAILED, String.join(",", failedDisks));
        }
        return resyncs.isEmpty() ? CheckResult.of(0) : CheckResult.of(RC_RESYNC_REQUESTED, String.join(",", resyncs));
    }

    private void report(Volume volume, VolumeHealth health) throws WireException {
        Optional<VolumeHealth.Flag> wanted = health.flag();
        if (wanted.isEmpty() || wanted.get() == reported.get(volume.id())) {
            return;
        }
        VolumeHealth.Flag flag = wanted.get();
        ClusterRequest request = flag == VolumeHealth.Flag.SYNC
                ? new ClusterRequest.FlagSync(application, volume.vg(), volume.lv(), true, Optional.empty())
                : new ClusterRequest.FlagUnsync(application, volume.vg(), volume.lv(), flag.invalid(), true);
        Reply reply = send(request);
        if (reply.isOk() || reply.code().equals("FAIL-REMOTE")) {
            reported.put(volume.id(), flag);
            if (flag == VolumeHealth.Flag.SYNC) {
                LOG.info("fsmon for {}: {} is in sync: {} -> {}", application, volume.id(), request.format(),
                        reply.text());
            } else {
                LOG.warn("fsmon for {}: {} is out of sync ({}): {} -> {}", application, volume.id(),
                        health.describe(), request.format(), reply.text());
            }
        } else {
            warnOnce(request.format() + " was answered \"" + reply.text() + "\"; fsmon tries again next run");
        }
    }

    /** Sends START_SYNC when it is due; true when cldaemon accepted it. */
    private boolean askForResync(Volume volume, VolumeHealth health) throws WireException {
        if (!health.resyncWanted() || !(health.peerConnected() || peerUp(health.peerNode()))) {
            asks.remove(volume.id());
            return false;
        }
        Instant now = clock.instant();
        SyncAsk ask = asks.get(volume.id());
        if (ask != null && (ask.exhausted()
                || now.isBefore(ask.last().plus(Duration.ofSeconds(SYNC_RETRY_SECONDS))))) {
            return false;
        }
        int attempt = ask == null ? 0 : ask.nextAttempt();
        ClusterRequest request = new ClusterRequest.StartSync(application, volume.vg(), volume.lv(), attempt);
        Reply reply = send(request);
        if (reply.isOk()) {
            LOG.warn("fsmon for {}: {} needs a resynchronisation ({}): {} -> OK", application, volume.id(),
                    health.describe(), request.format());
            asks.put(volume.id(), new SyncAsk(attempt + 1, now, false));
            return true;
        }
        if (reply.code().equals("NO_METHODS")) {
            LOG.error("fsmon for {}: the cluster daemon has no further way to resynchronise {} ({}); resynchronise it "
                    + "by hand (drbd_tool -A {} --action invalidate_remote --vg {} --lv {})", application,
                    volume.id(), health.describe(), application, volume.vg(), volume.lv());
            asks.put(volume.id(), new SyncAsk(attempt, now, true));
            return false;
        }
        warnOnce(request.format() + " was answered \"" + reply.text() + "\"; fsmon asks again in "
                + SYNC_RETRY_SECONDS + " s");
        asks.put(volume.id(), new SyncAsk(attempt, now, false));
        return false;
    }

    /**
     * Volumes wait for their peer (Connecting): DRBD connects and resynchronises by itself once the peer's resources
     * are up, but a node that rejoins the cluster (clform --join after a crash, 21.3.2) does not start them itself.
     * So, as the Reference's fsmonitor does (24.4.7), when cldaemon sees the peer UP: {@code CHECK_DRBD app=A
     * type=server} (answered by the peer) and, unless OK, {@code START_DRBD app=A type=server} (run by the peer), at
     * most every {@value #SYNC_RETRY_SECONDS} s. True when the start was accepted.
     */
    private boolean startPeerDrbd(Optional<String> peer) throws WireException {
        if (!peerUp(peer)) {
            lastPeerStart = null;
            return false;
        }
        Reply check = send(new ClusterRequest.CheckDrbd(application, Optional.of("server")));
        if (check.isOk()) {
            return false;
        }
        Instant now = clock.instant();
        if (lastPeerStart != null && now.isBefore(lastPeerStart.plus(Duration.ofSeconds(SYNC_RETRY_SECONDS)))) {
            return false;
        }
        lastPeerStart = now;
        ClusterRequest start = new ClusterRequest.StartDrbd(application, false, Optional.of("server"),
                Optional.empty());
        Reply reply = send(start);
        if (reply.isOk()) {
            LOG.warn("fsmon for {}: node {} is up but its DRBD resources of {} are not ({}): {} -> OK; DRBD "
                    + "resynchronises once connected", application, peer.get(), application, check.text(),
                    start.format());
            return true;
        }
        warnOnce(start.format() + " was answered \"" + reply.text() + "\"; fsmon asks again in "
                + SYNC_RETRY_SECONDS + " s");
        return false;
    }

    /** For a StandAlone or Connecting volume: whether cldaemon sees the peer node up. */
    private boolean peerUp(Optional<String> peer) throws WireException {
        if (peer.isEmpty()) {
            return false;
        }
        return send(new ClusterRequest.GetNodeState(peer.get())).code().equals("UP");
    }

    private Reply send(ClusterRequest request) throws WireException {
        Reply reply = cluster.send(request);
        if (unreachable) {
            LOG.warn("fsmon for {}: the local cluster daemon answers again; sync reports resumed", application);
            unreachable = false;
        }
        return reply;
    }

    private void warnOnce(String message) {
        if (warned.add(message)) {
            LOG.warn("fsmon for {}: {}", application, message);
        }
    }

    @Override
    public String detail() {
        return detail;
    }

    @Override
    public CommandReply accept(String command) {
        if (command.strip().equalsIgnoreCase("RESET")) {
            resetRequested = true;
            return CommandReply.ok("every flag is reported again at the next run");
        }
        return CommandReply.fail("fsmon accepts RESET (report every flag again), not '" + command + "'");
    }

    /** Makes {@code fsmon} monitors. */
    public static final class Factory implements MonitorFactory {
        @Override
        public String moduleName() {
            return "fsmon";
        }

        @Override
        public Monitor create(List<String> arguments, MonitorContext context) throws MonitorCreationException {
            String app = NetworkModules.application(moduleName(), arguments, context);
            FsMap map;
            try {
                map = FsMap.load(context.paths(), app);
            } catch (ConfigException e) {
                throw new MonitorCreationException("fsmon cannot read the replicated file systems of " + app + ": "
                        + String.join("; ", e.lines()), e);
            }
            List<Volume> volumes = new ArrayList<>();
            for (FsMapEntry entry : map.entries()) {
                try {
                    volumes.add(new Volume(entry.vg(), entry.lv(), DrbdResourceName.of(app, entry)));
                } catch (IllegalArgumentException e) {
                    throw new MonitorCreationException("fsmon: " + e.getMessage(), e);
                }
            }
            return new Fsmon(app, volumes, RequiredServices.require(context, DrbdDriver.class, moduleName()),
                    RequiredServices.require(context, WireClient.class, moduleName()), context.clock());
        }
    }
}
