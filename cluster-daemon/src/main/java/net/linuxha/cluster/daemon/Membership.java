package net.linuxha.cluster.daemon;

import static net.linuxha.cluster.daemon.DaemonLog.LOG;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import net.linuxha.cluster.membership.Formation;
import net.linuxha.cluster.membership.FormationAction;
import net.linuxha.cluster.membership.FormationEvent;
import net.linuxha.cluster.membership.FormationState;
import net.linuxha.cluster.membership.HeartbeatAction;
import net.linuxha.cluster.membership.HeartbeatEvent;
import net.linuxha.cluster.membership.HeartbeatMonitor;
import net.linuxha.cluster.membership.HeartbeatState;
import net.linuxha.cluster.membership.Log;
import net.linuxha.cluster.membership.ProbeAllNetworks;
import net.linuxha.cluster.membership.ProbeResult;
import net.linuxha.cluster.membership.Tick;
import net.linuxha.cluster.net.LocalCard;
import net.linuxha.cluster.net.LocalNetworks;
import net.linuxha.cluster.net.NetworkProber;
import net.linuxha.cluster.net.PeerLink;
import net.linuxha.cluster.state.NodeState;
import net.linuxha.cluster.state.Step;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.Request;

/**
 * Who is in the cluster, as I/O around the pure {@link Formation} and {@link HeartbeatMonitor}: feeds them ticks,
 * echo answers and heartbeats, and performs their actions (probes, ECHO, CHANGE_DSTATE, TIME, ABORT to the peer).
 * Lives on the state thread; blocking work goes to the I/O executor and its result comes back as an event.
 *
 * <p>Heartbeats are ECHO requests carrying {@code node=}, {@code net=} and {@code addrs=}: an answered heartbeat and
 * a heartbeat received from the peer both count as hearing from it.
 */
final class Membership {

    private final String localNode;
    private final String peerNode;
    private final Formation formation;
    private final HeartbeatMonitor monitor;
    private final PeerLink peer;
    private final LocalNetworks localNetworks;
    private final NetworkProber prober;
    private final DaemonExecutors executors;
    private final Clock clock;
    private final MembershipListener listener;

    private NodeState localState = NodeState.FORMING;
    private NodeState peerState = NodeState.DOWN;
    private FormationState formationState;
    private HeartbeatState heartbeat;
    private String network;
    private boolean heartbeatInFlight;
    private boolean probing;
    private volatile String ownAddresses = "";
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    Membership(String localNode, Formation formation, HeartbeatMonitor monitor, PeerLink peer,
               LocalNetworks localNetworks, NetworkProber prober, DaemonExecutors executors, Clock clock,
               MembershipListener listener) {
        this.localNode = Objects.requireNonNull(localNode, "localNode");
        this.peerNode = peer.peerNode();
        this.formation = formation;
        this.monitor = monitor;
        this.peer = peer;
        this.localNetworks = localNetworks;
        this.prober = prober;
        this.executors = executors;
        this.clock = clock;
        this.listener = listener;
    }

    NodeState localState() {
        return localState;
    }

    NodeState peerState() {
        return peerState;
    }

    boolean formed() {
        return localState == NodeState.UP;
    }

    boolean peerUp() {
        return peerState == NodeState.UP;
    }

    /** The network heartbeats use now, if any. */
    Optional<String> network() {
        return Optional.ofNullable(network);
    }

    /** Starts formation; {@code cards} are this node's cards as found at start-up. */
    void start(Map<String, LocalCard> cards) {
        ownAddresses = LocalNetworks.format(cards);
        formationState = performFormation(formation.start(clock.instant()));
    }

    /** Called every tick on the state thread. */
    void tick() {
        Instant now = clock.instant();
        if (!formationState.phase().isFinished()) {
            onFormation(new Tick(), now);
        } else if (heartbeat != null) {
            onHeartbeat(new Tick(), now);
        }
    }

    /** An ECHO arrived; returns the answer (our node state). */
    String onEcho(ClusterRequest.Echo echo) {
        echo.addresses().ifPresent(a -> peer.addresses().learn(a));
        boolean fromPeer = echo.node().map(peerNode::equalsIgnoreCase).orElse(false);
        if (fromPeer && echo.hello()) {
            LOG.info("Node {} is attempting to join the cluster", peerNode);
        }
        if (fromPeer && !echo.check() && !echo.hello()) {
            String net = echo.network().filter(n -> peer.addresses().all().containsKey(n)).orElse(network);
            if (network == null && net != null) {
                network = net;
            }
            heardFromPeer(net);
        }
        return localState.name();
    }

    /** CHANGE_DSTATE from the primary while we form as the secondary. */
    void onChangeState(NodeState requested) {
        if (formationState.phase().isFinished()) {
            LOG.warn("Ignored CHANGE_DSTATE state={} from node {}: the cluster is already {}", requested, peerNode,
                    localState);
            return;
        }
        onFormation(new FormationEvent.StateChangeRequested(requested), clock.instant());
    }

    private void heardFromPeer(String net) {
        if (!formed() || net == null) {
            return;
        }
        if (heartbeat == null) {
            peer.prefer(net);
            heartbeat = performHeartbeat(monitor.start(clock.instant(), net));
        }
        if (peerState != NodeState.UP && heartbeat.verdict() == HeartbeatState.Verdict.NONE) {
            markPeerUp("Node " + peerNode + " has joined the cluster");
        }
        onHeartbeat(new HeartbeatEvent.HeartbeatReceived(net), clock.instant());
    }

    private void markPeerUp(String message) {
        if (peerState == NodeState.DIED) {
            peerState = NodeState.DIED.moveTo(NodeState.FORMING);
        } else if (peerState == NodeState.DOWN) {
            peerState = NodeState.DOWN.moveTo(NodeState.FORMING);
        }
        if (peerState != NodeState.UP) {
            peerState = peerState.moveTo(NodeState.UP);
            LOG.info("{}", message);
            listener.peerUp();
        }
    }

    private void onFormation(FormationEvent event, Instant now) {
        if (formationState.phase().isFinished()) {
            return;
        }
        formationState = performFormation(formation.on(formationState, event, now));
    }

    private FormationState performFormation(Step<FormationState, FormationAction> step) {
        FormationState s = step.state();
        if (!s.phase().isFinished()) {
            localState = s.local();
        }
        for (FormationAction action : step.actions()) {
            if (action instanceof Log line) {
                DaemonLog.write(line);
            } else if (action instanceof ProbeAllNetworks) {
                probe(result -> {
                    if (!result.answers().isEmpty()) {
                        network = result.answers().get(0).network();
                        peer.prefer(network);
                    }
                    onFormation(result, clock.instant());
                });
            } else if (action instanceof FormationAction.SendEcho echo) {
                ask(echo(echo.hello()), reply -> parseState(reply).ifPresent(state ->
                        onFormation(new FormationEvent.EchoReply(state), clock.instant())));
            } else if (action instanceof FormationAction.SendChangeState change) {
                ask(new ClusterRequest.ChangeDstate(change.state().name()), reply -> { });
            } else if (action instanceof FormationAction.RequestPeerTime) {
                ask(new ClusterRequest.Time(), reply -> parseTime(reply).ifPresent(t ->
                        onFormation(new FormationEvent.PeerTime(t), clock.instant())));
            } else if (action instanceof FormationAction.SendAbortToPeer) {
                ask(new ClusterRequest.Abort(false), reply -> { });
            } else if (action instanceof FormationAction.ClusterFormed formed) {
                onFormed(s, formed.members());
            } else if (action instanceof FormationAction.FormationAbandoned abandoned) {
                localState = NodeState.DOWN;
                // The daemon exits once the messages before this one (the ABORT to the peer) have gone out.
                sending.handle((x, e) -> null).thenRun(() -> executors.onState(() ->
                        listener.abandoned(abandoned.reason())));
            }
        }
        return s;
    }

    private void onFormed(FormationState s, List<String> members) {
        localState = NodeState.UP;
        if (members.contains(peerNode)) {
            peerState = NodeState.UP;
            String net = network != null ? network : peer.addresses().all().keySet().stream().findFirst()
                    .orElse(null);
            if (net != null) {
                network = net;
                peer.prefer(net);
                heartbeat = performHeartbeat(monitor.start(clock.instant(), net));
            } else {
                LOG.error("No address of node {} is known on any network - heartbeats cannot be sent; check the "
                        + "networks in clconf.xml and name resolution of {}", peerNode, peerNode);
            }
        }
        listener.formed(members);
    }

    private void onHeartbeat(HeartbeatEvent event, Instant now) {
        if (heartbeat != null) {
            heartbeat = performHeartbeat(monitor.on(heartbeat, event, now));
        }
    }

    private HeartbeatState performHeartbeat(Step<HeartbeatState, HeartbeatAction> step) {
        HeartbeatState s = step.state();
        if (!s.network().equals(network)) {
            network = s.network();
            peer.prefer(network);
        }
        for (HeartbeatAction action : step.actions()) {
            if (action instanceof Log line) {
                DaemonLog.write(line);
            } else if (action instanceof ProbeAllNetworks) {
                probe(result -> onHeartbeat(result, clock.instant()));
            } else if (action instanceof HeartbeatAction.SendHeartbeat send) {
                sendHeartbeat(send.network());
            } else if (action instanceof HeartbeatAction.PeerDaemonDied) {
                peerState = peerState == NodeState.UP ? NodeState.UP.moveTo(NodeState.DIED) : peerState;
                listener.peerDaemonDied();
            } else if (action instanceof HeartbeatAction.PeerUnreachable) {
                peerState = peerState == NodeState.UP ? NodeState.UP.moveTo(NodeState.DIED) : peerState;
                listener.peerUnreachable();
            } else if (action instanceof HeartbeatAction.PeerReachableAgain) {
                markPeerUp("Node " + peerNode + " is back in the cluster");
            }
        }
        return s;
    }

    private void sendHeartbeat(String net) {
        if (heartbeatInFlight) {
            return;
        }
        heartbeatInFlight = true;
        ClusterRequest.Echo echo = new ClusterRequest.Echo(false, false, Optional.of(localNode), Optional.of(net),
                Optional.of(ownAddresses));
        executors.io(() -> peer.sendOn(net, echo)).whenComplete((reply, error) -> executors.onState(() -> {
            heartbeatInFlight = false;
            if (error == null && parseState(reply).isPresent()) {
                onHeartbeat(new HeartbeatEvent.HeartbeatReceived(net), clock.instant());
            }
        }));
    }

    private void probe(Consumer<ProbeResult> then) {
        if (probing) {
            return;
        }
        probing = true;
        executors.io(() -> {
            Map<String, LocalCard> cards = localNetworks.cards();
            ownAddresses = LocalNetworks.format(cards);
            return new ProbeResult(prober.probeAll(cards, peer.addresses().all()));
        }).whenComplete((result, error) -> executors.onState(() -> {
            probing = false;
            if (error != null) {
                LOG.warn("Probing the networks for node {} failed: {}", peerNode, DaemonExecutors.cause(error)
                        .getMessage());
            }
            then.accept(error == null ? result : ProbeResult.none());
        }));
    }

    private ClusterRequest.Echo echo(boolean hello) {
        return new ClusterRequest.Echo(false, hello, Optional.of(localNode), Optional.ofNullable(network),
                Optional.of(ownAddresses));
    }

    /** Sends to the peer over the current network; the answer comes back on the state thread. */
    private void ask(Request request, Consumer<Reply> then) {
        String net = network;
        // Formation's messages go one after the other: an ECHO must see the CHANGE_DSTATE sent before it.
        CompletableFuture<Reply> sent = sending.handle((x, e) -> null).thenApplyAsync(x -> {
            try {
                return net != null ? peer.sendOn(net, request) : peer.send(request);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, executors.io());
        sending = sent;
        sent.whenComplete((reply, error) -> {
            if (error == null) {
                executors.onState(() -> then.accept(reply));
            } else {
                LOG.debug("{} to node {} failed: {}", request.keyword(), peerNode,
                        DaemonExecutors.cause(error).getMessage());
            }
        });
    }

    private static Optional<NodeState> parseState(Reply reply) {
        try {
            return Optional.of(NodeState.fromWire(reply.code()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> parseTime(Reply reply) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(reply.code())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
