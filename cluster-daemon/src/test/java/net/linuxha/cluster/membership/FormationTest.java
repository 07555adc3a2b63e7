package net.linuxha.cluster.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import net.linuxha.cluster.membership.FormationAction.ClusterFormed;
import net.linuxha.cluster.membership.FormationAction.FormationAbandoned;
import net.linuxha.cluster.membership.FormationAction.RequestPeerTime;
import net.linuxha.cluster.membership.FormationAction.SendAbortToPeer;
import net.linuxha.cluster.membership.FormationAction.SendChangeState;
import net.linuxha.cluster.membership.FormationAction.SendEcho;
import net.linuxha.cluster.membership.FormationEvent.EchoReply;
import net.linuxha.cluster.membership.FormationEvent.PeerTime;
import net.linuxha.cluster.membership.FormationEvent.StateChangeRequested;
import net.linuxha.cluster.membership.FormationState.Phase;
import net.linuxha.cluster.state.NodeState;
import net.linuxha.cluster.state.Step;

/**
 * Proves the form / join handshake of 10.1, 10.2 and 25.3: the log lines the Reference shows, the CHANGE_DSTATE
 * sequence, the clock rule, --force, and giving up after clusterform; all with a hand-moved clock.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FormationTest {

    private static final Instant T0 = Instant.parse("2005-06-06T23:14:16Z");
    private static final Duration CLUSTERFORM = Duration.ofSeconds(60);
    private static final NetworkAnswer DRBD = new NetworkAnswer("drbd", "192.168.100.34");

    /** Drives one Formation and keeps its state, as the daemon's I/O layer will. */
    private static final class Driver {
        final Formation formation;
        FormationState state;

        Driver(FormationSettings settings) {
            formation = new Formation(settings, new SplittableRandom(42));
            Step<FormationState, FormationAction> step = formation.start(T0);
            state = step.state();
            first = step.actions();
        }

        List<FormationAction> first;

        List<FormationAction> at(long seconds, FormationEvent event) {
            Step<FormationState, FormationAction> step = formation.on(state, event, T0.plusSeconds(seconds));
            state = step.state();
            return step.actions();
        }
    }

    private static Driver primary(boolean force) {
        return new Driver(FormationSettings.form("s14s1", "s14s2", true, force, CLUSTERFORM, Duration.ofSeconds(2)));
    }

    private static Driver secondary(boolean force) {
        return new Driver(FormationSettings.form("s14s2", "s14s1", false, force, CLUSTERFORM, Duration.ofSeconds(2)));
    }

    private static Driver joiner(boolean force) {
        return new Driver(FormationSettings.join("s14s1", "s14s2", force, CLUSTERFORM, Duration.ofSeconds(1),
                Duration.ofSeconds(3)));
    }

    private static List<String> logs(List<FormationAction> actions) {
        return actions.stream().filter(Log.class::isInstance).map(a -> ((Log) a).level() + " " + ((Log) a).text())
                .toList();
    }

    /** Brings a primary to CHECKING_CLOCK along the Reference's 10.1 log. */
    private static Driver primaryAgreedUp(boolean force) {
        Driver d = primary(force);
        d.at(1, ProbeResult.of(DRBD));
        d.at(3, new EchoReply(NodeState.FORMING));
        d.at(3, new EchoReply(NodeState.STARTING));
        d.at(3, new EchoReply(NodeState.UP));
        assertEquals(Phase.CHECKING_CLOCK, d.state.phase());
        return d;
    }

    @Test
    void primaryFormsAlongTheReferenceLog() {
        Driver d = primary(false);
        assertEquals(List.of(new ProbeAllNetworks()), d.first);
        assertEquals(NodeState.FORMING, d.state.local());

        List<FormationAction> found = d.at(1, ProbeResult.of(DRBD, new NetworkAnswer("main", "10.0.0.2")));
        assertEquals(List.of("INFO Ping of 192.168.100.34 OK (network drbd)!",
                "INFO Found IP for remote server: 192.168.100.34",
                "INFO Waiting to form cluster with remote node."), logs(found));
        assertEquals(new SendEcho(false), found.get(found.size() - 1));

        List<FormationAction> a = d.at(3, new EchoReply(NodeState.FORMING));
        assertEquals(List.of(new Log(LogLevel.INFO, "Response to ECHO was FORMING (our state=FORMING)"),
                new SendChangeState(NodeState.STARTING), new SendEcho(false)), a);
        a = d.at(3, new EchoReply(NodeState.STARTING));
        assertEquals(List.of(new Log(LogLevel.INFO, "Response to ECHO was STARTING (our state=FORMING)"),
                new SendChangeState(NodeState.UP), new SendEcho(false)), a);
        a = d.at(3, new EchoReply(NodeState.UP));
        assertEquals(List.of(new Log(LogLevel.INFO, "Response to ECHO was UP (our state=FORMING)"),
                new Log(LogLevel.INFO, "Both nodes agree UP"), new RequestPeerTime()), a);

        a = d.at(5, new PeerTime(T0.plusSeconds(5 + 30)));
        assertEquals(List.of("INFO Cluster formed with nodes s14s1 and s14s2"), logs(a));
        assertEquals(new ClusterFormed(List.of("s14s1", "s14s2")), a.get(a.size() - 1));
        assertEquals(Phase.FORMED, d.state.phase());
        assertEquals(NodeState.UP, d.state.local());
        assertEquals(List.of("s14s1", "s14s2"), d.state.members());
    }

    @Test
    void clocksOverTenMinutesApartAbandonAndAbortThePeer() {
        Driver d = primaryAgreedUp(false);
        List<FormationAction> a = d.at(5, new PeerTime(T0.plusSeconds(5).plus(Duration.ofMinutes(11))));
        assertEquals(List.of("ERROR Time difference between nodes is >10 minutes - require --force to start!"),
                logs(a));
        assertTrue(a.contains(new SendAbortToPeer()));
        assertEquals(1, a.stream().filter(FormationAbandoned.class::isInstance).count());
        assertEquals(Phase.ABANDONED, d.state.phase());
        assertEquals(NodeState.DOWN, d.state.local());
    }

    @Test
    void forceOvercomesTheClockWithAWarning() {
        Driver d = primaryAgreedUp(true);
        List<FormationAction> a = d.at(5, new PeerTime(T0.plusSeconds(5).minus(Duration.ofMinutes(11))));
        assertEquals(List.of("WARN Time difference between nodes is 660 seconds (>10 minutes) - continuing since "
                + "--force was given. Synchronise the clocks of both nodes (for example with NTP).",
                "INFO Cluster formed with nodes s14s1 and s14s2"), logs(a));
        assertEquals(Phase.FORMED, d.state.phase());
    }

    @Test
    void clocksOverOneMinuteApartWarnButForm() {
        Driver d = primaryAgreedUp(false);
        List<FormationAction> a = d.at(5, new PeerTime(T0.plusSeconds(5 + 90)));
        assertEquals("WARN Time difference between nodes is 90 seconds (>1 minute) - synchronise the clocks of "
                + "both nodes (for example with NTP).", logs(a).get(0));
        assertEquals(Phase.FORMED, d.state.phase());
    }

    @Test
    void primaryProbesAgainUntilThePeerAnswersOnSomeNetwork() {
        Driver d = primary(false);
        assertEquals(List.of(), d.at(1, ProbeResult.none()));
        assertEquals(List.of(), d.at(1, new Tick()), "not yet due: probes are 2 s apart");
        assertEquals(List.of(new ProbeAllNetworks()), d.at(2, new Tick()));
        assertEquals(List.of(), d.at(3, new Tick()));
        assertEquals(List.of(new ProbeAllNetworks()), d.at(4, new Tick()));
        assertEquals(Phase.LOCATING_PEER, d.state.phase());
    }

    @Test
    void primaryEchoesAgainWhileThePeerIsSilentAndAsksTimeAgain() {
        Driver d = primary(false);
        d.at(1, ProbeResult.of(DRBD));
        assertEquals(List.of(), d.at(2, new Tick()));
        assertEquals(List.of(new SendEcho(false)), d.at(3, new Tick()));
        d.at(4, new EchoReply(NodeState.FORMING));
        d.at(4, new EchoReply(NodeState.STARTING));
        d.at(4, new EchoReply(NodeState.UP));
        assertEquals(List.of(new RequestPeerTime()), d.at(6, new Tick()));
    }

    @Test
    void primaryWithoutForceGivesUpAfterClusterform() {
        Driver d = primary(false);
        assertEquals(List.of(), d.at(59, ProbeResult.none()));
        List<FormationAction> a = d.at(60, new Tick());
        assertEquals(List.of("ERROR No response from remote node s14s2 within 60 seconds (clusterform) - cluster not "
                + "formed. Start the cluster daemon on s14s2 at the same time, or use --force to form a one-node "
                + "cluster."), logs(a));
        assertTrue(a.get(a.size() - 1) instanceof FormationAbandoned);
        assertFalse(a.contains(new SendAbortToPeer()), "nobody to abort");
        assertEquals(NodeState.DOWN, d.state.local());
    }

    @Test
    void primaryWithForceFormsAOneNodeCluster() {
        Driver d = primary(true);
        List<FormationAction> a = d.at(61, new Tick());
        assertEquals(List.of("WARN No response from remote node s14s2 within 60 seconds - forming a one-node "
                + "cluster since --force was given."), logs(a));
        assertEquals(new ClusterFormed(List.of("s14s1")), a.get(1));
        assertEquals(NodeState.UP, d.state.local());
        assertEquals(List.of("s14s1"), d.state.members());
    }

    @Test
    void aPeerThatFellSilentMidHandshakeIsAbortedEvenWithForce() {
        Driver d = primary(true);
        d.at(1, ProbeResult.of(DRBD));
        d.at(2, new EchoReply(NodeState.FORMING));
        List<FormationAction> a = d.at(60, new Tick());
        assertTrue(logs(a).get(0).startsWith("ERROR Remote node s14s2 stopped answering during cluster formation"));
        assertTrue(a.contains(new SendAbortToPeer()));
        assertEquals(Phase.ABANDONED, d.state.phase());
    }

    @Test
    void aPeerAlreadyUpMeansJoinNotForm() {
        Driver d = primary(false);
        d.at(1, ProbeResult.of(DRBD));
        List<FormationAction> a = d.at(2, new EchoReply(NodeState.UP));
        assertEquals(List.of("INFO Response to ECHO was UP (our state=FORMING)",
                "ERROR Remote node s14s2 is already UP in a running cluster - not forming a new one. Use clform "
                        + "--join (or cldaemon --join) on s14s1 to join it."), logs(a));
        assertFalse(a.contains(new SendAbortToPeer()), "a running cluster must not be aborted");
        assertEquals(Phase.ABANDONED, d.state.phase());
    }

    @Test
    void primaryKeepsWaitingOnOtherPeerStates() {
        Driver d = primary(false);
        d.at(1, ProbeResult.of(DRBD));
        List<FormationAction> a = d.at(2, new EchoReply(NodeState.DIED));
        assertEquals(List.of("INFO Response to ECHO was DIED (our state=FORMING)"), logs(a));
        assertEquals(1, a.size());
        assertEquals(Phase.WAITING_FOR_PEER, d.state.phase());
        assertTrue(d.state.peerHeard());
    }

    @Test
    void secondaryFollowsThePrimarysRequests() {
        Driver d = secondary(false);
        assertEquals(List.of(new Log(LogLevel.INFO, "Waiting to form cluster with remote node.")), d.first);
        assertEquals(List.of(), d.at(10, new Tick()), "the secondary only answers");
        List<FormationAction> a = d.at(20, new StateChangeRequested(NodeState.STARTING));
        assertEquals(List.of("INFO State changed to STARTING at the request of node s14s1"), logs(a));
        assertEquals(NodeState.STARTING, d.state.local());
        a = d.at(20, new StateChangeRequested(NodeState.UP));
        assertEquals(new ClusterFormed(List.of("s14s1", "s14s2")), a.get(a.size() - 1));
        assertEquals(NodeState.UP, d.state.local());
        assertEquals(Phase.FORMED, d.state.phase());
    }

    @Test
    void secondaryIgnoresRequestsItCannotFollow() {
        Driver d = secondary(false);
        List<FormationAction> a = d.at(1, new StateChangeRequested(NodeState.DIED));
        assertEquals(List.of("WARN Ignored request from node s14s1 to change state from FORMING to DIED."),
                logs(a));
        d.at(2, new StateChangeRequested(NodeState.STARTING));
        a = d.at(3, new StateChangeRequested(NodeState.STARTING));
        assertEquals(List.of("WARN Ignored request from node s14s1 to change state from STARTING to STARTING."),
                logs(a));
        assertEquals(NodeState.STARTING, d.state.local());
    }

    @Test
    void secondaryTimesOutLikeThePrimaryButNeverAbortsThePeer() {
        Driver alone = secondary(true);
        alone.at(60, new Tick());
        assertEquals(List.of("s14s2"), alone.state.members());

        Driver midway = secondary(false);
        midway.at(5, new StateChangeRequested(NodeState.STARTING));
        List<FormationAction> a = midway.at(60, new Tick());
        assertTrue(a.stream().noneMatch(SendAbortToPeer.class::isInstance));
        assertEquals(Phase.ABANDONED, midway.state.phase());
    }

    @Test
    void joinerJoinsAlongTheReferenceLog() {
        Driver d = joiner(false);
        assertEquals(List.of(new ProbeAllNetworks()), d.first);
        List<FormationAction> a = d.at(0, ProbeResult.of(DRBD));
        assertEquals(List.of("INFO Ping of 192.168.100.34 OK (network drbd)!",
                "INFO Found IP for remote server: 192.168.100.34",
                "INFO Waiting to join cluster with remote node."), logs(a));
        assertEquals(new SendEcho(true), a.get(3));
        a = d.at(1, new EchoReply(NodeState.FORMING));
        assertEquals(List.of(), a, "a peer not yet UP is echoed again later");
        a = d.at(2, new EchoReply(NodeState.UP));
        assertEquals(List.of(new RequestPeerTime()), a);
        a = d.at(2, new PeerTime(T0.plusSeconds(2)));
        assertEquals(List.of("INFO Node s14s1 has now joined the cluster"), logs(a));
        assertEquals(new ClusterFormed(List.of("s14s1", "s14s2")), a.get(1));
        assertEquals(NodeState.UP, d.state.local());
    }

    @Test
    void joinerEchoesAtRandomDelaysWithinTheBounds() {
        Driver d = joiner(false);
        d.at(0, ProbeResult.of(DRBD));
        long echoes = 0;
        for (int ms = 0; ms < 50_000; ms += 100) {
            Step<FormationState, FormationAction> step = d.formation.on(d.state, new Tick(), T0.plusMillis(ms));
            if (!step.actions().isEmpty()) {
                assertEquals(List.of(new SendEcho(true)), step.actions());
                Duration delay = Duration.between(T0.plusMillis(ms), step.state().nextAttemptAt());
                assertTrue(delay.compareTo(Duration.ofSeconds(1)) >= 0 && delay.compareTo(Duration.ofSeconds(3)) <= 0,
                        "delay " + delay);
                echoes++;
            }
            d.state = step.state();
        }
        assertTrue(echoes >= 50_000 / 3000 && echoes <= 50_000 / 1000, "echoes " + echoes);
    }

    @Test
    void joinerAbandonsWhenNoNetworkReachesThePeer() {
        Driver d = joiner(true);
        List<FormationAction> a = d.at(0, ProbeResult.none());
        assertEquals(List.of("ERROR Unable to ping remote node s14s2 on any network - joining the cluster abandoned. "
                + "Check that s14s2 is up and that the networks in clconf.xml connect the two nodes."), logs(a));
        assertEquals(Phase.ABANDONED, d.state.phase());
    }

    @Test
    void joinerRefusedByClockDoesNotAbortTheRunningPeer() {
        Driver d = joiner(false);
        d.at(0, ProbeResult.of(DRBD));
        d.at(1, new EchoReply(NodeState.UP));
        List<FormationAction> a = d.at(1, new PeerTime(T0.plus(Duration.ofHours(1))));
        assertTrue(a.stream().noneMatch(SendAbortToPeer.class::isInstance));
        assertEquals(Phase.ABANDONED, d.state.phase());
    }

    @Test
    void joinerNeverRunsAloneEvenWithForce() {
        Driver d = joiner(true);
        d.at(0, ProbeResult.of(DRBD));
        List<FormationAction> a = d.at(60, new Tick());
        assertEquals(List.of("ERROR Remote node s14s2 did not answer UP within 60 seconds - joining the cluster "
                + "abandoned. Check with clstat that the cluster is running on s14s2, or form it with clform."),
                logs(a));
        assertEquals(NodeState.DOWN, d.state.local());
    }

    @Test
    void eventsThatDoNotApplyChangeNothing() {
        Driver p = primary(false);
        FormationState before = p.state;
        assertEquals(List.of(), p.at(1, new EchoReply(NodeState.FORMING)), "no echo sent yet");
        assertEquals(List.of(), p.at(1, new PeerTime(T0)));
        assertEquals(List.of(), p.at(1, new StateChangeRequested(NodeState.UP)));
        assertEquals(before, p.state);
        p.at(1, ProbeResult.of(DRBD));
        assertEquals(List.of(), p.at(1, ProbeResult.of(DRBD)), "already located");

        Driver s = secondary(false);
        assertEquals(List.of(), s.at(1, new EchoReply(NodeState.UP)));

        Driver done = primary(true);
        done.at(60, new Tick());
        FormationState formed = done.state;
        assertEquals(List.of(), done.at(61, new StateChangeRequested(NodeState.UP)));
        assertEquals(formed, done.state);
    }

    @Test
    void settingsRejectWhatCannotWork() {
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> FormationSettings.form("a", "a", true, false, CLUSTERFORM, Duration.ofSeconds(1)));
        assertTrue(same.getMessage().contains("'a'"));
        assertThrows(IllegalArgumentException.class,
                () -> FormationSettings.form("a", "b", true, false, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> FormationSettings.form("a", "b", true, false, CLUSTERFORM, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> FormationSettings.join("a", "b", false, CLUSTERFORM,
                Duration.ofSeconds(3), Duration.ofSeconds(1)));
    }
}
