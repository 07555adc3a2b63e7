package net.linuxha.lems.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.support.Checks;
import net.linuxha.lems.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What is due when, as a pure function of the schedule and a test clock; no thread, no sleep. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ScheduleTest {

    private final MutableClock clock = MutableClock.at(1_118_279_821);
    private final Schedule schedule = new Schedule(clock);
    private final Instant start = clock.instant();

    private void add(String name, double interval) {
        schedule.add(Checks.of(name, Duration.ofMillis((long) (interval * 1000)), 0, "NOP"), () -> CheckResult.of(0));
    }

    private static List<String> names(List<RunOrder> orders) {
        return orders.stream().map(RunOrder::name).toList();
    }

    private List<String> due() {
        return schedule.startDue().stream().map(RunOrder::name).toList();
    }

    private RunOrder startOnly(String name) {
        RunOrder order = schedule.startDue().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
        return order;
    }

    @Test
    void aCheckFirstRunsOneIntervalAfterItIsAddedNeverSooner() {
        add("flag_check", 5);
        assertEquals(Optional.of(start.plusSeconds(5)), schedule.nextWakeup());
        clock.advanceSeconds(4.999);
        assertEquals(List.of(), due());
        clock.advanceSeconds(0.001);
        assertEquals(List.of("flag_check"), due());
    }

    @Test
    void theNextRunIsOneIntervalAfterTheRunFinishes() {
        add("httpd", 10);
        clock.advanceSeconds(10);
        RunOrder order = startOnly("httpd");
        clock.advanceSeconds(3);
        assertTrue(schedule.completed("httpd", order.runId()));
        assertEquals(Optional.of(start.plusSeconds(23)), schedule.status("httpd").orElseThrow().nextRun());
    }

    @Test
    void aRunningCheckIsNotStartedAgainEvenWhenOverdue() {
        add("slow", 1);
        clock.advanceSeconds(1);
        startOnly("slow");
        clock.advanceSeconds(5);
        assertEquals(List.of(), due());
    }

    @Test
    void checksAreStartedEarliestDueFirstAndEachOnlyOnce() {
        add("a", 2);
        add("b", 1);
        add("c", 0.5);
        clock.advanceSeconds(2);
        assertEquals(List.of("c", "b", "a"), due());
        assertEquals(List.of(), due());
    }

    @Test
    void intervalZeroRunsOnlyWhenStartedAndThenOnce() {
        add("move_ip", 0);
        clock.advanceSeconds(3600);
        assertEquals(List.of(), due());
        assertEquals(Optional.empty(), schedule.nextWakeup());
        assertTrue(schedule.start("move_ip", Optional.empty()));
        RunOrder order = startOnly("move_ip");
        assertTrue(schedule.completed("move_ip", order.runId()));
        assertEquals(Optional.empty(), schedule.status("move_ip").orElseThrow().nextRun(), "dormant again");
    }

    @Test
    void startOfAScheduledCheckKeepsItsNextRunButTakesTheNewInterval() {
        add("ip", 10);
        clock.advanceSeconds(4);
        assertFalse(schedule.start("ip", Optional.of(Duration.ofSeconds(2))));
        assertEquals(Optional.of(start.plusSeconds(10)), schedule.status("ip").orElseThrow().nextRun());
        assertEquals(Duration.ofSeconds(2), schedule.status("ip").orElseThrow().interval());
    }

    @Test
    void overdueRunsAreGivenUpOnAndTheCheckWaitsForTheThreadToReturn() {
        // A schedule whose runs may take 3 seconds.
        Schedule timed = new Schedule(clock, Duration.ofSeconds(3));
        timed.add(Checks.of("hang2", Duration.ofSeconds(1)), () -> CheckResult.of(0));
        clock.advanceSeconds(1);
        List<RunOrder> orders = timed.startDue();
        RunOrder hang2 = orders.get(0);
        assertEquals(start.plusSeconds(4), hang2.deadline());
        assertEquals(Optional.of(start.plusSeconds(4)), timed.nextWakeup(), "wakes for the deadline");
        clock.advanceSeconds(3);
        assertEquals(List.of("hang2"), names(timed.overdue()));
        assertEquals(List.of(), timed.overdue(), "given up on once");
        clock.advanceSeconds(2);
        assertEquals(List.of(), names(timed.startDue()), "not started while its thread is still busy");
        assertFalse(timed.completed("hang2", hang2.runId()), "a late result is dropped");
        assertEquals(List.of("hang2"), names(timed.startDue()), "started again once the thread returned");
    }

    @Test
    void aResultArrivingAfterTheCheckWasStoppedIsDropped() {
        add("httpd", 10);
        clock.advanceSeconds(10);
        RunOrder order = startOnly("httpd");
        assertTrue(schedule.stop("httpd"));
        assertFalse(schedule.completed("httpd", order.runId()));
        assertEquals(Optional.empty(), schedule.status("httpd").orElseThrow().nextRun());
    }

    @Test
    void pauseActionDelaysTheNextRun() {
        add("fsmon", 10);
        schedule.pause("fsmon", Duration.ofSeconds(30));
        assertEquals(Optional.of(start.plusSeconds(30)), schedule.status("fsmon").orElseThrow().nextRun());
    }

    @Test
    void pauseStopsEverythingAndResumeRestoresOnlyWhatWasRunning() {
        add("httpd", 10);
        add("flag_check", 5);
        add("fsmon", 10);
        add("move_ip", 0);
        schedule.stop("fsmon");
        schedule.pauseAll();
        assertTrue(schedule.statuses().stream().allMatch(s -> s.nextRun().isEmpty()), "all show as stopped");
        clock.advanceSeconds(100);
        assertEquals(List.of(), due());
        assertFalse(schedule.start("httpd", Optional.empty()), "actions cannot start checks under a PAUSE");

        schedule.resumeAll();

        assertEquals(Optional.of(clock.instant().plusSeconds(10)), schedule.status("httpd").orElseThrow().nextRun());
        assertEquals(Optional.of(clock.instant().plusSeconds(5)),
                schedule.status("flag_check").orElseThrow().nextRun());
        assertEquals(Optional.empty(), schedule.status("fsmon").orElseThrow().nextRun(), "stopped before PAUSE");
        assertEquals(Optional.empty(), schedule.status("move_ip").orElseThrow().nextRun(), "still dormant");
    }

    @Test
    void pauseAndResumeOfOneMonitor() {
        add("httpd", 10);
        add("flag_check", 5);
        assertTrue(schedule.pauseOne("httpd"));
        clock.advanceSeconds(60);
        assertEquals(List.of("flag_check"), due());
        assertEquals(Optional.of(Duration.ofSeconds(10)), schedule.resumeOne("httpd"));
        assertEquals(Optional.of(clock.instant().plusSeconds(10)), schedule.status("httpd").orElseThrow().nextRun());
        assertFalse(schedule.pauseOne("nosuch"));
        assertEquals(Optional.empty(), schedule.resumeOne("nosuch"));
    }

    @Test
    void aMonitorPausedByNameDuringAGlobalPauseStaysStoppedAfterResume() {
        add("httpd", 10);
        add("flag_check", 5);
        schedule.pauseAll();
        schedule.pauseOne("httpd");
        schedule.resumeAll();
        assertEquals(Optional.empty(), schedule.status("httpd").orElseThrow().nextRun());
        assertTrue(schedule.status("flag_check").orElseThrow().nextRun().isPresent());
    }

    @Test
    void installedChecksDuringAPauseWaitForResume() {
        schedule.pauseAll();
        add("late", 5);
        assertEquals(Optional.empty(), schedule.status("late").orElseThrow().nextRun());
        schedule.resumeAll();
        assertEquals(Optional.of(start.plusSeconds(5)), schedule.status("late").orElseThrow().nextRun());
    }

    @Test
    void removedChecksDisappearAndDuplicatesAreRefused() {
        add("httpd", 10);
        assertThrows(IllegalArgumentException.class, () -> add("httpd", 10));
        clock.advanceSeconds(10);
        RunOrder order = startOnly("httpd");
        schedule.remove("httpd");
        assertFalse(schedule.completed("httpd", order.runId()));
        assertEquals(List.of(), schedule.statuses());
    }

    @Test
    void exitIsRememberedOnceWithTheFirstReason() {
        schedule.requestExit(net.linuxha.lems.action.ExitReason.FAILOVER);
        schedule.requestExit(net.linuxha.lems.action.ExitReason.ABORT_REQUEST);
        assertEquals(Optional.of(net.linuxha.lems.action.ExitReason.FAILOVER), schedule.exitRequested());
    }
}
