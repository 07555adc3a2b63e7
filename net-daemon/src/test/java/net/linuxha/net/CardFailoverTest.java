package net.linuxha.net;

import static net.linuxha.net.Net.APACHE;
import static net.linuxha.net.Net.STATIC;
import static net.linuxha.net.Net.at;
import static net.linuxha.net.Net.atSeconds;
import static net.linuxha.net.Net.core;
import static net.linuxha.net.Net.down;
import static net.linuxha.net.Net.logs;
import static net.linuxha.net.Net.moves;
import static net.linuxha.net.Net.publicNetwork;
import static net.linuxha.net.Net.reports;
import static net.linuxha.net.Net.timings;
import static net.linuxha.net.Net.up;
import static net.linuxha.net.Net.withoutLogs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loss of the active card's link: what moves, where to (never used, then least recently used), and hold periods. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CardFailoverTest {

    @Test
    void lossOfActiveCardMovesStaticAddressAndAliasesAtOnceThenAnnouncesThem() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"));

        List<NetAction> actions = core.process(down("eth0"), at(1000));

        CardAddress staticOnEth1 = STATIC.withLabel("eth1");
        CardAddress aliasOnEth1 = APACHE.withLabel("eth1:1");
        assertEquals(List.of(
                new NetAction.MoveAddresses("public", "eth0", "eth1", List.of(STATIC, APACHE),
                        List.of(staticOnEth1, aliasOnEth1)),
                new NetAction.SendGratuitousArp("public", "eth1", staticOnEth1),
                new NetAction.SendGratuitousArp("public", "eth1", aliasOnEth1)), withoutLogs(actions));
        assertEquals(List.of(
                "WARN Link failure detected on card eth0 (network public)",
                "INFO Moved 2 IP address(es) from eth0 to eth1 (network public): 172.16.177.1/24(eth1), "
                        + "172.16.177.200/24(eth1:1)"), logs(actions));
        assertEquals(NetworkState.UP, core.monitor("public").orElseThrow().state());
    }

    @Test
    void repeatedReadingsOfTheSameCarrierDecideNothing() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"));
        assertEquals(List.of(), core.process(up("eth0"), at(100)));
        core.process(down("eth0"), at(200));
        for (int poll = 0; poll < 20; poll++) {
            assertEquals(List.of(), core.process(down("eth0"), at(250 + 50L * poll)));
        }
    }

    @Test
    void cardOutsideTheTopologyIsIgnored() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"));
        assertEquals(List.of(), core.process(down("wlan0"), at(100)));
    }

    @Test
    void failureOfStandbyCardIsLoggedAndMovesNothing() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"));
        List<NetAction> actions = core.process(down("eth1"), at(100));
        assertEquals(List.of("WARN Link failure detected on card eth1 (network public) - no IP addresses on it to "
                + "move"), logs(actions));
        assertEquals(List.of(), withoutLogs(actions));
    }

    /** One step of a failure script: at this second, this card's link goes up or down; the move expected, if any. */
    record Step(double second, String card, boolean carrier, String expectedTarget) {
        static Step fail(double second, String card, String expectedTarget) {
            return new Step(second, card, false, expectedTarget);
        }

        static Step restore(double second, String card) {
            return new Step(second, card, true, null);
        }
    }

    static Stream<Arguments> selectionScripts() {
        return Stream.of(
                Arguments.of("never-used cards first, in clconf order", List.of(
                        Step.fail(1, "eth0", "eth1"),
                        Step.restore(2, "eth0"),
                        Step.fail(20, "eth1", "eth2"),
                        Step.restore(21, "eth1"),
                        Step.fail(40, "eth2", "eth3"))),
                Arguments.of("then the card used longest ago", List.of(
                        Step.fail(1, "eth0", "eth1"),
                        Step.restore(2, "eth0"),
                        Step.fail(20, "eth1", "eth2"),
                        Step.restore(21, "eth1"),
                        Step.fail(40, "eth2", "eth3"),
                        Step.restore(41, "eth2"),
                        // eth0 used at 0, eth1 at 1, eth2 at 20: eth0 is the least recently used.
                        Step.fail(60, "eth3", "eth0"),
                        Step.restore(61, "eth3"),
                        // eth1 used at 1, eth2 at 20, eth3 at 40.
                        Step.fail(80, "eth0", "eth1"))),
                Arguments.of("a card without link is never chosen", List.of(
                        Step.fail(1, "eth1", null),
                        Step.fail(2, "eth0", "eth2"))),
                Arguments.of("a card within its hold period is skipped even if least recently used", List.of(
                        Step.fail(1, "eth0", "eth1"),
                        Step.restore(2, "eth0"),
                        Step.fail(3, "eth1", "eth2"),
                        Step.restore(4, "eth1"),
                        Step.fail(5, "eth2", "eth3"),
                        Step.restore(6, "eth2"),
                        // eth0 (failed at 1), eth1 (3), eth2 (5) are all held for 10 s: nothing left.
                        Step.fail(7, "eth3", null),
                        // eth0's hold ended at 11; the next reading moves the addresses there, not to eth3, whose
                        // link just came back (and which is held itself).
                        new Step(12, "eth3", true, "eth0"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectionScripts")
    void standbySelectionOrder(String rule, List<Step> script) {
        NetDaemonCore core = core(timings(Duration.ofSeconds(10)), publicNetwork("eth0", "eth1", "eth2", "eth3"));
        for (Step step : script) {
            List<NetAction> actions = core.process(new NetEvent.CarrierChanged(step.card(), step.carrier()),
                    atSeconds(step.second()));
            List<String> targets = new ArrayList<>();
            moves(actions).forEach(move -> targets.add(move.to()));
            assertEquals(step.expectedTarget() == null ? List.of() : List.of(step.expectedTarget()), targets,
                    rule + ": step " + step);
        }
    }

    static Stream<Arguments> secondFailureTimes() {
        return Stream.of(
                Arguments.of(10.0, "down", null),
                Arguments.of(60.9, "down", null),
                Arguments.of(61.0, "moved back", "eth0"),
                Arguments.of(200.0, "moved back", "eth0"));
    }

    @ParameterizedTest(name = "eth1 fails at {0} s: {1}")
    @MethodSource("secondFailureTimes")
    void failedCardIsNotReusedWithinItsHoldPeriod(double second, String outcome, String target) {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"));
        core.process(down("eth0"), atSeconds(1));
        core.process(up("eth0"), atSeconds(2));

        List<NetAction> actions = core.process(down("eth1"), atSeconds(second));

        if (target == null) {
            assertEquals(List.of(), moves(actions));
            assertEquals(List.of(new NetAction.ReportNetworkDown("public")), reports(actions));
            assertTrue(logs(actions).contains("ERROR No alternative card available for network public (eth0 faulty "
                    + "for another " + (long) (61 - second) + " seconds, eth1 no link) - informing cluster daemon "
                    + "that network public has failed"), logs(actions).toString());
        } else {
            assertEquals(List.of("eth0"), moves(actions).stream().map(NetAction.MoveAddresses::to).toList());
            assertEquals(List.of(), reports(actions));
        }
    }
}
