package net.linuxha.cli.clrunapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.PreferredNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The choice of node (19.2, 23) from given facts, and which facts it needed to ask. */
@Timeout(10)
class PlacementTest {

    /** Facts held in fields; records which were asked. */
    private static final class Given implements Placement.Facts {
        Set<String> up = new LinkedHashSet<>(List.of("a", "b"));
        List<String> valid = List.of("a", "b");
        Optional<String> pnode = Optional.empty();
        Optional<PreferredNode> preferred = Optional.empty();
        Map<String, Integer> running = new HashMap<>();
        Map<String, Double> loads = new HashMap<>();
        String local = "b";
        final List<String> asked = new ArrayList<>();

        @Override
        public List<String> nodes() {
            return List.of("a", "b");
        }

        @Override
        public String localNode() {
            return local;
        }

        @Override
        public Set<String> upNodes() {
            return up;
        }

        @Override
        public List<String> validNodes(String application) {
            return valid;
        }

        @Override
        public Optional<String> daemonPreference(String application) {
            asked.add("PNODE");
            return pnode;
        }

        @Override
        public Optional<PreferredNode> configuredPreference(String application) {
            return preferred;
        }

        @Override
        public int runningCount(String node) {
            asked.add("count " + node);
            return running.getOrDefault(node, 0);
        }

        @Override
        public OptionalDouble load(String node) {
            asked.add("load " + node);
            Double load = loads.get(node);
            return load == null ? OptionalDouble.empty() : OptionalDouble.of(load);
        }
    }

    @Test
    void theDaemonsPreferenceWinsOverAppconf() {
        Given facts = new Given();
        facts.pnode = Optional.of("A ");
        facts.preferred = Optional.of(PreferredNode.named("b"));

        assertEquals("a", Placement.choose("x", Optional.empty(), facts).node());
    }

    @Test
    void aPnodeNamingANodeThatIsDownFallsBackToAppconf() {
        Given facts = new Given();
        facts.pnode = Optional.of("c");
        facts.preferred = Optional.of(PreferredNode.named("a"));

        assertEquals(new Placement.Choice("a", "preferred_node a"), Placement.choose("x", Optional.empty(), facts));
    }

    @Test
    void leastAppLoadTakesTheNodeWithFewerApplicationsAndTiesGoToTheFirstNode() {
        Given facts = new Given();
        facts.preferred = Optional.of(PreferredNode.of(PreferredNode.Policy.LEAST_APP_LOAD));
        facts.running.put("a", 2);
        facts.running.put("b", 1);
        assertEquals("b", Placement.choose("x", Optional.empty(), facts).node());

        facts.running.put("b", 2);
        assertEquals("a", Placement.choose("x", Optional.empty(), facts).node());
    }

    @Test
    void leastCpuLoadIgnoresANodeWithoutALoadAverage() {
        Given facts = new Given();
        facts.preferred = Optional.of(PreferredNode.of(PreferredNode.Policy.LEAST_CPU_LOAD));
        facts.loads.put("b", 3.5);

        assertEquals("b", Placement.choose("x", Optional.empty(), facts).node());
        facts.loads.put("a", 0.2);
        assertEquals("a", Placement.choose("x", Optional.empty(), facts).node());
    }

    @Test
    void withoutAnyPreferenceThisNodeIsChosen() {
        Given facts = new Given();

        assertEquals(new Placement.Choice("b", "no preferred node applies"),
                Placement.choose("x", Optional.empty(), facts));
    }

    @Test
    void theOnlyAvailableNodeIsChosenWithoutAskingAnything() {
        Given facts = new Given();
        facts.up = Set.of("a");
        facts.preferred = Optional.of(PreferredNode.named("b"));

        assertEquals("a", Placement.choose("x", Optional.empty(), facts).node());
        assertEquals(List.of(), facts.asked);
    }

    @Test
    void theValidNodeListExcludesANodeEvenWhenItIsPreferred() {
        Given facts = new Given();
        facts.valid = List.of("b");
        facts.preferred = Optional.of(PreferredNode.named("a"));

        assertEquals("b", Placement.choose("x", Optional.empty(), facts).node());
    }

    @Test
    void noValidNodeUpIsAnErrorNamingReset() {
        Given facts = new Given();
        facts.up = Set.of("a");
        facts.valid = List.of("b");

        ToolException e = assertThrows(ToolException.class, () -> Placement.choose("x", Optional.empty(), facts));
        assertTrue(e.getMessage().startsWith("No node may run application x: nodes up: a; valid nodes for x: b."),
                e.getMessage());
        assertTrue(e.getMessage().contains("--reset"), e.getMessage());
    }

    @Test
    void aRequestedNodeIsTakenWithoutAskingForPreferences() {
        Given facts = new Given();
        facts.pnode = Optional.of("b");

        assertEquals(new Placement.Choice("a", "--node"), Placement.choose("x", Optional.of("a"), facts));
        assertEquals(List.of(), facts.asked);
    }
}
