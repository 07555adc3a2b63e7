package net.linuxha.common.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import net.linuxha.common.testing.LogCapture;
import net.linuxha.common.testing.Wait;

/** The runner against real processes: exit codes, both streams, stdin, environment, timeouts that kill trees. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessCommandRunnerTest {

    private final ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofMillis(500));

    @Test
    void exitCodeAndBothStreamsAreReported() {
        CommandResult result = runner.run(Command.shell("echo out; echo err >&2; exit 3"));

        assertEquals(3, result.exitCode());
        assertEquals("out\n", result.stdout());
        assertEquals("err\n", result.stderr());
        assertFalse(result.succeeded());
        assertFalse(result.timedOut());
    }

    @Test
    void aFailedCommandIsAWarningButAProbeAnsweringNoIsNot() {
        try (LogCapture log = new LogCapture(ProcessCommandRunner.class)) {
            runner.run(Command.of("test", "-e", "/no/such/file").asProbe());
            assertFalse(log.has("WARN", "/no/such/file"), log.lines().toString());

            runner.run(Command.of("test", "-e", "/no/such/file"));
            assertTrue(log.has("WARN", "exit 1"), log.lines().toString());
        }
    }

    @Test
    void argumentsReachTheProgramUnparsedByAnyShell() {
        CommandResult result = runner.run(Command.of("printf", "%s|", "a b", "$HOME", "*", "'q'"));

        assertEquals("a b|$HOME|*|'q'|", result.stdout());
    }

    @Test
    void orThrowNamesTheCommandAndItsStderr() {
        CommandResult result = runner.run(Command.of("ls", "/no/such/dir"));

        CommandFailedException e = assertThrows(CommandFailedException.class, result::orThrow);
        assertTrue(e.getMessage().contains("'ls /no/such/dir' exited with 2"), e.getMessage());
        assertTrue(e.getMessage().contains("No such file or directory"), e.getMessage());
    }

    @Test
    void largeOutputOnBothStreamsAtOnceDoesNotBlock() {
        // Each stream far exceeds a pipe buffer (64 KiB): a runner that read them one after the other would hang.
        CommandResult result = runner.run(Command.shell("seq 1 200000; seq 1 200000 >&2")
                .withTimeout(Duration.ofSeconds(30)));

        assertTrue(result.succeeded(), result.describeFailure());
        assertEquals(200000, result.stdout().lines().count());
        assertEquals(200000, result.stderr().lines().count());
        assertFalse(result.outputTruncated());
    }

    @Test
    void outputBeyondTheBoundIsDiscardedButStillDrained() {
        CommandResult result = runner.run(Command.of("seq", "1", "100000").withMaxOutputBytes(1000));

        assertTrue(result.succeeded(), "the child must not block on a full pipe after the bound is reached");
        assertEquals(1000, result.stdout().length());
        assertTrue(result.stdout().startsWith("1\n2\n3\n"));
        assertTrue(result.outputTruncated());
    }

    @Test
    void stdinIsFedAndClosed() {
        String big = "line\n".repeat(50000);

        CommandResult result = runner.run(Command.of("wc", "-l").withStdin(big));

        assertEquals("50000", result.stdout().strip());
    }

    @Test
    void withoutStdinTheChildReadsEndOfFile() {
        CommandResult result = runner.run(Command.of("cat").withTimeout(Duration.ofSeconds(10)));

        assertTrue(result.succeeded());
        assertEquals("", result.stdout());
    }

    @Test
    void environmentIsAddedAndWorkingDirectorySet(@TempDir Path dir) throws Exception {
        CommandResult result = runner.run(Command.shell("echo \"$LINUXHA_TEST_VAR\"; pwd; echo \"$PATH\"")
                .withEnv("LINUXHA_TEST_VAR", "hello there").withWorkDir(dir));

        List<String> lines = result.stdout().lines().collect(Collectors.toList());
        assertEquals("hello there", lines.get(0));
        assertEquals(dir.toRealPath().toString(), lines.get(1).strip(), "working directory");
        assertFalse(lines.get(2).isBlank(), "the inherited environment is kept");
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        // Two background sleeps print their pids; the shell itself waits. All three must be gone after the timeout.
        Command command = Command.shell("sleep 100 & echo $!; sleep 100 & echo $!; wait")
                .withTimeout(Duration.ofMillis(700));
        long started = System.nanoTime();

        CommandResult result = runner.run(command);

        assertTrue(result.timedOut());
        assertFalse(result.succeeded());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(20)) < 0);
        List<Long> children = result.stdout().lines().map(String::strip).map(Long::parseLong)
                .collect(Collectors.toList());
        assertEquals(2, children.size(), result.stdout());
        for (long pid : children) {
            assertTrue(Wait.until(Duration.ofSeconds(10), () -> !ProcessTree.isRunning(pid)),
                    "background sleep " + pid + " survived the timeout");
        }
    }

    @Test
    void timeoutEscalatesToKillWhenTermIsIgnored() {
        Command command = Command.shell("trap '' TERM; sleep 100 & echo $!; wait").withTimeout(Duration.ofMillis(500));

        CommandResult result = runner.run(command);

        assertTrue(result.timedOut());
        long child = Long.parseLong(result.stdout().strip());
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> !ProcessTree.isRunning(child)),
                "a child ignoring TERM must still be killed");
    }

    @Test
    void missingProgramIsAClearStartError() {
        CommandStartException e = assertThrows(CommandStartException.class,
                () -> runner.run(Command.of("linuxha-no-such-program", "x")));

        assertTrue(e.getMessage().contains("linuxha-no-such-program"), e.getMessage());
        assertTrue(e.getMessage().contains("installed"), e.getMessage());
    }

    @Test
    void elapsedTimeIsMeasured() {
        CommandResult result = runner.run(Command.of("sleep", "0.2"));

        assertTrue(result.elapsed().toMillis() >= 150, "elapsed " + result.elapsed());
    }
}
