package net.linuxha.net;

import static net.linuxha.net.Net.APACHE;
import static net.linuxha.net.Net.STATIC;
import static net.linuxha.net.Net.atSeconds;
import static net.linuxha.net.Net.core;
import static net.linuxha.net.Net.down;
import static net.linuxha.net.Net.drbdNetwork;
import static net.linuxha.net.Net.logs;
import static net.linuxha.net.Net.moves;
import static net.linuxha.net.Net.publicNetwork;
import static net.linuxha.net.Net.reports;
import static net.linuxha.net.Net.tick;
import static net.linuxha.net.Net.timings;
import static net.linuxha.net.Net.up;
import static net.linuxha.net.Net.withoutLogs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The core over several networks: independence, REREAD, NET_STATUS, topology changes. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NetDaemonCoreTest {

    private static final Duration HOLD = Duration.ofSeconds(60);

    @Test
    void twoNetworksAreIndependent() {
        NetDaemonCore core = core(timings(HOLD), publicNetwork("eth0", "eth1"), drbdNetwork("eth2"));

        List<NetAction> drbdFailure = core.process(down("eth2"), atSeconds(1));
        assertEquals(List.of(new NetAction.ReportNetworkDown("drbd")), withoutLogs(drbdFailure));
        assertEquals(NetworkState.UP, core.monitor("public").orElseThrow().state());

        List<NetAction> publicFailure = core.process(down("eth0"), atSeconds(2));
        assertTrue(publicFailure.stream().noneMatch(action -> action.toString().contains("drbd")));
        assertEquals("eth1", moves(publicFailure).get(0).to());
        assertEquals(List.of(), reports(publicFailure));
        assertEquals(List.of("eth0", "eth1", "eth2"), core.cards());
    }

    @Test
    void rereadOfOneNetworkAsksForItToBeReadAgain() {
        NetDaemonCore core = core(timings(HOLD), publicNetwork("eth0", "eth1"));
        assertEquals(List.of(new NetAction.RescanNetwork("public")), withoutLogs(core.reread(Optional.of("public"))));
        assertEquals(List.of(new NetAction.RescanTopology()), withoutLogs(core.reread(Optional.empty())));
    }

    @Test
    void rereadRestartsMonitoringWithHoldPeriodsForgottenAndReportsTheNetworkUp() {
        NetDaemonCore core = core(timings(HOLD), publicNetwork("eth0", "eth1"));
        core.process(down("eth0"), atSeconds(1));
        core.process(up("eth0"), atSeconds(2));
        assertEquals(List.of(new NetAction.ReportNetworkDown("public")),
                reports(core.process(down("eth1"), atSeconds(3))));
        // The administrator replaced eth1's cable... no: says eth0 is fine, and re-reads (Reference 21.2.1).
        NetworkSetup now = new NetworkSetup("public", List.of("eth0", "eth1"),
                Map.of("eth1", List.of(STATIC.withLabel("eth1"), APACHE.withLabel("eth1:1"))),
                Map.of("eth0", true, "eth1", false));

        List<NetAction> actions = core.process(new NetEvent.NetworkRead(now), atSeconds(10));

        // eth0 is no longer held: the addresses go there at once, and cldaemon hears the network is back.
        assertEquals("eth0", moves(actions).get(0).to());
        List<NetAction> done = withoutLogs(actions);
        assertEquals(new NetAction.ReportNetworkUp("public"), done.get(done.size() - 1));
        assertTrue(logs(actions).get(0).startsWith("INFO Monitoring network public - cards eth0,eth1; on eth1: "),
                logs(actions).toString());
    }

    @Test
    void rereadOfAHealthyNetworkReportsNothing() {
        NetDaemonCore core = core(timings(HOLD), publicNetwork("eth0", "eth1"));
        assertEquals(List.of(), withoutLogs(core.process(new NetEvent.NetworkRead(publicNetwork("eth0", "eth1")),
                atSeconds(5))));
    }

    @Test
    void rereadOfAllDropsNetworksNoLongerInClconf() {
        NetDaemonCore core = core(timings(HOLD), publicNetwork("eth0", "eth1"), drbdNetwork("eth2"));
        List<NetAction> actions = core.process(new NetEvent.TopologyRead(List.of(drbdNetwork("eth2"))),
                atSeconds(5));
        assertEquals(List.of("drbd"), core.networks());
        assertTrue(logs(actions).contains("INFO Network public is no longer in clconf.xml for this node - "
                + "monitoring stopped"));
        assertEquals(List.of(), core.process(down("eth0"), atSeconds(6)));
    }

    @Test
    void networkClaimingACardOfAnotherIsRefusedAndTheOldMonitoringGoesOn() {
        NetDaemonCore core = core(timings(HOLD), publicNetwork("eth0", "eth1"), drbdNetwork("eth2"));
        List<NetAction> actions = core.process(new NetEvent.NetworkRead(drbdNetwork("eth1")), atSeconds(5));
        assertEquals(List.of("ERROR Cannot monitor network drbd: card eth1 already belongs to network public; a "
                + "card can only be part of one network - correct clconf.xml and run clnetdctl REREAD"),
                logs(actions));
        assertEquals(List.of("eth2"), core.monitor("drbd").orElseThrow().cards());
    }

    @Test
    void cardMovingBetweenNetworksInOneTopologyReadIsAccepted() {
        NetDaemonCore core = core(timings(HOLD), publicNetwork("eth0", "eth1"), drbdNetwork("eth2"));
        core.process(new NetEvent.TopologyRead(List.of(drbdNetwork("eth1"), publicNetwork("eth0", "eth2"))),
                atSeconds(5));
        assertEquals(List.of("eth1"), core.monitor("drbd").orElseThrow().cards());
        assertEquals(List.of("eth0", "eth2"), core.monitor("public").orElseThrow().cards());
    }

    @Test
    void statusTextShowsEachNetworkAndCard() {
        NetDaemonCore core = core(timings(HOLD), publicNetwork("eth0", "eth1"), drbdNetwork("eth2"));
        core.process(down("eth0"), atSeconds(1));

        String text = NetStatusText.format(core.status(Optional.empty(), atSeconds(4)), atSeconds(4));

        assertEquals("""
                network=public state=UP cards=eth0,eth1
                  card=eth0 network=public link=down role=standby usable=no faulty_for=57s failures=1 \
                last_used=4s_ago addresses=none
                  card=eth1 network=public link=up role=active usable=yes faulty_for=0s failures=0 last_used=3s_ago \
                addresses=172.16.177.1/24(eth1),172.16.177.200/24(eth1:1)
                network=drbd state=UP cards=eth2
                  card=eth2 network=drbd link=up role=active usable=yes faulty_for=0s failures=0 last_used=4s_ago \
                addresses=192.100.100.1/24(eth2)
                """, text);
    }

    @Test
    void statusOfAnUnknownNetworkNamesTheKnownOnes() {
        NetDaemonCore core = core(timings(HOLD), publicNetwork("eth0", "eth1"), drbdNetwork("eth2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> core.status(Optional.of("dmz"), atSeconds(1)));
        assertEquals("network dmz is not monitored on this node; monitored networks: public, drbd (use REREAD if it "
                + "was added to clconf.xml)", e.getMessage());
    }

    @Test
    void nextWakeupIsThePollIntervalWhenNothingIsPending() {
        NetDaemonCore core = core(timings(HOLD), publicNetwork("eth0", "eth1"));
        assertEquals(atSeconds(1.05), core.nextWakeup(atSeconds(1)));
        assertEquals(List.of(), core.process(tick(), atSeconds(1.05)));
    }

    @Test
    void moveFailureReportedAfterAReReadIsOnlyLogged() {
        NetDaemonCore core = core(timings(HOLD), publicNetwork("eth0", "eth1"));
        NetAction.MoveAddresses move = moves(core.process(down("eth0"), atSeconds(1))).get(0);
        core.process(new NetEvent.TopologyRead(List.of(drbdNetwork("eth2"))), atSeconds(2));
        List<NetAction> actions = core.process(new NetEvent.MoveFailed(move, "no such device"), atSeconds(3));
        assertEquals(1, actions.size());
        assertTrue(logs(actions).get(0).contains("network public has been re-read since"));
    }

    @Test
    void timingsAreValidatedWithMessagesNamingTheValue() {
        NetTimings defaults = NetTimings.defaults().validate();
        assertEquals(Duration.ofSeconds(60), defaults.holdPeriod());
        IllegalArgumentException slow = assertThrows(IllegalArgumentException.class,
                () -> new NetTimings(Duration.ofMillis(500), Duration.ofMillis(200), Duration.ZERO,
                        Duration.ofSeconds(60)).validate());
        assertEquals("the network daemon's carrier poll interval must be more than 0 and at most 200 ms (5 times a "
                + "second, Reference 5.6), not 500 ms", slow.getMessage());
        IllegalArgumentException shortHold = assertThrows(IllegalArgumentException.class,
                () -> defaults.withHoldPeriod(Duration.ofMillis(100)));
        assertTrue(shortHold.getMessage().startsWith("the card hold period (100 ms) must be at least the carrier "
                + "settle time (200 ms)"), shortHold.getMessage());
    }

    @Test
    void switchFailureSeenInOnePollMovesNothingAndReportsOnce() {
        NetDaemonCore core = core(timings(HOLD), publicNetwork("eth0", "eth1", "eth2"), drbdNetwork("eth3"));
        Map<String, Boolean> poll = new LinkedHashMap<>();
        poll.put("eth0", false);
        poll.put("eth1", false);
        poll.put("eth2", false);
        poll.put("eth3", true);
        poll.put("lo", true);

        List<NetAction> actions = core.process(new NetEvent.CarrierReadings(poll), atSeconds(1));

        assertEquals(List.of(new NetAction.ReportNetworkDown("public")), withoutLogs(actions));
        assertEquals(3, logs(actions).stream().filter(line -> line.startsWith("WARN Link failure")).count());
    }

    @Test
    void standbyThatComesBackAndSettlesTakesTheAddressesOfANetworkThatWentDown() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(1)), publicNetwork("eth0", "eth1"));
        core.process(down("eth1"), atSeconds(1));
        // eth1 still has no link when eth0 goes: nothing to move to.
        List<NetAction> actions = core.process(new NetEvent.CarrierReadings(Map.of("eth0", false)), atSeconds(5));
        assertEquals(List.of(), moves(actions));
        core.process(up("eth1"), atSeconds(6));
        assertEquals("eth1", moves(core.process(tick(), atSeconds(6.2))).get(0).to());
    }
}
