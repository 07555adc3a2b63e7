package net.linuxha.cluster.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.linuxha.cluster.failover.TakeoverDecision.Verdict;
import net.linuxha.cluster.state.ApplicationState;

/** Proves 21.3's rules for starting a dead node's applications: what, in which order, and why. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TakeoverPlannerTest {

    private static final List<String> CLUSTER = List.of("serverA", "serverB");
    private static final ValidNodes ALL = ValidNodes.all(CLUSTER);

    private static TakeoverCandidate app(String name, String node, ApplicationState state, String... deps) {
        return new TakeoverCandidate(name, node, state, Takeover.NORMAL, LocalData.CURRENT, ALL, List.of(deps));
    }

    private static TakeoverCandidate app(String name, Takeover takeover, LocalData data, ValidNodes valid) {
        return new TakeoverCandidate(name, "serverA", ApplicationState.STARTED, takeover, data, valid, List.of());
    }

    private static TakeoverPlan plan(TakeoverCandidate... apps) {
        return TakeoverPlanner.plan("serverB", "serverA", List.of(apps));
    }

    @ParameterizedTest(name = "takeover={0} data={1} validHere={2} -> {3}")
    @CsvSource({
        "NORMAL, CURRENT, true, START",
        "FORCE, CURRENT, true, START",
        "NORMAL, STALE, true, SKIP",
        "FORCE, STALE, true, START_STALE",
        "NORMAL, CURRENT, false, SKIP",
        "FORCE, STALE, false, SKIP"})
    void decidesEachApplication(Takeover takeover, LocalData data, boolean validHere, Verdict expected) {
        ValidNodes valid = validHere ? ALL : ALL.afterSoftwareFailover("serverB");
        TakeoverPlan p = plan(app("samba", takeover, data, valid));
        List<TakeoverDecision> all = expected.starts() ? p.toStart() : p.skipped();
        assertEquals(1, all.size());
        assertEquals(expected, all.get(0).verdict(), all.get(0).reason());
    }

    @Test
    void reasonsTellTheAdministratorWhatToDo() {
        assertEquals("Starting application apache on serverB since node serverA has died.",
                plan(app("apache", Takeover.NORMAL, LocalData.CURRENT, ALL)).toStart().get(0).reason());
        assertEquals("Application samba not started: the data on serverB is stale and takeover is normal. Recover "
                + "serverA, or start it with stale data using clstartapp --reallyforce if losing recent changes "
                + "is acceptable.",
                plan(app("samba", Takeover.NORMAL, LocalData.STALE, ALL)).skipped().get(0).reason());
        assertEquals("Starting application samba on serverB with stale data since takeover is force - the copy on "
                + "serverA will be overwritten when it rejoins the cluster.",
                plan(app("samba", Takeover.FORCE, LocalData.STALE, ALL)).toStart().get(0).reason());
        assertTrue(plan(app("samba", Takeover.NORMAL, LocalData.CURRENT, ALL.set("serverA"))).skipped().get(0)
                .reason().contains("SETVALIDNODES app=samba forward=yes"));
    }

    @Test
    void onlyApplicationsThatWereUpOnTheDeadNodeAreConsidered() {
        TakeoverPlan p = plan(
                app("apache", "serverA", ApplicationState.STARTED),
                app("starting", "serverA", ApplicationState.STARTING),
                app("stopping", "serverA", ApplicationState.STOPPING),
                app("local", "serverB", ApplicationState.STARTED),
                app("down", null, ApplicationState.DOWN));
        assertEquals(List.of("apache", "starting"), p.startOrder());
        assertEquals(List.of("stopping"), p.skipped().stream().map(TakeoverDecision::application).toList());
        assertEquals("Application stopping was stopping on serverA when it died - left DOWN.",
                p.skipped().get(0).reason());
    }

    @Test
    void dependenciesStartFirstOtherwiseTheGivenOrderIsKept() {
        TakeoverPlan p = plan(
                app("web", "serverA", ApplicationState.STARTED, "db", "cache"),
                app("mail", "serverA", ApplicationState.STARTED),
                app("cache", "serverA", ApplicationState.STARTED, "db"),
                app("db", "serverA", ApplicationState.STARTED, "unregistered"));
        assertEquals(List.of("mail", "db", "cache", "web"), p.startOrder());
    }

    @Test
    void aSkippedDependencyIsNotedButDoesNotBlock() {
        TakeoverPlan p = plan(
                new TakeoverCandidate("db", "serverA", ApplicationState.STARTED, Takeover.NORMAL, LocalData.STALE,
                        ALL, List.of()),
                app("web", "serverA", ApplicationState.STARTED, "db"));
        assertEquals(List.of("web"), p.startOrder());
        assertTrue(p.toStart().get(0).reason().endsWith(" Its dependencies db were not started."));
    }

    @Test
    void aDependencyCycleIsBrokenAtTheFirstApplicationAndNoted() {
        TakeoverPlan p = plan(
                app("a", "serverA", ApplicationState.STARTED, "b"),
                app("b", "serverA", ApplicationState.STARTED, "a"),
                app("c", "serverA", ApplicationState.STARTED, "a"));
        assertEquals(List.of("a", "b", "c"), p.startOrder());
        assertTrue(p.toStart().get(0).reason().contains("form a cycle (b)"), p.toStart().get(0).reason());
        assertTrue(!p.toStart().get(1).reason().contains("cycle"));
    }

    @Test
    void takeoverSettingDefaultsToNormal() {
        assertEquals(Takeover.FORCE, Takeover.fromConfig(" Force "));
        assertEquals(Takeover.NORMAL, Takeover.fromConfig("normal"));
        assertEquals(Takeover.NORMAL, Takeover.fromConfig("forced"));
        assertEquals(Takeover.NORMAL, Takeover.fromConfig(null));
    }
}
