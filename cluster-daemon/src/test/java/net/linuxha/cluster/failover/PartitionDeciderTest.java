package net.linuxha.cluster.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import net.linuxha.cluster.failover.ApplicationProbe.Location;
import net.linuxha.cluster.failover.PartitionVerdict.Outcome;

/** Proves the 21.6 questions, in the Reference's order, for each kind of evidence. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PartitionDeciderTest {

    private static final Checklist ROUTER_OK = new Checklist("main", 1, 1, 100);
    private static final Checklist ROUTER_DOWN = new Checklist("main", 1, 0, 100);
    private static final Checklist EMPTY = new Checklist("main", 0, 0, 100);

    private static ApplicationProbe app(String name, Location where, boolean ipAnswers, Checklist... lists) {
        return new ApplicationProbe(name, where, ipAnswers, List.of(lists));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("service IP of a peer application answers", List.of(
                        app("apache", Location.PEER, true, ROUTER_DOWN)), Outcome.PEER_DAEMON_DIED),
                Arguments.of("a service IP answering outranks checklists", List.of(
                        app("samba", Location.HERE, false, ROUTER_OK),
                        app("apache", Location.PEER, true)), Outcome.PEER_DAEMON_DIED),
                Arguments.of("IP of an application not on the peer proves nothing", List.of(
                        app("apache", Location.HERE, true)), Outcome.PARTITIONED),
                Arguments.of("checklist of a local application passes", List.of(
                        app("samba", Location.HERE, false, ROUTER_OK),
                        app("apache", Location.PEER, false)), Outcome.PEER_DEAD),
                Arguments.of("checklist of a peer application passes", List.of(
                        app("apache", Location.PEER, false, ROUTER_OK)), Outcome.PEER_DEAD),
                Arguments.of("one passing checklist among failing ones", List.of(
                        app("apache", Location.PEER, false, ROUTER_DOWN),
                        app("samba", Location.HERE, false, ROUTER_DOWN, ROUTER_OK)), Outcome.PEER_DEAD),
                Arguments.of("every checklist fails: we are cut off", List.of(
                        app("apache", Location.PEER, false, ROUTER_DOWN),
                        app("samba", Location.HERE, false, ROUTER_DOWN)), Outcome.PARTITIONED),
                Arguments.of("checklists of stopped applications are not used", List.of(
                        app("apache", Location.NOWHERE, false, ROUTER_OK),
                        app("samba", Location.PEER, false)), Outcome.PEER_DEAD),
                Arguments.of("no usable checklist, application on peer: assume down", List.of(
                        app("apache", Location.PEER, false, EMPTY)), Outcome.PEER_DEAD),
                Arguments.of("no usable checklist, nothing on peer: partitioned", List.of(
                        app("samba", Location.HERE, false),
                        app("apache", Location.NOWHERE, false)), Outcome.PARTITIONED),
                Arguments.of("no applications at all", List.of(), Outcome.PARTITIONED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String what, List<ApplicationProbe> apps, Outcome expected) {
        PartitionVerdict v = PartitionDecider.decide("sl4s2", apps);
        assertEquals(expected, v.outcome(), v.reason());
        assertEquals(expected == Outcome.PEER_DEAD, v.allowsTakeover());
    }

    @Test
    void reasonsSayWhatWasSeen() {
        assertEquals("Checklist of application samba answers (network main: 1/1 hosts, checkpercent 100) - the "
                + "network is available from here, so node sl4s2 is assumed down.",
                PartitionDecider.decide("sl4s2", List.of(app("samba", Location.HERE, false, ROUTER_OK))).reason());
        assertEquals("No application checklist reaches its checkpercent (apache network main: 0/1 hosts, "
                + "checkpercent 100; samba network main: 0/1 hosts, checkpercent 100) - this node is cut off: "
                + "network partitioned, no application state changes.",
                PartitionDecider.decide("sl4s2", List.of(app("apache", Location.PEER, false, ROUTER_DOWN, EMPTY),
                        app("samba", Location.HERE, false, ROUTER_DOWN))).reason());
        assertTrue(PartitionDecider.decide("sl4s2", List.of(app("a", Location.PEER, false),
                app("b", Location.PEER, false))).reason().startsWith("No running application has a usable checklist "
                + "and a, b run on sl4s2"));
    }

    @Test
    void checkpercentIsAShareOfTheHosts() {
        assertTrue(new Checklist("main", 4, 2, 50).passes());
        assertFalse(new Checklist("main", 4, 1, 50).passes());
        assertTrue(new Checklist("main", 3, 1, 33).passes());
        assertFalse(new Checklist("main", 3, 1, 34).passes());
        assertTrue(new Checklist("main", 3, 0, 0).passes());
        assertFalse(EMPTY.passes());
        assertThrows(IllegalArgumentException.class, () -> new Checklist("main", 1, 2, 50));
        assertThrows(IllegalArgumentException.class, () -> new Checklist("main", -1, 0, 50));
        assertThrows(IllegalArgumentException.class, () -> new Checklist("main", 1, -1, 50));
        assertThrows(IllegalArgumentException.class, () -> new Checklist("main", 1, 1, 101));
        assertThrows(IllegalArgumentException.class, () -> new Checklist("main", 1, 1, -1));
    }
}
