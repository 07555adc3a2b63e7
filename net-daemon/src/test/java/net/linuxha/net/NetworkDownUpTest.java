package net.linuxha.net;

import static net.linuxha.net.Net.DRBD;
import static net.linuxha.net.Net.at;
import static net.linuxha.net.Net.atSeconds;
import static net.linuxha.net.Net.core;
import static net.linuxha.net.Net.down;
import static net.linuxha.net.Net.drbdNetwork;
import static net.linuxha.net.Net.moves;
import static net.linuxha.net.Net.publicNetwork;
import static net.linuxha.net.Net.reports;
import static net.linuxha.net.Net.tick;
import static net.linuxha.net.Net.timings;
import static net.linuxha.net.Net.up;
import static net.linuxha.net.Net.withoutLogs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When no working card is left: one report to cldaemon, monitoring goes on, and one report when it works again. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NetworkDownUpTest {

    private static final NetAction DRBD_DOWN = new NetAction.ReportNetworkDown("drbd");
    private static final NetAction DRBD_UP = new NetAction.ReportNetworkUp("drbd");

    @Test
    void singleCardNetworkIsReportedDownOnceAndAddressesStay() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), drbdNetwork("eth2"));

        List<NetAction> actions = core.process(down("eth2"), at(500));

        assertEquals(List.of(DRBD_DOWN), withoutLogs(actions));
        assertEquals(NetworkState.DOWN, core.monitor("drbd").orElseThrow().state());
        // Polls and ticks while it stays down report nothing more.
        for (int poll = 1; poll <= 50; poll++) {
            assertEquals(List.of(), core.process(down("eth2"), at(500 + 50L * poll)));
            assertEquals(List.of(), withoutLogs(core.process(tick(), at(525 + 50L * poll))));
        }
        assertEquals(List.of(DRBD.withLabel("eth2")),
                core.status(Optional.of("drbd"), at(3000)).get(0).cards().get(0).addresses());
    }

    @Test
    void allCardsOfAMultiCardNetworkDownIsReportedWhenTheLastWorkingCardGoes() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"));
        assertEquals(List.of(), reports(core.process(down("eth1"), at(100))));
        List<NetAction> actions = core.process(down("eth0"), at(200));
        assertEquals(List.of(), moves(actions));
        assertEquals(List.of(new NetAction.ReportNetworkDown("public")), reports(actions));
    }

    @Test
    void cardComingBackIsReportedUpOnlyAfterItsHoldPeriodAndSettleTime() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), drbdNetwork("eth2"));
        core.process(down("eth2"), atSeconds(1));
        // The cable is back after 5 s: the card is still marked faulty.
        assertEquals(List.of(), withoutLogs(core.process(up("eth2"), atSeconds(6))));
        assertEquals(List.of(), withoutLogs(core.process(tick(), atSeconds(60.9))));
        // The hold period ends at 61 s: the addresses never left the card, so no move, just the report.
        assertEquals(atSeconds(61), core.nextWakeup(atSeconds(60.99)));
        assertEquals(List.of(DRBD_UP), withoutLogs(core.process(tick(), atSeconds(61))));
        assertEquals(NetworkState.UP, core.monitor("drbd").orElseThrow().state());
    }

    @Test
    void linkBackJustBeforeHoldEndsMustStillSettle() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), drbdNetwork("eth2"));
        core.process(down("eth2"), atSeconds(1));
        core.process(up("eth2"), atSeconds(60.95));
        assertEquals(List.of(), withoutLogs(core.process(tick(), atSeconds(61))));
        // Settle time 200 ms after 60.95 s.
        assertEquals(List.of(DRBD_UP), withoutLogs(core.process(tick(), atSeconds(61.15))));
    }

    @Test
    void recoveryOnAnotherCardMovesTheAddressesThereThenReportsUp() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"));
        core.process(down("eth1"), atSeconds(1));
        core.process(down("eth0"), atSeconds(2));
        core.process(up("eth1"), atSeconds(100));

        List<NetAction> actions = core.process(tick(), atSeconds(100.2));

        List<NetAction> done = withoutLogs(actions);
        assertEquals("eth1", moves(actions).get(0).to());
        assertEquals(new NetAction.ReportNetworkUp("public"), done.get(done.size() - 1));
    }

    @Test
    void networkWithoutAddressesIsDownWhenEveryCardLostItsLinkAndUpWhenOneIsUsable() {
        NetworkSetup idle = new NetworkSetup("backup", List.of("eth4", "eth5"), Map.of(),
                Map.of("eth4", true, "eth5", true));
        NetDaemonCore core = core(timings(Duration.ofSeconds(10)), idle);
        assertEquals(List.of(), withoutLogs(core.process(down("eth4"), atSeconds(1))));
        assertEquals(List.of(new NetAction.ReportNetworkDown("backup")),
                withoutLogs(core.process(down("eth5"), atSeconds(2))));
        core.process(up("eth4"), atSeconds(3));
        assertEquals(List.of(), withoutLogs(core.process(tick(), atSeconds(10.9))));
        assertEquals(List.of(new NetAction.ReportNetworkUp("backup")),
                withoutLogs(core.process(tick(), atSeconds(11))));
    }

    @Test
    void cardWithoutLinkAtStartIsActedOnAtOnce() {
        NetworkSetup setup = new NetworkSetup("public", List.of("eth0", "eth1"),
                Map.of("eth0", List.of(Net.STATIC)), Map.of("eth0", false, "eth1", true));
        NetDaemonCore core = new NetDaemonCore(timings(Duration.ofSeconds(60)));
        List<NetAction> actions = core.process(new NetEvent.NetworkRead(setup), atSeconds(0));
        assertEquals(List.of("eth1"), moves(actions).stream().map(NetAction.MoveAddresses::to).toList());
        assertEquals(List.of(), reports(actions));
    }

    @Test
    void cardWithUnknownLinkIsNeitherChosenNorFailedUntilRead() {
        NetworkSetup setup = NetworkSetup.of("public", List.of("eth0", "eth1"), Map.of("eth0", List.of(Net.STATIC)));
        NetDaemonCore core = new NetDaemonCore(timings(Duration.ofSeconds(60)));
        assertEquals(List.of(), withoutLogs(core.process(new NetEvent.NetworkRead(setup), atSeconds(0))));
        // eth1 has not been read yet, so it cannot take the addresses.
        assertEquals(List.of(new NetAction.ReportNetworkDown("public")),
                withoutLogs(core.process(down("eth0"), atSeconds(1))));
        // Its first reading counts as a stable link: nothing is known against it.
        assertEquals("eth1", moves(core.process(up("eth1"), atSeconds(1.01))).get(0).to());
    }
}
