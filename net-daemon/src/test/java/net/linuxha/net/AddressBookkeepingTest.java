package net.linuxha.net;

import static net.linuxha.net.Net.APACHE;
import static net.linuxha.net.Net.STATIC;
import static net.linuxha.net.Net.atSeconds;
import static net.linuxha.net.Net.core;
import static net.linuxha.net.Net.down;
import static net.linuxha.net.Net.moves;
import static net.linuxha.net.Net.publicNetwork;
import static net.linuxha.net.Net.reports;
import static net.linuxha.net.Net.timings;
import static net.linuxha.net.Net.up;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which addresses are on which card: aliases added and removed later, labels on the new card, failed moves. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AddressBookkeepingTest {

    private static final CardAddress MYSQL = new CardAddress("172.16.177.201", 24, "eth0:2");

    private static List<CardAddress> addressesOn(NetDaemonCore core, String card) {
        return core.status(Optional.of("public"), atSeconds(999)).get(0).cards().stream()
                .filter(status -> status.card().equals(card)).findFirst().orElseThrow().addresses();
    }

    @Test
    void aliasAddedLaterOnTheActiveCardMovesWithIt() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"));
        core.process(new NetEvent.AddressAdded("eth0", MYSQL), atSeconds(1));

        NetAction.MoveAddresses move = moves(core.process(down("eth0"), atSeconds(2))).get(0);

        assertEquals(List.of(STATIC, APACHE, MYSQL), move.removed());
        assertEquals(List.of(STATIC.withLabel("eth1"), APACHE.withLabel("eth1:1"), MYSQL.withLabel("eth1:2")),
                move.added());
        assertEquals(move.added(), addressesOn(core, "eth1"));
        assertEquals(List.of(), addressesOn(core, "eth0"));
    }

    @Test
    void aliasAddedAfterAMoveOnTheNewCardMovesOnTheNextFailure() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(10)), publicNetwork("eth0", "eth1"));
        core.process(down("eth0"), atSeconds(1));
        core.process(up("eth0"), atSeconds(2));
        CardAddress lateAlias = new CardAddress("172.16.177.202", 24, "eth1:2");
        core.process(new NetEvent.AddressAdded("eth1", lateAlias), atSeconds(5));

        NetAction.MoveAddresses back = moves(core.process(down("eth1"), atSeconds(20))).get(0);

        assertEquals("eth0", back.to());
        assertEquals(List.of("172.16.177.1/24(eth0)", "172.16.177.200/24(eth0:1)", "172.16.177.202/24(eth0:2)"),
                back.added().stream().map(CardAddress::toString).toList());
    }

    @Test
    void aliasAddedOnACardWithoutLinkIsMovedAtOnce() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1", "eth2"));
        core.process(down("eth1"), atSeconds(1));
        CardAddress stray = new CardAddress("172.16.177.203", 24, "eth1:1");

        List<NetAction.MoveAddresses> moved = moves(core.process(new NetEvent.AddressAdded("eth1", stray),
                atSeconds(2)));

        assertEquals(List.of(new NetAction.MoveAddresses("public", "eth1", "eth2", List.of(stray),
                List.of(stray.withLabel("eth2:1")))), moved);
    }

    @Test
    void removedAliasIsNotMovedLater() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"));
        core.process(new NetEvent.AddressRemoved("eth0", APACHE.address()), atSeconds(1));
        assertEquals(List.of(STATIC), moves(core.process(down("eth0"), atSeconds(2))).get(0).removed());
    }

    @Test
    void addingAnAddressAlreadyKnownOnThatCardDecidesNothing() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"));
        assertEquals(List.of(), core.process(new NetEvent.AddressAdded("eth0", APACHE), atSeconds(1)));
    }

    @Test
    void removingAnUnknownAddressDecidesNothing() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"));
        assertEquals(List.of(), core.process(new NetEvent.AddressRemoved("eth0", "10.9.9.9"), atSeconds(1)));
    }

    @Test
    void failedMoveMarksTargetFaultyAndTriesTheNextCard() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1", "eth2"));
        NetAction.MoveAddresses first = moves(core.process(down("eth0"), atSeconds(1))).get(0);
        assertEquals("eth1", first.to());

        List<NetAction> retry = core.process(new NetEvent.MoveFailed(first, "ip: RTNETLINK answers: No such device"),
                atSeconds(1.01));

        NetAction.MoveAddresses second = moves(retry).get(0);
        assertEquals("eth0", second.from());
        assertEquals("eth2", second.to());
        assertEquals(List.of(STATIC, APACHE), second.removed());
        assertTrue(Net.logs(retry).get(0).startsWith("ERROR Failed to move IP addresses from eth0 to eth1 (network "
                + "public): ip: RTNETLINK answers: No such device - card eth1 marked faulty for 60 seconds"));

        List<NetAction> last = core.process(new NetEvent.MoveFailed(second, "arping failed"), atSeconds(1.02));
        assertEquals(List.of(), moves(last));
        assertEquals(List.of(new NetAction.ReportNetworkDown("public")), reports(last));
        assertEquals(List.of(STATIC, APACHE), addressesOn(core, "eth0"));
    }

    static Stream<Arguments> labels() {
        return Stream.of(
                Arguments.of("static address takes the card name", List.of("eth0"), List.of(), "eth1",
                        List.of("eth1")),
                Arguments.of("alias keeps its number", List.of("eth0", "eth0:3"), List.of(), "eth1",
                        List.of("eth1", "eth1:3")),
                Arguments.of("taken number gives the lowest free one", List.of("eth0:1"), List.of("eth1:1"), "eth1",
                        List.of("eth1:2")),
                Arguments.of("two aliases wanting one free slot", List.of("eth0:1", "eth0:2"),
                        List.of("eth1:1", "eth1:3"), "eth1", List.of("eth1:2", "eth1:4")),
                Arguments.of("suffix that is not a number gets a number", List.of("eth0:web"), List.of(), "eth1",
                        List.of("eth1:1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labels")
    void labelsOnTheNewCard(String rule, List<String> moving, List<String> onTarget, String card,
                            List<String> expected) {
        List<CardAddress> from = moving.stream().map(label -> new CardAddress("10.0.0." + label.length(), 24, label))
                .toList();
        List<CardAddress> there = onTarget.stream().map(label -> new CardAddress("10.0.1.1", 24, label)).toList();
        assertEquals(expected, AddressLabels.relabel(from, card, there).stream().map(CardAddress::label).toList(),
                rule);
    }

    @Test
    void setupRejectsAddressesOnACardOutsideTheNetworkNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NetworkSetup("public",
                List.of("eth0", "eth1"), Map.of("eth7", List.of(STATIC)), Map.of()));
        assertEquals("addresses given for card eth7, which is not in network public (cards eth0,eth1)",
                e.getMessage());
    }

    @Test
    void staticAddressStaysAheadOfAliasesOnACard() {
        NetworkSetup setup = new NetworkSetup("public", List.of("eth0", "eth1"), Map.of("eth0", List.of(APACHE)),
                Map.of("eth0", true, "eth1", true));
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), setup);
        core.process(new NetEvent.AddressAdded("eth0", STATIC), atSeconds(1));
        assertEquals(List.of(STATIC, APACHE), addressesOn(core, "eth0"));
    }
}
