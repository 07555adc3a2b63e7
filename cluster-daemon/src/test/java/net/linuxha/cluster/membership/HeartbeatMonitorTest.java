package net.linuxha.cluster.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.linuxha.cluster.membership.HeartbeatAction.PeerDaemonDied;
import net.linuxha.cluster.membership.HeartbeatAction.PeerReachableAgain;
import net.linuxha.cluster.membership.HeartbeatAction.PeerUnreachable;
import net.linuxha.cluster.membership.HeartbeatAction.SendHeartbeat;
import net.linuxha.cluster.membership.HeartbeatEvent.HeartbeatReceived;
import net.linuxha.cluster.membership.HeartbeatState.Verdict;
import net.linuxha.cluster.state.Step;

/**
 * Proves the 7.2.2 heartbeat rules with a hand-moved clock (keepalive 2 s, warn 4 s, dead 10 s): one network at a
 * time, a warning and a re-scan after warn, the first answering network carries on, and the dead verdict rests on
 * a probe started after dead.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HeartbeatMonitorTest {

    private static final Instant T0 = Instant.parse("2005-06-07T06:30:00Z");
    private static final HeartbeatTimings TIMINGS = HeartbeatTimings.ofSeconds(2, 4, 10);
    private static final List<String> NETWORKS = List.of("drbd", "main", "wireless");

    private final HeartbeatMonitor monitor = new HeartbeatMonitor("s14s2", NETWORKS, TIMINGS);
    private HeartbeatState state;

    private List<HeartbeatAction> start() {
        Step<HeartbeatState, HeartbeatAction> step = monitor.start(T0, "drbd");
        state = step.state();
        return step.actions();
    }

    private List<HeartbeatAction> at(double seconds, HeartbeatEvent event) {
        Step<HeartbeatState, HeartbeatAction> step = monitor.on(state, event,
                T0.plusMillis(Math.round(seconds * 1000)));
        state = step.state();
        return step.actions();
    }

    /** Ticks every 0.5 s in (from, to] and collects everything asked for; probes are answered by the test. */
    private List<HeartbeatAction> tickThrough(double from, double to) {
        List<HeartbeatAction> all = new ArrayList<>();
        for (double t = from + 0.5; t <= to + 1e-9; t += 0.5) {
            all.addAll(at(t, new Tick()));
        }
        return all;
    }

    private static ProbeResult answers(String... networks) {
        List<NetworkAnswer> list = new ArrayList<>();
        for (String n : networks) {
            list.add(new NetworkAnswer(n, "10.0." + list.size() + ".2"));
        }
        return new ProbeResult(list);
    }

    private static List<String> logs(List<HeartbeatAction> actions) {
        return actions.stream().filter(Log.class::isInstance).map(a -> ((Log) a).level() + " " + ((Log) a).text())
                .toList();
    }

    @Test
    void sendsOneHeartbeatEveryKeepaliveOverOneNetwork() {
        assertEquals(List.of(new SendHeartbeat("drbd")), start());
        assertEquals(List.of(), at(1.5, new Tick()));
        assertEquals(List.of(new SendHeartbeat("drbd")), at(2, new Tick()));
        at(3, new HeartbeatReceived("drbd"));
        assertEquals(List.of(), at(3.5, new Tick()));
        assertEquals(List.of(new SendHeartbeat("drbd")), at(4.2, new Tick()));
        assertEquals(List.of(), at(6.1, new HeartbeatReceived("main")), "heartbeats may arrive on any network");
        assertEquals("drbd", state.network());
    }

    @Test
    void warnsAndRescansAfterWarnWithoutHeartbeat() {
        start();
        assertEquals(List.of(new SendHeartbeat("drbd")), tickThrough(0, 3.5));
        List<HeartbeatAction> a = at(4, new Tick());
        assertEquals(List.of(new SendHeartbeat("drbd"),
                new Log(LogLevel.WARN, "No heartbeat from node s14s2 for 4s (warn is 4s) - rescanning all networks."),
                new ProbeAllNetworks()), a);
        assertEquals(List.of(), at(5, new Tick()), "one warning per silence, one probe at a time");
    }

    @Test
    void theFirstNetworkToAnswerCarriesTheHeartbeats() {
        start();
        tickThrough(0, 4);
        List<HeartbeatAction> a = at(4.3, answers("main", "drbd"));
        assertEquals(List.of(new Log(LogLevel.INFO, "Heartbeats to node s14s2 now use network main (was drbd)."),
                new SendHeartbeat("main")), a);
        assertEquals("main", state.network());
        assertEquals(List.of(new SendHeartbeat("main")), at(6.3, new Tick()).subList(0, 1));
    }

    @Test
    void anAnswerOnTheSameNetworkJustRetriesThere() {
        start();
        tickThrough(0, 4);
        assertEquals(List.of(new SendHeartbeat("drbd")), at(4.3, answers("drbd", "main")));
    }

    @Test
    void answersOnNetworksOutsideTheTopologyAreIgnored() {
        start();
        tickThrough(0, 4);
        at(4.3, answers("bogus", "wireless"));
        assertEquals("wireless", state.network());
    }

    @Test
    void aResumedHeartbeatEndsTheWarningAndALaterSilenceWarnsAgain() {
        start();
        tickThrough(0, 4);
        at(4.3, answers("drbd"));
        assertEquals(List.of("INFO Heartbeat from node s14s2 received again on network drbd after 5s."),
                logs(at(5, new HeartbeatReceived("drbd"))));
        assertEquals(List.of(), logs(tickThrough(5, 8.5)));
        assertEquals(1, logs(at(9, new Tick())).size());
    }

    @Test
    void noNetworkReachesThePeerAfterDeadMakesItADeadCandidateOnce() {
        start();
        List<HeartbeatAction> seen = new ArrayList<>();
        for (double t = 0.5; t <= 10; t += 0.5) {
            List<HeartbeatAction> a = at(t, new Tick());
            seen.addAll(a);
            if (a.contains(new ProbeAllNetworks())) {
                seen.addAll(at(t + 0.2, ProbeResult.none()));
            }
        }
        assertEquals(List.of("WARN No heartbeat from node s14s2 for 4s (warn is 4s) - rescanning all networks.",
                "WARN Node s14s2 does not answer on any network.",
                "WARN Node s14s2 is not reachable on any network after 10.200s without a heartbeat (dead is 10s)."),
                logs(seen));
        assertEquals(List.of(new PeerUnreachable("s14s2")), new Step<>(state, seen).actionsOf(PeerUnreachable.class));
        assertEquals(4, new Step<>(state, seen).actionsOf(ProbeAllNetworks.class).size(), "at 4, 6, 8 and 10");
        assertEquals(Verdict.UNREACHABLE, state.verdict());

        List<HeartbeatAction> later = tickThrough(10.5, 20);
        assertTrue(later.stream().noneMatch(PeerUnreachable.class::isInstance), "the verdict is given once");
    }

    @Test
    void aHostThatAnswersWhileItsDaemonIsSilentHasADeadDaemon() {
        start();
        List<HeartbeatAction> seen = new ArrayList<>();
        for (double t = 0.5; t <= 12; t += 0.5) {
            List<HeartbeatAction> a = at(t, new Tick());
            seen.addAll(a);
            if (a.contains(new ProbeAllNetworks())) {
                seen.addAll(at(t + 0.1, answers("main")));
            }
        }
        assertEquals(List.of(new PeerDaemonDied("s14s2", "main")),
                new Step<>(state, seen).actionsOf(PeerDaemonDied.class));
        assertTrue(logs(seen).contains("WARN No heartbeat from node s14s2 for 10.100s but it answers on network main "
                + "- its cluster daemon has died; applications are left undisturbed."));
        assertEquals(Verdict.DAEMON_DIED, state.verdict());
    }

    @Test
    void aDeadDaemonWhoseHostStopsAnsweringLaterIsUnreachable() {
        start();
        for (double t = 0.5; t <= 11; t += 0.5) {
            if (at(t, new Tick()).contains(new ProbeAllNetworks())) {
                at(t + 0.1, answers("main"));
            }
        }
        assertEquals(Verdict.DAEMON_DIED, state.verdict());
        List<HeartbeatAction> seen = new ArrayList<>();
        for (double t = 11.5; t <= 16; t += 0.5) {
            List<HeartbeatAction> a = at(t, new Tick());
            seen.addAll(a);
            if (a.contains(new ProbeAllNetworks())) {
                seen.addAll(at(t + 0.1, ProbeResult.none()));
            }
        }
        assertEquals(List.of(new PeerUnreachable("s14s2")), new Step<>(state, seen).actionsOf(PeerUnreachable.class),
                "the host went down after its daemon: a dead candidate, once");
        assertEquals(Verdict.UNREACHABLE, state.verdict());
        assertTrue(logs(seen).stream().anyMatch(l -> l.startsWith("WARN Node s14s2 is not reachable on any network "
                + "after 12.100s")), logs(seen).toString());
    }

    @Test
    void aHostThatAnsweredAtWarnButNotAfterDeadIsUnreachable() {
        start();
        tickThrough(0, 4);
        at(4.1, answers("drbd"));
        tickThrough(4, 5.5);
        List<HeartbeatAction> a = at(6, new Tick());
        assertTrue(a.contains(new ProbeAllNetworks()));
        at(6.1, answers("drbd"));
        assertEquals(List.of(new ProbeAllNetworks()), new Step<>(state, tickThrough(6, 8)).actionsOf(
                ProbeAllNetworks.class));
        // The probe started at 8 answers after dead, but it began before dead: not enough for a verdict.
        assertTrue(at(10.1, answers("drbd")).stream().noneMatch(PeerDaemonDied.class::isInstance));
        a = at(10.5, new Tick());
        assertTrue(a.contains(new ProbeAllNetworks()), "a probe started after dead is needed");
        a = at(10.8, ProbeResult.none());
        assertTrue(a.contains(new PeerUnreachable("s14s2")), a.toString());
    }

    @Test
    void heartbeatsAfterAVerdictReportCommunicationReestablished() {
        start();
        for (double t = 0.5; t <= 10; t += 0.5) {
            if (at(t, new Tick()).contains(new ProbeAllNetworks())) {
                at(t + 0.2, ProbeResult.none());
            }
        }
        assertEquals(Verdict.UNREACHABLE, state.verdict());
        at(30, new Tick());
        at(30.2, answers("wireless"));
        List<HeartbeatAction> a = at(31, new HeartbeatReceived("wireless"));
        assertEquals(List.of(new Log(LogLevel.INFO, "Heartbeat from node s14s2 received again on network wireless "
                + "after 31s - communication re-established."), new PeerReachableAgain("s14s2", "wireless")), a);
        assertEquals(Verdict.NONE, state.verdict());
        assertEquals("wireless", state.network());
    }

    @Test
    void aProbeResultNobodyAskedForChangesNothing() {
        start();
        HeartbeatState before = state;
        assertEquals(List.of(), at(1, answers("main")));
        assertEquals(before, state);
    }

    @ParameterizedTest(name = "keepalive={0} warn={1} dead={2}")
    @CsvSource({"2, 2, 10", "3, 2, 10", "2, 10, 10", "2, 11, 10", "0, 4, 10", "-1, 4, 10"})
    void timingsMustBeOrderedKeepaliveWarnDead(double keepalive, double warn, double dead) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeartbeatTimings.ofSeconds(keepalive, warn, dead));
        assertTrue(e.getMessage().startsWith("Invalid timings in clconf.xml"), e.getMessage());
    }

    @Test
    void timingsAcceptFractionsAndNameEveryValueWhenWrong() {
        HeartbeatTimings t = HeartbeatTimings.ofSeconds(0.5, 1.25, 5);
        assertEquals(Duration.ofMillis(1250), t.warn());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeartbeatTimings.ofSeconds(3, 2.5, 10));
        assertEquals("Invalid timings in clconf.xml: need keepalive < warn < dead, got keepalive=3s, warn=2.500s, "
                + "dead=10s; typically warn is twice keepalive and dead is 5 to 30 seconds", e.getMessage());
    }

    @Test
    void monitorNeedsATopologyAndAKnownNetwork() {
        assertThrows(IllegalArgumentException.class, () -> new HeartbeatMonitor("b", List.of(), TIMINGS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> monitor.start(T0, "eth9"));
        assertTrue(e.getMessage().contains("'eth9'"));
    }

    /** Found wiring the daemon: a probe that was running when heartbeats came back must not report the silence. */
    @Test
    void aProbeOverTakenByAHeartbeatSaysNothing() {
        start();
        tickThrough(0, 4);
        assertTrue(state.probing(), "a re-scan runs after warn");
        at(4.2, new HeartbeatReceived("drbd"));
        assertEquals(List.of(), at(4.5, ProbeResult.none()), "the late probe's empty answer is out of date");
        assertEquals(Verdict.NONE, state.verdict());
        assertTrue(!state.probing());
    }
}
