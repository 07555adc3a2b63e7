package net.linuxha.cluster.daemon;

import static net.linuxha.cluster.daemon.DaemonLog.LOG;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import net.linuxha.cluster.app.ApplicationActions;
import net.linuxha.cluster.app.ApplicationCatalog;
import net.linuxha.cluster.app.ApplicationRegistry;
import net.linuxha.cluster.app.DrbdStorageView;
import net.linuxha.cluster.app.StorageView;
import net.linuxha.cluster.app.ToolApplicationActions;
import net.linuxha.cluster.membership.Formation;
import net.linuxha.cluster.membership.FormationSettings;
import net.linuxha.cluster.membership.HeartbeatMonitor;
import net.linuxha.cluster.membership.HeartbeatTimings;
import net.linuxha.cluster.net.LocalCard;
import net.linuxha.cluster.net.LocalNetworks;
import net.linuxha.cluster.net.NetworkProber;
import net.linuxha.cluster.net.PeerAddresses;
import net.linuxha.cluster.net.PeerLink;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.Timings;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireServer;

/**
 * The cluster daemon of one node, wired from its parts: the wire server and its one dispatcher
 * ({@link ClusterRequestHandler}), membership ({@link Membership}: formation, heartbeats), the application registry
 * ({@link Applications}), node failures and split-brain ({@link NodeFailures}), the reset action
 * ({@link NodeReset}). {@link #start()} listens and begins forming or joining; {@link #finished()} completes with
 * the exit code when the daemon is told to ABORT, gives up forming, or resets in halt-node mode.
 */
public final class ClusterDaemon {

    /** Everything the daemon needs from outside; {@code actions} null means {@link ToolApplicationActions}. */
    public record Settings(ClusterSetup setup, StartMode mode, Clock clock, WireContext wire, CommandRunner runner,
                           Path home, LogControl logs, InetSocketAddress bind, ApplicationActions actions,
                           Optional<Path> outcomeFile) {
        public Settings {
            Objects.requireNonNull(setup, "setup");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(wire, "wire");
            Objects.requireNonNull(runner, "runner");
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(logs, "logs");
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(outcomeFile, "outcomeFile");
        }
    }

    private final Settings s;
    private final ClusterConfig config;
    private final DaemonExecutors executors = new DaemonExecutors();
    private final CompletableFuture<ExitCode> finished = new CompletableFuture<>();
    private final Siblings siblings;
    private final LocalNetworks localNetworks;
    private final PeerAddresses peerAddresses;
    private final Membership membership;
    private final Applications applications;
    private final NodeFailures failures;
    private final LemsSupervisor lems;
    private final ClusterRequestHandler handler;
    private final DaemonView view;
    private final Duration tick;
    private WireServer server;

    /** The daemon with this node's real storage (DRBD through the shell layer). */
    public ClusterDaemon(Settings settings) throws ConfigException {
        this(settings, DrbdStorageView.open(settings.setup(), settings.runner(), settings.clock()));
    }

    /** The daemon with {@code storage} answering the DRBD requests (tests record them). */
    public ClusterDaemon(Settings settings, StorageView storage) throws ConfigException {
        this.s = settings;
        this.config = settings.setup().config();
        ClusterNode local = settings.setup().local();
        String peerNode = settings.setup().peer().name();
        String localNode = local.name();
        Timings t = config.timings();
        HeartbeatTimings timings = new HeartbeatTimings(t.keepalive(), t.warn(), t.dead());
        this.tick = Duration.ofMillis(Math.max(50, Math.min(250, t.keepalive().toMillis() / 2)));
        this.siblings = new Siblings(settings.home(), settings.runner());
        this.localNetworks = new LocalNetworks(local, new IpDriver(settings.runner()));
        this.peerAddresses = new PeerAddresses(peerNode, config.networkNames(),
                settings.setup().paths().runDir().resolve("peer-" + peerNode + ".addresses"));
        PeerLink peer = new PeerLink(peerNode, config.port(), peerAddresses, settings.wire());
        NetworkProber prober = new NetworkProber(settings.runner(), config.echoType(), config.port());
        Duration clusterform = settings.mode().timeout().orElse(t.clusterform());
        boolean primary = config.nodes().get(0).name().equals(localNode);
        FormationSettings formationSettings = settings.mode().join()
                ? FormationSettings.join(localNode, peerNode, settings.mode().force(), clusterform,
                        Duration.ofMillis(500), Duration.ofMillis(1500))
                : FormationSettings.form(localNode, peerNode, primary, settings.mode().force(), clusterform,
                        Duration.ofSeconds(1));
        Formation formation = new Formation(formationSettings, new SecureRandom());
        HeartbeatMonitor monitor = new HeartbeatMonitor(peerNode, config.networkNames(), timings);
        ApplicationRegistry registry = new ApplicationRegistry();
        ApplicationActions actions = settings.actions() != null ? settings.actions()
                : new ToolApplicationActions(settings.home(), settings.runner(), settings.setup().paths(),
                        executors.io());
        Listener listener = new Listener();
        this.membership = new Membership(localNode, formation, monitor, peer, localNetworks, prober, executors,
                settings.clock(), listener);
        this.view = new DaemonView(localNode, peerNode, config.nodes().stream().map(ClusterNode::name)
                .toList(), settings.clock(), registry, new ApplicationCatalog(settings.setup().paths()), actions, peer,
                localNetworks, prober, executors, membership);
        this.lems = new LemsSupervisor(view, siblings);
        this.applications = new Applications(view, lems);
        NodeReset reset = new NodeReset(NodeReset.configured(), settings.runner(), view, this::haltNode);
        this.failures = new NodeFailures(view, applications, reset);
        PeerForward forward = new PeerForward(view);
        this.handler = new ClusterRequestHandler(view, applications, failures, reset, settings.logs(),
                () -> stop(ExitCode.SUCCESS), new DrbdRequests(view, storage, forward), forward);
    }

    /**
     * Checks the lab-only environment settings (clock offset, reset action) before anything starts, so that a
     * wrong value is a usage error naming the variable rather than a failure half way.
     */
    public static void checkEnvironment() {
        DaemonClock.offset();
        NodeReset.configured();
    }

    /** Starts the sibling daemons, listens on the cluster port, and begins forming or joining. */
    public void start() throws IOException {
        LOG.info("Global section configuration validation complete");
        siblings.startDaemons(config);
        try {
            server = WireServer.start(s.bind(), s.wire(), ClusterRequest.VOCABULARY, handler);
        } catch (IOException e) {
            writeOutcome("FAILED " + e.getMessage());
            throw e;
        }
        for (String keyword : ClusterRequest.VOCABULARY.keywords()) {
            LOG.debug("Added request {} ({})", keyword, ClusterRequest.VOCABULARY.usage(keyword));
        }
        LOG.info("Started local server on port {}", server.localAddress().getPort());
        writeOutcome("LISTENING " + ProcessHandle.current().pid());
        executors.onState(() -> {
            Map<String, LocalCard> cards = Map.of();
            try {
                cards = localNetworks.cards();
            } catch (RuntimeException e) {
                LOG.error("Cannot read this node's cards: {} - the networks cannot be probed", e.getMessage());
            }
            peerAddresses.bootstrap(cards.values());
            membership.start(cards);
        });
        executors.every(tick, () -> {
            membership.tick();
            failures.tick(s.clock().instant());
        });
        executors.every(LemsSupervisor.PERIOD, () -> applicationsHere().forEach(lems::ensureRunning));
    }

    /** The port the daemon listens on (tests bind port 0). */
    public int port() {
        return server.localAddress().getPort();
    }

    /** Completes with the exit code when the daemon has stopped. */
    public CompletableFuture<ExitCode> finished() {
        return finished;
    }

    /** Stops listening and ends the daemon; applications are left running (21.5). */
    public void stop(ExitCode code) {
        if (finished.isDone()) {
            return;
        }
        if (server != null) {
            server.close();
        }
        executors.close();
        finished.complete(code);
    }

    /** The applications whose Lems this daemon keeps running: those STARTED here. */
    private List<String> applicationsHere() {
        return view.registry().runningOn(view.localNode()).stream()
                .filter(a -> LemsSupervisor.supervises(a, view.localNode())).map(a -> a.name()).toList();
    }

    /** halt-node: applications were stopped; now abort the lock and network daemons and end. */
    private void haltNode() {
        executors.io(() -> {
            SiblingAbort.abortAll(config, s.wire());
            return null;
        }).whenComplete((r, e) -> stop(ExitCode.FAILURE));
    }

    private void writeOutcome(String line) {
        s.outcomeFile().ifPresent(file -> {
            try {
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.warn("Cannot write the start-up outcome to {}: {}", file, e.getMessage());
            }
        });
    }

    private final class Listener implements MembershipListener {
        @Override
        public void formed(List<String> members) {
            applications.registerAll();
        }

        @Override
        public void abandoned(String reason) {
            stop(ExitCode.FAILURE);
        }

        @Override
        public void peerUp() {
            failures.peerBack();
        }

        @Override
        public void peerDaemonDied() {
            // Nothing moves (21.5): the log line has been written by the heartbeat monitor.
        }

        @Override
        public void peerUnreachable() {
            failures.peerUnreachable();
        }
    }
}
