package net.linuxha.cli.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import net.linuxha.common.config.ScriptCommand;
import net.linuxha.common.shell.ProcessCommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reference 9.1 with real sh scripts: exit codes, output files, and HUP then KILL for a script that hangs. */
@Timeout(60)
class ScriptRunnerTest {

    @TempDir
    Path dir;

    private final ScriptRunner runner = new ScriptRunner(new ProcessCommandRunner(), Duration.ofSeconds(1));

    private ScriptCommand script(String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return ScriptCommand.parse(file + " one two");
    }

    @Test
    void aScriptThatExitsZeroSucceedsWithItsArgumentsAndOutputInItsFiles() throws Exception {
        ScriptCommand ok = script("ok", "echo started $1 $2; echo oops >&2; exit 0");
        ScriptRunner.Outcome outcome = runner.run("start", ok, Duration.ofSeconds(10), dir.resolve("out"),
                dir.resolve("err"));
        assertTrue(outcome.succeeded(), outcome.describe());
        assertFalse(outcome.escalated());
        assertEquals("started one two\n", Files.readString(dir.resolve("out")));
        assertEquals("oops\n", Files.readString(dir.resolve("err")));
    }

    @Test
    void aFailingScriptReportsItsExitCode() throws Exception {
        ScriptRunner.Outcome outcome = runner.run("stop", script("fail", "exit 1"), Duration.ofSeconds(10),
                dir.resolve("out"), dir.resolve("err"));
        assertFalse(outcome.succeeded());
        assertEquals(1, outcome.exitCode().getAsInt());
        assertEquals("exit code 1", outcome.describe());
    }

    @Test
    void aScriptThatEndsOnHupIsNotKilled() throws Exception {
        ScriptCommand slow = script("slow", "trap 'echo hup; exit 3' HUP; while true; do sleep 0.1; done");
        ScriptRunner.Outcome outcome = runner.run("start", slow, Duration.ofSeconds(2), dir.resolve("out"),
                dir.resolve("err"));
        assertTrue(outcome.hupSent());
        assertFalse(outcome.killSent(), outcome.describe());
        assertEquals(3, outcome.exitCode().getAsInt());
        assertEquals("hup\n", Files.readString(dir.resolve("out")));
    }

    @Test
    void aScriptIgnoringHupGetsKillAfterTheGraceAndItsChildrenDieWithIt() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        ScriptCommand hang = script("hang", "trap '' HUP; sleep 300 & echo $! > " + pidFile + "; wait");
        long started = System.nanoTime();
        ScriptRunner.Outcome outcome = runner.run("start", hang, Duration.ofSeconds(2), dir.resolve("out"),
                dir.resolve("err"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(outcome.hupSent() && outcome.killSent(), outcome.describe());
        assertFalse(outcome.succeeded());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) >= 0, "HUP at 2 s, KILL 1 s later: " + took);
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "bounded: " + took);
        long child = Long.parseLong(Files.readString(pidFile).strip());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false),
                "the sleep the hung script started was killed too");
    }

    @Test
    void theDefaultGraceIsTheReferencesFiveSeconds() {
        assertEquals(Duration.ofSeconds(5), ScriptRunner.DEFAULT_KILL_AFTER_HUP);
    }
}
