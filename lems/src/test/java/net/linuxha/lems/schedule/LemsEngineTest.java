package net.linuxha.lems.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import net.linuxha.common.config.LemsCheck;
import net.linuxha.lems.action.ActionExecutor;
import net.linuxha.lems.action.ExitReason;
import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.support.Checks;
import net.linuxha.lems.support.RecordingClusterLink;
import net.linuxha.lems.support.TestPrograms;
import net.linuxha.common.testing.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine with real threads and the real clock: hanging checks, timeouts, triggered checks, fail-over exit. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LemsEngineTest {

    /** Scheduling slack allowed on a loaded two-core machine beyond a check's interval. */
    private static final Duration SLACK = Duration.ofMillis(400);

    @TempDir
    Path dir;

    private final RecordingClusterLink cluster = new RecordingClusterLink();
    private final CountDownLatch release = new CountDownLatch(1);
    private LemsEngine engine;

    @BeforeEach
    void setUp() {
        // Runs may take 200 ms: the hanging and slow checks below overrun it, the others return at once.
        engine = new LemsEngine(Clock.systemUTC(), Duration.ofMillis(200), control -> new ActionExecutor("apache",
                control, cluster, new TestPrograms(), dir, dir));
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        engine.close();
    }

    private static LemsCheck check(String name, long intervalMillis, Object... codesAndActions) {
        return Checks.of(name, Duration.ofMillis(intervalMillis), codesAndActions);
    }

    /** A check that hangs and ignores interrupts until the test releases it. */
    private Monitor hanging(AtomicInteger runs) {
        return () -> {
            runs.incrementAndGet();
            while (true) {
                try {
                    if (release.await(100, TimeUnit.MILLISECONDS)) {
                        return CheckResult.of(0);
                    }
                } catch (InterruptedException e) {
                    // deliberately deaf to the engine's interrupt
                }
            }
        };
    }

    @Test
    void aHangingCheckDoesNotDelayAnotherBeyondItsInterval() throws Exception {
        AtomicInteger hangRuns = new AtomicInteger();
        List<Long> fastRuns = new CopyOnWriteArrayList<>();
        engine.add(check("hang", 50, 0, "NOP"),
                hanging(hangRuns));
        engine.add(check("fast", 100, 0, "NOP"), () -> {
            fastRuns.add(System.nanoTime());
            return CheckResult.of(0);
        });
        engine.start();

        assertTrue(Wait.until(Duration.ofSeconds(20), () -> fastRuns.size() >= 12), "fast ran " + fastRuns.size());

        for (int i = 1; i < fastRuns.size(); i++) {
            long gap = fastRuns.get(i) - fastRuns.get(i - 1);
            assertTrue(gap >= Duration.ofMillis(100).toNanos(), "never sooner than the interval: " + gap);
            assertTrue(gap <= Duration.ofMillis(100).plus(SLACK).toNanos(), "not delayed by the hang: " + gap);
        }
        assertEquals(1, hangRuns.get(), "the hanging check is not started again while its thread is stuck");
        assertTrue(engine.status("hang").orElseThrow().running());
    }

    @Test
    void aCheckThatOverrunsItsTimeoutIsInterruptedAndRunsAgainLater() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        engine.add(check("slow", 100, 0, "FAILOVER"), () -> {
            runs.incrementAndGet();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
            return CheckResult.of(0);
        });
        engine.start();
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> runs.get() >= 2 && interrupted.get() >= 1));
        assertEquals(List.of(), cluster.requests(), "no result, so no action, from an interrupted run");
    }

    @Test
    void aTriggeredCheckRunsOncePerTriggerAndAFailureEndsLemsWithAFailover() throws Exception {
        AtomicInteger linkRuns = new AtomicInteger();
        AtomicInteger moveRuns = new AtomicInteger();
        engine.add(check("link", 100, 0, "NOP", 1, "RUN move_ip"),
                () -> CheckResult.of(linkRuns.incrementAndGet() == 2 ? 1 : 0));
        engine.add(check("move_ip", 0, 0, "STOP", 1, "ABORT"),
                () -> CheckResult.of(moveRuns.incrementAndGet() == 1 ? 0 : 1));
        engine.start();

        assertTrue(Wait.until(Duration.ofSeconds(10), () -> linkRuns.get() >= 6));
        assertEquals(1, moveRuns.get(), "move_ip ran once, for the one RUN");
        assertEquals(Optional.empty(), engine.status("move_ip").orElseThrow().nextRun());
        assertEquals(Optional.empty(), engine.awaitExit(Duration.ofMillis(1)));

        engine.install(check("trigger", 100, 0, "RUN move_ip"), () -> CheckResult.of(0));

        assertEquals(Optional.of(ExitReason.FAILOVER), engine.awaitExit(Duration.ofSeconds(10)));
        assertEquals(2, moveRuns.get());
        assertEquals(List.of("FAILOVER apache"), cluster.requests());
    }

    @Test
    void abortStopsTheSchedulerAndClosesMonitors() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        engine.add(check("quiet", 100, 0, "NOP"), new Monitor() {
            @Override
            public CheckResult check() {
                return CheckResult.of(0);
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        });
        engine.start();
        engine.requestExit(ExitReason.ABORT_REQUEST);
        assertEquals(Optional.of(ExitReason.ABORT_REQUEST), engine.awaitExit(Duration.ofSeconds(10)));
        assertEquals(1, closed.get());
    }
}
