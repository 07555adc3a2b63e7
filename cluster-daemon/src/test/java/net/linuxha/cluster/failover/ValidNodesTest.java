package net.linuxha.cluster.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Proves 17.2, 17.3 and 21.2.6: software fail-over removes the node, SETVALIDNODES resets or restricts. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ValidNodesTest {

    private static final List<String> CLUSTER = List.of("sl4s1", "sl4s2");

    @Test
    void everyNodeIsValidAtFirst() {
        ValidNodes v = ValidNodes.all(CLUSTER);
        assertEquals(CLUSTER, v.nodes());
        assertTrue(v.isValid("sl4s1") && v.isValid("sl4s2"));
        assertFalse(v.isValid("other"));
        assertEquals("sl4s1,sl4s2", v.joined(","));
        assertEquals("sl4s1+sl4s2", v.joined("+"));
    }

    @Test
    void softwareFailoverForbidsFailBackUntilReset() {
        // 17.2: apache failed over by itself from sl4s2 to sl4s1; clstat then shows Fail-over? No.
        ValidNodes v = ValidNodes.all(CLUSTER).afterSoftwareFailover("sl4s2");
        assertEquals(List.of("sl4s1"), v.nodes());
        assertFalse(v.canFailOver("sl4s1", true));
        // cldaemonctl --msg "SETVALIDNODES app=apache forward=yes"
        ValidNodes reset = v.set(null);
        assertEquals(CLUSTER, reset.nodes());
        assertTrue(reset.canFailOver("sl4s1", true));
        assertEquals(ValidNodes.all(CLUSTER), v.set("  "));
    }

    @Test
    void failingOnBothNodesLeavesNowhereToGo() {
        // 21.2.6: after failing between the two nodes the application is halted, not bounced forever.
        ValidNodes v = ValidNodes.all(CLUSTER).afterSoftwareFailover("sl4s1");
        assertEquals(Optional.of("sl4s2"), ValidNodes.all(CLUSTER).failoverTarget("sl4s1"));
        assertEquals(Optional.empty(), v.failoverTarget("sl4s2"));
        ValidNodes none = v.afterSoftwareFailover("sl4s2");
        assertEquals(List.of(), none.nodes());
        assertFalse(none.isValid("sl4s1") || none.isValid("sl4s2"));
        assertEquals(none, none.afterSoftwareFailover("sl4s2"), "removing twice changes nothing");
    }

    @Test
    void restrictingStopsSoftwareFailover() {
        // 17.3: cldaemonctl --msg "SETVALIDNODES app=samba nodes=sl4s1 forward=yes"
        ValidNodes v = ValidNodes.all(CLUSTER).set("sl4s1");
        assertEquals(List.of("sl4s1"), v.nodes());
        assertFalse(v.canFailOver("sl4s1", true));
        assertEquals(List.of("sl4s1", "sl4s2"), v.set("sl4s2,sl4s1").nodes(), "kept in clconf.xml order");
    }

    @Test
    void failOverColumnSaysNoWhenTheOtherNodeIsDown() {
        assertFalse(ValidNodes.all(CLUSTER).canFailOver("sl4s1", false));
        assertTrue(ValidNodes.all(CLUSTER).canFailOver("sl4s1", true));
    }

    @Test
    void parsesTheListsTheDaemonsExchange() {
        // 10.2: "resp2=DOWN,...,0,1,s14s1+s14s2" then "Setting valid nodes: s14s1,s14s2"
        assertEquals(CLUSTER, ValidNodes.parse("sl4s1+sl4s2", CLUSTER).nodes());
        assertEquals(List.of("sl4s2"), ValidNodes.parse(" sl4s2 ", CLUSTER).nodes());
        assertEquals(CLUSTER, ValidNodes.parse("", CLUSTER).nodes());
    }

    @Test
    void rejectsNodesOutsideTheClusterNamingThem() {
        ValidNodes v = ValidNodes.all(CLUSTER);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.set("sl4s3"));
        assertEquals("SETVALIDNODES names node 'sl4s3', which is not a node of this cluster; use one of sl4s1, "
                + "sl4s2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> v.restrictTo(List.of()));
        assertThrows(IllegalArgumentException.class, () -> v.set(",+"));
        assertThrows(IllegalArgumentException.class, () -> v.afterSoftwareFailover("sl4s3"));
        assertThrows(IllegalArgumentException.class, () -> ValidNodes.all(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ValidNodes.all(List.of("a", "a")));
    }

    @Test
    void valueSemantics() {
        assertEquals(ValidNodes.all(CLUSTER).hashCode(), ValidNodes.all(CLUSTER).hashCode());
        assertFalse(ValidNodes.all(CLUSTER).equals(ValidNodes.all(CLUSTER).set("sl4s1")));
        assertEquals("ValidNodes[sl4s1] of [sl4s1, sl4s2]", ValidNodes.all(CLUSTER).set("sl4s1").toString());
    }
}
