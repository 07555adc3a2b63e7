package net.linuxha.cluster.membership;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

import net.linuxha.cluster.membership.FormationAction.ClusterFormed;
import net.linuxha.cluster.membership.FormationAction.FormationAbandoned;
import net.linuxha.cluster.membership.FormationAction.RequestPeerTime;
import net.linuxha.cluster.membership.FormationAction.SendAbortToPeer;
import net.linuxha.cluster.membership.FormationAction.SendChangeState;
import net.linuxha.cluster.membership.FormationAction.SendEcho;
import net.linuxha.cluster.membership.FormationEvent.EchoReply;
import net.linuxha.cluster.membership.FormationEvent.PeerTime;
import net.linuxha.cluster.membership.FormationEvent.StateChangeRequested;
import net.linuxha.cluster.membership.FormationSettings.Role;
import net.linuxha.cluster.membership.FormationState.Phase;
import net.linuxha.cluster.state.NodeState;
import net.linuxha.cluster.state.Step;

/**
 * The form / join handshake of a starting cluster daemon (5.4, 10.1, 10.2, 25.3), as a pure state machine.
 *
 * <ul>
 * <li><b>Primary, --form</b>: probe the networks for the peer, then ECHO it; when it answers FORMING ask it to
 * become STARTING, then UP ("Response to ECHO was STARTING (our state=FORMING)"); when it answers UP, "Both nodes
 * agree UP" and ask its TIME.</li>
 * <li><b>Secondary, --form</b>: wait for the primary's CHANGE_DSTATE requests; UP means formed.</li>
 * <li><b>--join</b>: ping the peer once (no answer on any network abandons the join), then ECHO HELLO=yes at random
 * intervals until it answers UP; then ask its TIME.</li>
 * <li>Clock: over 1 minute apart warns; over 10 minutes apart abandons unless --force ({@link ClockCheck}).</li>
 * <li>{@code clusterform} passes with no word from the peer: a forming node forms a one-node cluster with --force
 * and gives up without it. A joining node always gives up: the peer is supposed to be running a cluster already,
 * and running alone beside it would risk both nodes starting the same applications. A peer that answered and then
 * fell silent also ends formation: it has seen us, and may be UP.</li>
 * </ul>
 *
 * <p>A peer already UP when a primary first echoes it is running a cluster: forming would be wrong, joining right.
 * Events that do not apply to the current role or phase change nothing.
 */
public final class Formation {

    private final FormationSettings settings;
    private final RandomGenerator random;

    /** {@code random} picks a joining node's delays between echoes; tests pass a seeded generator. */
    public Formation(FormationSettings settings, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    public FormationSettings settings() {
        return settings;
    }

    /** The daemon has just started, at {@code now}. */
    public Step<FormationState, FormationAction> start(Instant now) {
        Instant deadline = now.plus(settings.clusterform());
        if (settings.role() == Role.SECONDARY) {
            FormationState s = new FormationState(Phase.WAITING_FOR_PEER, NodeState.DOWN.moveTo(NodeState.FORMING),
                    deadline, deadline, false, null, List.of());
            return new Step<>(s, List.of(Log.info("Waiting to form cluster with remote node.")));
        }
        FormationState s = new FormationState(Phase.LOCATING_PEER, NodeState.DOWN.moveTo(NodeState.FORMING),
                deadline, now.plus(settings.retryMin()), false, null, List.of());
        return new Step<>(s, List.of(new ProbeAllNetworks()));
    }

    /** Feeds one event that happened at {@code now}. */
    public Step<FormationState, FormationAction> on(FormationState s, FormationEvent event, Instant now) {
        if (s.phase().isFinished()) {
            return Step.stay(s);
        }
        if (event instanceof Tick) {
            return onTick(s, now);
        } else if (event instanceof ProbeResult probe) {
            return onProbe(s, probe, now);
        } else if (event instanceof EchoReply reply) {
            return onEchoReply(s, reply.peerState(), now);
        } else if (event instanceof PeerTime time) {
            return onPeerTime(s, time.peerClock(), now);
        } else if (event instanceof StateChangeRequested request) {
            return onStateChange(s, request.requested());
        }
        throw new IllegalArgumentException("Unknown formation event " + event);
    }

    private Step<FormationState, FormationAction> onTick(FormationState s, Instant now) {
        if (!now.isBefore(s.deadline())) {
            return onDeadline(s);
        }
        if (settings.role() == Role.SECONDARY || now.isBefore(s.nextAttemptAt())) {
            return Step.stay(s);
        }
        FormationAction again = switch (s.phase()) {
            case LOCATING_PEER -> new ProbeAllNetworks();
            case CHECKING_CLOCK -> new RequestPeerTime();
            default -> new SendEcho(settings.role() == Role.JOINING);
        };
        return new Step<>(s.withNextAttemptAt(now.plus(nextDelay())), List.of(again));
    }

    private Step<FormationState, FormationAction> onDeadline(FormationState s) {
        String peer = settings.peerNode();
        String waited = seconds(settings.clusterform());
        if (settings.role() == Role.JOINING) {
            return abandon(s, "Remote node " + peer + " did not answer UP within " + waited
                    + " - joining the cluster abandoned. Check with clstat that the cluster is running on " + peer
                    + ", or form it with clform.", false);
        }
        if (s.peerHeard()) {
            return abandon(s, "Remote node " + peer + " stopped answering during cluster formation (waited "
                    + waited + ") - cluster not formed. Check " + peer + " and its cluster daemon log, then form "
                    + "the cluster again.", settings.role() == Role.PRIMARY);
        }
        if (settings.force()) {
            List<String> alone = List.of(settings.localNode());
            return new Step<>(s.formed(alone), List.of(
                    Log.warn("No response from remote node " + peer + " within " + waited
                            + " - forming a one-node cluster since --force was given."),
                    new ClusterFormed(alone)));
        }
        return abandon(s, "No response from remote node " + peer + " within " + waited + " (clusterform) - "
                + "cluster not formed. Start the cluster daemon on " + peer + " at the same time, or use --force "
                + "to form a one-node cluster.", false);
    }

    private Step<FormationState, FormationAction> onProbe(FormationState s, ProbeResult probe, Instant now) {
        if (s.phase() != Phase.LOCATING_PEER) {
            return Step.stay(s);
        }
        boolean joining = settings.role() == Role.JOINING;
        if (probe.answers().isEmpty()) {
            if (joining) {
                return abandon(s, "Unable to ping remote node " + settings.peerNode() + " on any network - joining "
                        + "the cluster abandoned. Check that " + settings.peerNode() + " is up and that the "
                        + "networks in clconf.xml connect the two nodes.", false);
            }
            return Step.stay(s);
        }
        NetworkAnswer found = probe.answers().get(0);
        FormationState next = s.withPhase(Phase.WAITING_FOR_PEER).withNextAttemptAt(now.plus(nextDelay()));
        return new Step<>(next, List.of(
                Log.info("Ping of " + found.address() + " OK (network " + found.network() + ")!"),
                Log.info("Found IP for remote server: " + found.address()),
                Log.info("Waiting to " + (joining ? "join" : "form") + " cluster with remote node."),
                new SendEcho(joining)));
    }

    private Step<FormationState, FormationAction> onEchoReply(FormationState s, NodeState peer, Instant now) {
        if (s.phase() != Phase.WAITING_FOR_PEER || settings.role() == Role.SECONDARY) {
            return Step.stay(s);
        }
        FormationState heard = s.heard();
        List<FormationAction> actions = new ArrayList<>();
        if (settings.role() == Role.JOINING) {
            // The Reference's join log (10.2) shows no ECHO lines: a joiner just keeps asking until UP.
            if (peer != NodeState.UP) {
                return new Step<>(heard, actions);
            }
            actions.add(new RequestPeerTime());
            return new Step<>(heard.withPhase(Phase.CHECKING_CLOCK).withNextAttemptAt(now.plus(nextDelay())),
                    actions);
        }
        actions.add(Log.info("Response to ECHO was " + peer + " (our state=" + s.local() + ")"));
        switch (peer) {
            case FORMING -> {
                actions.add(new SendChangeState(NodeState.STARTING));
                actions.add(new SendEcho(false));
                return new Step<>(heard.withRequested(NodeState.STARTING), actions);
            }
            case STARTING -> {
                actions.add(new SendChangeState(NodeState.UP));
                actions.add(new SendEcho(false));
                return new Step<>(heard.withRequested(NodeState.UP), actions);
            }
            case UP -> {
                if (s.requestedOfPeer() != NodeState.UP) {
                    return abandon(heard, actions, "Remote node " + settings.peerNode() + " is already UP in a "
                            + "running cluster - not forming a new one. Use clform --join (or cldaemon --join) on "
                            + settings.localNode() + " to join it.", false);
                }
                actions.add(Log.info("Both nodes agree UP"));
                actions.add(new RequestPeerTime());
                return new Step<>(heard.withPhase(Phase.CHECKING_CLOCK).withNextAttemptAt(now.plus(nextDelay())),
                        actions);
            }
            default -> {
                return new Step<>(heard, actions);
            }
        }
    }

    private Step<FormationState, FormationAction> onPeerTime(FormationState s, Instant peerClock, Instant now) {
        if (s.phase() != Phase.CHECKING_CLOCK) {
            return Step.stay(s);
        }
        ClockCheck.Result clock = ClockCheck.compare(now, peerClock);
        List<FormationAction> actions = new ArrayList<>();
        String apart = "Time difference between nodes is " + seconds(clock.difference());
        switch (clock.verdict()) {
            case REFUSE -> {
                if (!settings.force()) {
                    return abandon(s, actions, "Time difference between nodes is >10 minutes - require --force to "
                            + "start!", settings.role() == Role.PRIMARY);
                }
                actions.add(Log.warn(apart + " (>10 minutes) - continuing since --force was given. Synchronise "
                        + "the clocks of both nodes (for example with NTP)."));
            }
            case WARN -> actions.add(Log.warn(apart + " (>1 minute) - synchronise the clocks of both nodes (for "
                    + "example with NTP)."));
            default -> {
                // Clocks agree: nothing to say.
            }
        }
        List<String> members = List.of(settings.localNode(), settings.peerNode());
        actions.add(Log.info(settings.role() == Role.JOINING
                ? "Node " + settings.localNode() + " has now joined the cluster"
                : "Cluster formed with nodes " + settings.localNode() + " and " + settings.peerNode()));
        actions.add(new ClusterFormed(members));
        return new Step<>(s.formed(members), actions);
    }

    private Step<FormationState, FormationAction> onStateChange(FormationState s, NodeState requested) {
        if (settings.role() != Role.SECONDARY || s.phase() != Phase.WAITING_FOR_PEER) {
            return Step.stay(s);
        }
        FormationState heard = s.heard();
        boolean forward = requested == NodeState.STARTING || requested == NodeState.UP;
        if (!forward || !s.local().canMoveTo(requested)) {
            return new Step<>(heard, List.of(Log.warn("Ignored request from node " + settings.peerNode()
                    + " to change state from " + s.local() + " to " + requested + ".")));
        }
        Log changed = Log.info("State changed to " + requested + " at the request of node " + settings.peerNode());
        if (requested == NodeState.STARTING) {
            return new Step<>(heard.withLocal(NodeState.STARTING), List.of(changed));
        }
        List<String> members = List.of(settings.peerNode(), settings.localNode());
        return new Step<>(heard.formed(members), List.of(changed,
                Log.info("Cluster formed with nodes " + settings.peerNode() + " and " + settings.localNode()),
                new ClusterFormed(members)));
    }

    private Step<FormationState, FormationAction> abandon(FormationState s, String reason, boolean abortPeer) {
        return abandon(s, new ArrayList<>(), reason, abortPeer);
    }

    private static Step<FormationState, FormationAction> abandon(FormationState s, List<FormationAction> before,
            String reason, boolean abortPeer) {
        List<FormationAction> actions = new ArrayList<>(before);
        actions.add(Log.error(reason));
        if (abortPeer) {
            actions.add(new SendAbortToPeer());
        }
        actions.add(new FormationAbandoned(reason));
        return new Step<>(s.abandoned(), actions);
    }

    private Duration nextDelay() {
        long min = settings.retryMin().toMillis();
        long max = settings.retryMax().toMillis();
        return Duration.ofMillis(min == max ? min : random.nextLong(min, max + 1));
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " seconds" : String.format("%.1f seconds", ms / 1000.0);
    }
}
