package net.linuxha.common.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.testing.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --detach} as every daemon does it: the detached daemon's pid once it is ready (an answer, or LISTENING in
 * its outcome file); exit 1 with its own words when it stops first or writes FAILED; exit 6 when it neither answers
 * nor ends in time, and then it is stopped. The launcher is a script standing for bin/&lt;daemon&gt;; setsid execs
 * it in place, so the pid it writes is the detached daemon's.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonDetachTest {

    @TempDir
    Path dir;

    private final DaemonDetach detach = new DaemonDetach(new ProcessCommandRunner());

    private Path launcher(String body) throws IOException {
        Path script = dir.resolve("bin/daemon");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private DaemonDetach.Launch launch(Path launcher, Duration limit) {
        return new DaemonDetach.Launch("testd-cluster1", launcher, List.of("--verbose"), Map.of(),
                dir.resolve("log/testd-cluster1.out"), limit);
    }

    private long pidIn(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).strip());
    }

    private static boolean ended(long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    @Test
    void returnsThePidOnceTheDaemonAnswers() throws Exception {
        Path ready = dir.resolve("ready");
        Path pidFile = dir.resolve("pid");
        Path launcher = launcher("echo $$ > " + pidFile + "; touch " + ready + "; exec sleep 30");
        long pid = detach.detach(launch(launcher, Duration.ofSeconds(20)),
                DaemonDetach.Readiness.when(() -> Files.exists(ready)));
        try {
            assertEquals(pidIn(pidFile), pid, "the detached daemon's own pid");
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "daemon still running");
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void aDaemonThatStopsDuringStartUpFailsWithItsOwnWordsOfThisStartOnly() throws Exception {
        Path output = dir.resolve("log/testd-cluster1.out");
        Files.createDirectories(output.getParent());
        Files.writeString(output, "an earlier start's words\n");
        Path launcher = launcher("echo \"ERROR cannot start: $*\" >&2; exit 3");
        ToolException e = assertThrows(ToolException.class, () -> detach.detach(launch(launcher,
                Duration.ofSeconds(20)), DaemonDetach.Readiness.when(() -> false)));
        assertEquals(ExitCode.FAILURE, e.exitCode());
        assertTrue(e.getMessage().contains("testd-cluster1 stopped during start-up (exit status 3)"), e.getMessage());
        assertTrue(e.getMessage().contains("ERROR cannot start: --verbose"), "arguments handed on: " + e.getMessage());
        assertFalse(e.getMessage().contains("an earlier start"), "only this start's output: " + e.getMessage());
    }

    @Test
    void aDaemonThatNeverAnswersIsStoppedAndReportedAsNoAnswer() throws Exception {
        Path pidFile = dir.resolve("pid");
        Path launcher = launcher("echo $$ > " + pidFile + "; echo waiting; exec sleep 60");
        ToolException e = assertThrows(ToolException.class, () -> detach.detach(launch(launcher,
                Duration.ofSeconds(2)), DaemonDetach.Readiness.when(() -> false)));
        assertEquals(ExitCode.NO_ANSWER, e.exitCode());
        assertTrue(e.getMessage().contains("did not answer within 2 seconds") && e.getMessage().contains("waiting"),
                e.getMessage());
        long pid = pidIn(pidFile);
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> ended(pid)), "the daemon was stopped");
    }

    @Test
    void theReasonInTheOutcomeFileIsTheErrorAndTheDaemonDoesNotStay() throws Exception {
        Path pidFile = dir.resolve("pid");
        Path launcher = launcher("echo $$ > " + pidFile + "; echo \"FAILED port 9900: Address already in use\""
                + " > \"$TESTD_OUTCOME\"; exec sleep 60");
        try (OutcomeFile outcome = OutcomeFile.create(dir.resolve("run"), "testd-")) {
            ToolException e = assertThrows(ToolException.class, () -> detach.detach(launch(launcher,
                    Duration.ofSeconds(20)).withEnv("TESTD_OUTCOME", outcome.path().toString()), outcome));
            assertEquals(ExitCode.FAILURE, e.exitCode());
            assertTrue(e.getMessage().contains("testd-cluster1 could not start: port 9900: Address already in use"),
                    e.getMessage());
        }
        long pid = pidIn(pidFile);
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> ended(pid)), "the daemon was stopped");
    }

    @Test
    void listeningInTheOutcomeFileIsReady() throws Exception {
        Path launcher = launcher("echo \"LISTENING $$\" > \"$TESTD_OUTCOME\"; exec sleep 30");
        Path file;
        long pid;
        try (OutcomeFile outcome = OutcomeFile.create(dir.resolve("run"), "testd-")) {
            file = outcome.path();
            pid = detach.detach(launch(launcher, Duration.ofSeconds(20))
                    .withEnv("TESTD_OUTCOME", outcome.path().toString()), outcome);
        }
        try {
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "daemon still running");
            assertFalse(Files.exists(file), "the outcome file is removed once read");
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void theDaemonSideWritesWhatTheParentReads() throws Exception {
        try (OutcomeFile outcome = OutcomeFile.create(dir, "testd-")) {
            assertEquals(DaemonDetach.Status.NOT_YET, outcome.check(), "empty: not yet");
            OutcomeFile.writeFailed(outcome.path(), "cannot bind\nport 9900");
            assertEquals(new DaemonDetach.Status.Failed("cannot bind port 9900"), outcome.check());
            OutcomeFile.writeListening(outcome.path(), 42);
            assertEquals(DaemonDetach.Status.READY, outcome.check());
        }
    }

    @Test
    void theLauncherMustBeThereAndItsAbsenceIsNamed() {
        ToolException noHome = assertThrows(ToolException.class, () -> DaemonDetach.launcher(Optional.empty(),
                "cllockd"));
        assertEquals(ExitCode.USAGE, noHome.exitCode());
        assertTrue(noHome.getMessage().contains("start the daemon through its launcher (bin/cllockd)"),
                noHome.getMessage());
        ToolException missing = assertThrows(ToolException.class, () -> DaemonDetach.launcher(
                Optional.of(dir.resolve("nowhere")), "lems"));
        assertEquals(ExitCode.FAILURE, missing.exitCode());
        assertTrue(missing.getMessage().contains("nowhere/bin/lems"), missing.getMessage());
    }

    @Test
    void theDetachedCommandLineIsTheSameWithoutDetachAndNeverLogsToATerminal() {
        assertEquals(List.of("--form", "--verbose"), DaemonDetach.withoutDetach(List.of("--form", "--detach",
                "--verbose")));
        ToolException e = assertThrows(ToolException.class, () -> DaemonDetach.refuseTerminalLog(Optional.of("-"),
                Path.of("/var/log/cluster/cllockd-c.log")));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("/var/log/cluster/cllockd-c.log"), e.getMessage());
        DaemonDetach.refuseTerminalLog(Optional.of("/tmp/x.log"), Path.of("/var/log/cluster/cllockd-c.log"));
    }
}
