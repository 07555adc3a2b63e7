package net.linuxha.lems.daemon;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.wire.WireContext;
import net.linuxha.lems.support.LemsFixture;
import net.linuxha.lems.support.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --detach} fails with the child's own words when the child dies before it listens, or when it never
 * answers (it is then stopped). Success is shown in the lab (LemsLabTest), where bin/lems is the real launcher.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DetacherTest {

    @TempDir
    Path dir;

    private Path launcher(String body) throws IOException {
        Path script = dir.resolve("bin/lems");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private WireContext wire() throws Exception {
        return ClusterSetup.load(new LemsFixture(dir.resolve("node")).paths).wireContext();
    }

    @Test
    void aChildThatDiesReportsWhatItWrote() throws Exception {
        Path output = dir.resolve("log/lems-apache.out");
        Files.createDirectories(output.getParent());
        Files.writeString(output, "an earlier start's words\n");
        Path launcher = launcher("echo \"ERROR cannot start: $*\" >&2; exit 3");
        IOException e = assertThrows(IOException.class, () -> new Detacher(new ProcessCommandRunner()).launch(
                launcher, List.of("-A", "apache"), output, LemsFixture.freePort(), wire(), Duration.ofSeconds(20)));
        assertTrue(e.getMessage().contains("exited with status 3"), e.getMessage());
        assertTrue(e.getMessage().contains("ERROR cannot start: -A apache"), e.getMessage());
        assertTrue(!e.getMessage().contains("an earlier start"), "only this start's output: " + e.getMessage());
    }

    @Test
    void aChildThatNeverAnswersIsStoppedAndReported() throws Exception {
        // The launcher stands for bin/lems; setsid execs it in place, so the pid it writes is the child's.
        Path pidFile = dir.resolve("pid");
        Path launcher = launcher("echo $$ > " + pidFile + "; echo waiting; exec sleep 60");
        IOException e = assertThrows(IOException.class, () -> new Detacher(new ProcessCommandRunner()).launch(
                launcher, List.of(), dir.resolve("out"), LemsFixture.freePort(), wire(), Duration.ofSeconds(2)));
        assertTrue(e.getMessage().contains("did not answer") && e.getMessage().contains("waiting"), e.getMessage());
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)),
                "the child was stopped");
    }

    @Test
    void aMissingLauncherIsNamed() {
        IOException e = assertThrows(IOException.class, () -> new Detacher(new ProcessCommandRunner()).launch(
                dir.resolve("nowhere/bin/lems"), List.of(), dir.resolve("out"), 1, wire(), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("nowhere/bin/lems"), e.getMessage());
    }
}
