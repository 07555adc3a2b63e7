package net.linuxha.lems.monitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.config.ApplicationNetwork;
import net.linuxha.common.shell.IpAddress;
import net.linuxha.common.shell.IpInterface;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The decisions of ip_move_interface, without cards: where addresses go, their labels, and the history rules. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MovePlanTest {

    private static final ApplicationNetworks.Network PUBLIC = new ApplicationNetworks.Network("public",
            List.of("eth0", "eth1", "eth3"), new ApplicationNetwork("public", List.of("172.16.177.200"),
            Optional.of("255.255.255.0"), Optional.empty(), List.of(), 100, Optional.empty(), Optional.empty()));

    private static IpInterface card(String name, IpAddress... addresses) {
        return new IpInterface(1, name, List.of("UP", "LOWER_UP"), "UP", 1500, Optional.empty(), List.of(addresses));
    }

    private static IpAddress address(String address, String label) {
        return new IpAddress("inet", address, 24, Optional.of("172.16.177.255"), Optional.of(label), "global",
                label.contains(":"));
    }

    @Test
    void addressesOnACardWithALinkStayWhereTheyAre() {
        MovePlan.Plan plan = MovePlan.plan(PUBLIC, List.of(card("eth0", address("172.16.177.1", "eth0"),
                address("172.16.177.200", "eth0:1")), card("eth1")), c -> true, Set.of(), false);
        assertInstanceOf(MovePlan.NothingToDo.class, plan);
    }

    @Test
    void aLostLinkMovesTheAliasToTheNextCardKeepingItsNumber() {
        MovePlan.Plan plan = MovePlan.plan(PUBLIC, List.of(card("eth0", address("172.16.177.1", "eth0"),
                address("172.16.177.200", "eth0:1")), card("eth1")), c -> !c.equals("eth0"), Set.of(), false);
        MovePlan.Move move = assertInstanceOf(MovePlan.Move.class, plan);
        assertEquals(Optional.of("eth0"), move.from());
        assertEquals("eth1", move.to());
        assertEquals(List.of(new MovePlan.Add("172.16.177.200", 24, "172.16.177.255", "eth1:1")), move.adds());
        assertEquals(List.of(new MovePlan.Delete("eth0", "172.16.177.200", 24)), move.deletes());
    }

    @Test
    void aCardLeftRecentlyIsSkippedAndNoCardLeftMeansFailover() {
        List<IpInterface> cards = List.of(card("eth0"), card("eth1", address("172.16.177.200", "eth1:1")),
                card("eth3"));
        MovePlan.Move move = assertInstanceOf(MovePlan.Move.class,
                MovePlan.plan(PUBLIC, cards, c -> !c.equals("eth1"), Set.of("eth0"), false));
        assertEquals("eth3", move.to());
        assertInstanceOf(MovePlan.NoCard.class,
                MovePlan.plan(PUBLIC, cards, c -> !c.equals("eth1"), Set.of("eth0", "eth3"), false));
    }

    @Test
    void aFailedChecklistLeavesEvenACardWithALink() {
        MovePlan.Plan plan = MovePlan.plan(PUBLIC, List.of(card("eth0", address("172.16.177.200", "eth0:1")),
                card("eth1")), c -> true, Set.of(), true);
        assertEquals("eth1", assertInstanceOf(MovePlan.Move.class, plan).to());
    }

    @Test
    void aMissingAddressIsAssignedWithTheNetmaskAndTheFirstFreeLabel() {
        MovePlan.Plan plan = MovePlan.plan(PUBLIC, List.of(card("eth0", address("172.16.177.1", "eth0"),
                address("172.16.177.201", "eth0:1"))), c -> true, Set.of(), false);
        MovePlan.Move move = assertInstanceOf(MovePlan.Move.class, plan);
        assertEquals(Optional.empty(), move.from());
        assertEquals(List.of(new MovePlan.Add("172.16.177.200", 24, "+", "eth0:2")), move.adds());
        assertTrue(move.deletes().isEmpty());
    }

    @Test
    void labelsKeepTheirNumberUnlessTaken() {
        assertEquals("eth1:3", MovePlan.label(Optional.of("eth0:3"), "eth1", Set.of("eth1:1")));
        assertEquals("eth1:2", MovePlan.label(Optional.of("eth0:1"), "eth1", Set.of("eth1:1")));
        assertEquals("eth1:1", MovePlan.label(Optional.empty(), "eth1", Set.of()));
    }

    @Test
    void netmasksBecomePrefixesAndBadOnesNameTheFix() {
        assertEquals(24, MovePlan.prefixLength("255.255.255.0", "public"));
        assertEquals(20, MovePlan.prefixLength("255.255.240.0", "public"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MovePlan.prefixLength("255.0.255.0", "public"));
        assertTrue(e.getMessage().contains("appconf.xml"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> MovePlan.prefixLength("24", "public"));
    }

    @Test
    void historyForgetsCardsAfterTheWindowAndCountsMoves() {
        MoveHistory history = new MoveHistory(Duration.ofSeconds(300), 2);
        Instant t0 = Instant.ofEpochSecond(1_000_000);
        history.record("public", new MoveHistory.Move(t0, Optional.of("eth0"), "eth1"));
        assertEquals(Set.of("eth0"), history.recentlyLeft("public", t0.plusSeconds(299)));
        assertFalse(history.tooOften("public", t0.plusSeconds(10)));
        history.record("public", new MoveHistory.Move(t0.plusSeconds(10), Optional.of("eth1"), "eth0"));
        assertTrue(history.tooOften("public", t0.plusSeconds(20)), "two moves in 300 s with a limit of 2");
        assertTrue(history.recentlyLeft("other", t0).isEmpty(), "networks are apart");
        assertEquals(Set.of("eth1"), history.recentlyLeft("public", t0.plusSeconds(300)));
        assertFalse(history.tooOften("public", t0.plusSeconds(300)));
        assertTrue(history.recentlyLeft("public", t0.plusSeconds(310)).isEmpty());
    }
}
