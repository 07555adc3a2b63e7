package net.linuxha.common.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import net.linuxha.common.testing.Wait;

/** Long-running processes with output in files, signalled the way start/stop scripts and RUNCMD are. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BackgroundProcessTest {

    private final ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofMillis(500));
    private BackgroundProcess process;

    @TempDir
    Path dir;

    @AfterEach
    void killLeftovers() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.killTree(Duration.ofMillis(200));
        }
    }

    @Test
    void outputGoesToFilesAndHupAndTermAreDelivered() throws Exception {
        Path out = dir.resolve("app.start.log");
        Path err = dir.resolve("app.start.errlog");
        String script = "trap 'echo got HUP' HUP; echo started; echo oops >&2; "
                + "i=0; while [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done";
        process = runner.start(BackgroundCommand.of(List.of("sh", "-c", script), out, err));

        assertTrue(Wait.until(Duration.ofSeconds(10), () -> read(out).contains("started")));
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> read(err).contains("oops")));
        assertTrue(process.isAlive());

        process.signal(Signal.HUP);
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> read(out).contains("got HUP")),
                "HUP must reach the process; output: " + read(out));
        assertTrue(process.isAlive(), "a trapped HUP does not end it");

        process.signal(Signal.TERM);
        OptionalInt exit = process.waitFor(Duration.ofSeconds(10));
        assertEquals(OptionalInt.of(128 + Signal.TERM.number()), exit);
    }

    @Test
    void killEndsAProcessThatIgnoresTerm() throws Exception {
        Path log = dir.resolve("log");
        process = runner.start(BackgroundCommand.of(
                List.of("sh", "-c", "trap '' TERM; echo ready; while :; do sleep 0.1; done"), log, log));
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> read(log).contains("ready")));

        process.signal(Signal.TERM);
        assertEquals(OptionalInt.empty(), process.waitFor(Duration.ofMillis(300)), "TERM is ignored");

        process.signal(Signal.KILL);
        assertEquals(OptionalInt.of(128 + Signal.KILL.number()), process.waitFor(Duration.ofSeconds(10)));
    }

    @Test
    void waitForReturnsTheExitCodeOfAProcessThatEnds() throws Exception {
        Path log = dir.resolve("log");
        process = runner.start(BackgroundCommand.of(List.of("sh", "-c", "echo $FOO; exit 7"), log, log)
                .withEnv("FOO", "bar"));

        assertEquals(OptionalInt.of(7), process.waitFor(Duration.ofSeconds(10)));
        assertEquals("bar\n", read(log));
        assertFalse(process.isAlive());
    }

    @Test
    void killTreeEndsChildrenToo() throws Exception {
        Path log = dir.resolve("log");
        process = runner.start(BackgroundCommand.of(
                List.of("sh", "-c", "sleep 100 & echo $!; wait"), log, log));
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> !read(log).isBlank()));
        long child = Long.parseLong(read(log).strip());

        process.killTree(Duration.ofMillis(500));

        assertFalse(process.isAlive());
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> !ProcessTree.isRunning(child)));
    }

    @Test
    void outputIsAppendedNotTruncated() throws Exception {
        Path log = dir.resolve("log");
        Files.writeString(log, "earlier run\n");
        process = runner.start(BackgroundCommand.of(List.of("echo", "this run"), log, log));

        assertEquals(OptionalInt.of(0), process.waitFor(Duration.ofSeconds(10)));
        assertEquals("earlier run\nthis run\n", read(log));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
