package net.linuxha.cluster.membership;

import static net.linuxha.cluster.membership.HeartbeatTimings.seconds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.cluster.membership.HeartbeatAction.PeerDaemonDied;
import net.linuxha.cluster.membership.HeartbeatAction.PeerReachableAgain;
import net.linuxha.cluster.membership.HeartbeatAction.PeerUnreachable;
import net.linuxha.cluster.membership.HeartbeatAction.SendHeartbeat;
import net.linuxha.cluster.membership.HeartbeatEvent.HeartbeatReceived;
import net.linuxha.cluster.membership.HeartbeatState.ProbeOutcome;
import net.linuxha.cluster.membership.HeartbeatState.Verdict;
import net.linuxha.cluster.state.Step;

/**
 * Heartbeats with the peer, as 7.2.2 describes them, as a pure state machine.
 *
 * <ul>
 * <li>One heartbeat every {@code keepalive}, over ONE network at a time.</li>
 * <li>No heartbeat from the peer for {@code warn}: log a warning and re-scan all networks (ProbeAllNetworks); the
 * first network to answer the echo probe carries the heartbeats from then on. While the silence lasts the scan is
 * repeated every {@code keepalive}.</li>
 * <li>No heartbeat for {@code dead}: the verdict rests on a probe <em>started</em> after {@code dead} had passed,
 * so that a host that answered at {@code warn} and lost power afterwards is not taken for alive. No network
 * answers: {@link PeerUnreachable}, the peer is a dead candidate (21.6 decides). A network answers: the host is up
 * and only its daemon died, {@link PeerDaemonDied} (21.5). Detection time is therefore {@code dead} plus one probe.
 * </li>
 * <li>After {@link PeerDaemonDied}, probes go on every {@code keepalive}; one that finds no network answering makes
 * the peer {@link PeerUnreachable} after all (the whole node went down after its daemon stopped answering).</li>
 * <li>A heartbeat after a verdict reports {@link PeerReachableAgain}, so the daemon can look for applications now
 * running on both nodes.</li>
 * </ul>
 *
 * <p>The I/O layer feeds a {@link Tick} at least every half {@code keepalive}; the monitor's precision is one tick.
 */
public final class HeartbeatMonitor {

    private final String peerNode;
    private final List<String> networks;
    private final HeartbeatTimings timings;

    /** {@code networks}: the cluster topology's network names, in clconf.xml order. */
    public HeartbeatMonitor(String peerNode, List<String> networks, HeartbeatTimings timings) {
        this.peerNode = Objects.requireNonNull(peerNode, "peerNode");
        this.networks = List.copyOf(networks);
        this.timings = Objects.requireNonNull(timings, "timings");
        if (this.networks.isEmpty()) {
            throw new IllegalArgumentException("The cluster topology in clconf.xml defines no network: at least one "
                    + "network is needed to carry heartbeats");
        }
    }

    public HeartbeatTimings timings() {
        return timings;
    }

    /** Starts monitoring at {@code now} over {@code network} (where formation found the peer). */
    public Step<HeartbeatState, HeartbeatAction> start(Instant now, String network) {
        requireKnown(network);
        HeartbeatState s = new HeartbeatState(network, now, now, false, false, null, ProbeOutcome.NONE,
                Verdict.NONE);
        return new Step<>(s, List.of(new SendHeartbeat(network)));
    }

    /** Feeds one event that happened at {@code now}. */
    public Step<HeartbeatState, HeartbeatAction> on(HeartbeatState s, HeartbeatEvent event, Instant now) {
        if (event instanceof Tick) {
            return onTick(s, now);
        } else if (event instanceof ProbeResult probe) {
            return onProbe(s, probe, now);
        } else if (event instanceof HeartbeatReceived received) {
            return onHeartbeat(s, received.network(), now);
        }
        throw new IllegalArgumentException("Unknown heartbeat event " + event);
    }

    private Step<HeartbeatState, HeartbeatAction> onTick(HeartbeatState s, Instant now) {
        List<HeartbeatAction> actions = new ArrayList<>();
        if (!now.isBefore(s.lastSent().plus(timings.keepalive()))) {
            actions.add(new SendHeartbeat(s.network()));
            s = s.sent(now);
        }
        Duration silence = Duration.between(s.lastHeard(), now);
        if (silence.compareTo(timings.warn()) < 0) {
            return new Step<>(s, actions);
        }
        if (!s.warned()) {
            actions.add(Log.warn("No heartbeat from node " + peerNode + " for " + seconds(silence) + " (warn is "
                    + seconds(timings.warn()) + ") - rescanning all networks."));
            s = s.warned(true);
        }
        if (!s.probing()) {
            if (verdictDue(s, now)) {
                return conclude(s, actions, silence);
            }
            if (probeDue(s, now)) {
                actions.add(new ProbeAllNetworks());
                s = s.probeStarted(now);
            }
        }
        return new Step<>(s, actions);
    }

    private Step<HeartbeatState, HeartbeatAction> onProbe(HeartbeatState s, ProbeResult probe, Instant now) {
        if (!s.probing()) {
            return Step.stay(s);
        }
        if (s.verdict() == Verdict.NONE && s.probeStartedAt() != null && s.probeStartedAt().isBefore(s.lastHeard())) {
            // A heartbeat arrived while this probe ran: what it found is out of date; say nothing about it.
            return Step.stay(s.probeFinished(ProbeOutcome.NONE, s.network()));
        }
        List<HeartbeatAction> actions = new ArrayList<>();
        Optional<String> first = probe.answers().stream().map(NetworkAnswer::network).filter(networks::contains)
                .findFirst();
        if (first.isEmpty()) {
            if (s.probeOutcome() != ProbeOutcome.NO_ANSWER) {
                actions.add(Log.warn("Node " + peerNode + " does not answer on any network."));
            }
            s = s.probeFinished(ProbeOutcome.NO_ANSWER, s.network());
            if (s.verdict() == Verdict.DAEMON_DIED) {
                // The host answered after dead, so only its daemon seemed dead; now the host is gone as well (a
                // power loss takes a moment: a frozen node's kernel still answers pings): it is a dead candidate.
                return conclude(s, actions, Duration.between(s.lastHeard(), now));
            }
        } else {
            String network = first.get();
            if (!network.equals(s.network())) {
                actions.add(Log.info("Heartbeats to node " + peerNode + " now use network " + network
                        + " (was " + s.network() + ")."));
            }
            s = s.probeFinished(ProbeOutcome.ANSWERED, network);
            if (s.verdict() == Verdict.NONE) {
                // Try the network that answered at once rather than waiting up to a keepalive.
                actions.add(new SendHeartbeat(network));
                s = s.sent(now);
            }
        }
        if (verdictDue(s, now)) {
            return conclude(s, actions, Duration.between(s.lastHeard(), now));
        }
        return new Step<>(s, actions);
    }

    private Step<HeartbeatState, HeartbeatAction> onHeartbeat(HeartbeatState s, String network, Instant now) {
        List<HeartbeatAction> actions = new ArrayList<>();
        Duration silence = Duration.between(s.lastHeard(), now);
        if (s.verdict() != Verdict.NONE) {
            actions.add(Log.info("Heartbeat from node " + peerNode + " received again on network " + network
                    + " after " + seconds(silence) + " - communication re-established."));
            actions.add(new PeerReachableAgain(peerNode, network));
        } else if (s.warned()) {
            actions.add(Log.info("Heartbeat from node " + peerNode + " received again on network " + network
                    + " after " + seconds(silence) + "."));
        }
        return new Step<>(s.heard(now), actions);
    }

    /** A verdict is due once silent for dead, judged by a completed probe started after dead had passed. */
    private boolean verdictDue(HeartbeatState s, Instant now) {
        Instant deadAt = s.lastHeard().plus(timings.dead());
        return s.verdict() == Verdict.NONE && !s.probing() && !now.isBefore(deadAt)
                && s.probeStartedAt() != null && !s.probeStartedAt().isBefore(deadAt);
    }

    private boolean probeDue(HeartbeatState s, Instant now) {
        Instant started = s.probeStartedAt();
        if (started == null || started.isBefore(s.lastHeard())) {
            return true;
        }
        Instant deadAt = s.lastHeard().plus(timings.dead());
        boolean verdictNeedsFreshProbe = s.verdict() == Verdict.NONE && !now.isBefore(deadAt)
                && started.isBefore(deadAt);
        return verdictNeedsFreshProbe || !now.isBefore(started.plus(timings.keepalive()));
    }

    private Step<HeartbeatState, HeartbeatAction> conclude(HeartbeatState s, List<HeartbeatAction> actions,
            Duration silence) {
        if (s.probeOutcome() == ProbeOutcome.ANSWERED && s.verdict() == Verdict.NONE) {
            actions.add(Log.warn("No heartbeat from node " + peerNode + " for " + seconds(silence) + " but it answers "
                    + "on network " + s.network() + " - its cluster daemon has died; applications are left "
                    + "undisturbed."));
            actions.add(new PeerDaemonDied(peerNode, s.network()));
            return new Step<>(s.concluded(Verdict.DAEMON_DIED), actions);
        }
        actions.add(Log.warn("Node " + peerNode + " is not reachable on any network after " + seconds(silence)
                + " without a heartbeat (dead is " + seconds(timings.dead()) + ")."));
        actions.add(new PeerUnreachable(peerNode));
        return new Step<>(s.concluded(Verdict.UNREACHABLE), actions);
    }

    private void requireKnown(String network) {
        if (!networks.contains(network)) {
            throw new IllegalArgumentException("Network '" + network + "' is not in the cluster topology "
                    + networks + " of clconf.xml");
        }
    }
}
