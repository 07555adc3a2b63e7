package net.linuxha.lems.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.config.LemsCheck;
import net.linuxha.lems.schedule.Schedule;
import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.support.Checks;
import net.linuxha.lems.support.MutableClock;
import net.linuxha.lems.support.RecordingClusterLink;
import net.linuxha.lems.support.TestPrograms;
import net.linuxha.common.testing.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The effects of action lists on a real schedule with a fixed clock, the cluster link and real RUNCMD processes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ActionExecutorTest {

    private static final Monitor IDLE = () -> CheckResult.of(0);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(1_000_000);
    private final Schedule schedule = new Schedule(clock);
    private final RecordingClusterLink cluster = new RecordingClusterLink();
    private final TestPrograms programs = new TestPrograms();
    private ActionExecutor executor;

    @BeforeEach
    void setUp() {
        executor = new ActionExecutor("apache", schedule, cluster, programs, dir.resolve("programs"),
                dir.resolve("logs"));
        add("flag_check", 5, 0, "NOP", 1, "%RCDATA%", 2, "ABORT");
        add("httpd", 10, 0, "NOP", 1, "STOP", 2, "FAILOVER");
        add("move_ip", 0, 0, "STOP", 1, "ABORT");
        add("fsmon", 10, 0, "NOP", 1, "PAUSE 30", 3, "HALTAPP", 4, "REMOVEMON",
                5, "RUNCMD " + dir.resolve("note.sh") + " %RCDATA%; rubbish; STOP");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        programs.killAll(Duration.ofSeconds(10));
    }

    private void add(String name, int interval, Object... codesAndActions) {
        schedule.add(Checks.of(name, Duration.ofSeconds(interval), codesAndActions), IDLE);
    }

    private Optional<Instant> next(String name) {
        return schedule.status(name).orElseThrow().nextRun();
    }

    @Test
    void rcdataFromFlagCheckStopsAndStartsNamedChecks() {
        executor.onResult(check("flag_check"), CheckResult.of(1, "STOP httpd;"));
        assertEquals(Optional.empty(), next("httpd"));
        clock.advanceSeconds(3);
        executor.onResult(check("flag_check"), CheckResult.of(1, "START httpd;"));
        assertEquals(Optional.of(clock.instant().plusSeconds(10)), next("httpd"), "START runs after the interval");
    }

    @Test
    void stopWithoutANameStopsTheCurrentCheck() {
        executor.onResult(check("httpd"), CheckResult.of(1));
        assertEquals(Optional.empty(), next("httpd"));
        assertTrue(next("flag_check").isPresent());
    }

    @Test
    void runWithAnIntervalChangesTheInterval() {
        executor.onResult(check("flag_check"), CheckResult.of(1, "RUN move_ip 3"));
        assertEquals(Optional.of(clock.instant().plusSeconds(3)), next("move_ip"));
        assertEquals(Duration.ofSeconds(3), schedule.status("move_ip").orElseThrow().interval());
    }

    @Test
    void unknownCheckNamesAreWarnedAboutAndChangeNothing() {
        List<Action> done = executor.onResult(check("flag_check"), CheckResult.of(1, "STOP nosuch;"));
        assertEquals(1, done.size());
        assertTrue(next("httpd").isPresent());
    }

    @Test
    void failoverAsksClusterDaemonThenRequestsExit() {
        executor.onResult(check("httpd"), CheckResult.of(2));
        assertEquals(List.of("FAILOVER apache"), cluster.requests());
        assertEquals(Optional.of(ExitReason.FAILOVER), schedule.exitRequested());
    }

    @Test
    void failoverStillExitsWhenClusterDaemonCannotBeReached() {
        cluster.makeUnreachable();
        executor.onResult(check("flag_check"), CheckResult.of(2));
        assertEquals(Optional.of(ExitReason.FAILOVER), schedule.exitRequested());
    }

    @Test
    void haltAppAsksForAHaltWithoutFailover() {
        executor.onResult(check("fsmon"), CheckResult.of(3));
        assertEquals(List.of("HALT apache"), cluster.requests());
        assertEquals(Optional.of(ExitReason.HALT_APPLICATION), schedule.exitRequested());
    }

    @Test
    void pauseDelaysTheCurrentCheckButKeepsItsInterval() {
        executor.onResult(check("fsmon"), CheckResult.of(1));
        assertEquals(Optional.of(clock.instant().plusSeconds(30)), next("fsmon"));
        assertEquals(Duration.ofSeconds(10), schedule.status("fsmon").orElseThrow().interval());
    }

    @Test
    void removeMonRemovesTheCurrentCheck() {
        executor.onResult(check("fsmon"), CheckResult.of(4));
        assertFalse(schedule.exists("fsmon"));
        assertEquals(1, schedule.takeRetired().size(), "its monitor is handed back to be closed");
    }

    @Test
    void unknownReturnCodeDoesNothing() {
        assertEquals(List.of(), executor.onResult(check("httpd"), CheckResult.of(9)));
        assertTrue(next("httpd").isPresent());
        assertEquals(List.of(), cluster.requests());
    }

    @Test
    void runcmdRunsInTheBackgroundWithOutputInTheMonitorsFilesAndTheRestStillRuns() throws Exception {
        Path script = dir.resolve("note.sh");
        Files.writeString(script, "#!/bin/sh\necho \"noted $1\"\necho oops >&2\n");
        assertTrue(script.toFile().setExecutable(true));

        List<Action> done = executor.onResult(check("fsmon"), CheckResult.of(5, "vg01"));

        assertEquals(3, done.size());
        assertEquals(Optional.empty(), next("fsmon"), "STOP after the bad entry still ran");
        Path out = dir.resolve("logs/apache-fsmon.stdout");
        Path err = dir.resolve("logs/apache-fsmon.stderr");
        assertTrue(Wait.until(Duration.ofSeconds(10),
                () -> read(out).contains("noted vg01") && read(err).contains("oops")));
    }

    @Test
    void runcmdFindsBareNamesInTheProgramsDirectory() throws Exception {
        Files.createDirectories(dir.resolve("programs"));
        Path script = dir.resolve("programs/tell");
        Files.writeString(script, "#!/bin/sh\necho told\n");
        assertTrue(script.toFile().setExecutable(true));
        executor.onResult(Checks.of("httpd", Duration.ofSeconds(10), 7, "RUNCMD tell"), CheckResult.of(7));
        assertEquals(script.toString(), programs.calls().get(0).program());
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> read(dir.resolve("logs/apache-httpd.stdout"))
                .contains("told")));
    }

    private LemsCheck check(String name) {
        return schedule.status(name).orElseThrow().definition();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
