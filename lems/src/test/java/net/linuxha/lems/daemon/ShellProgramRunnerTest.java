package net.linuxha.lems.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.lems.spi.ProgramCall;
import net.linuxha.lems.spi.ProgramResult;
import net.linuxha.common.testing.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Programs of monitors and actions run through the shell layer: output, exit code, timeout, interrupt, start. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ShellProgramRunnerTest {

    @TempDir
    Path dir;

    private final ShellProgramRunner programs = new ShellProgramRunner(new ProcessCommandRunner(Duration.ofSeconds(1)));

    @Test
    void outputExitCodeAndEnvironmentComeBack() throws Exception {
        ProgramResult result = programs.run(new ProgramCall(List.of("sh", "-c", "echo $WHO; echo oops >&2; exit 3"),
                Map.of("WHO", "lems")), Duration.ofSeconds(10));
        assertEquals(new ProgramResult(3, "lems\n", "oops\n", false), result);
    }

    @Test
    void aProgramOverItsTimeoutIsKilled() throws Exception {
        ProgramResult result = programs.run(ProgramCall.of(List.of("sleep", "30")), Duration.ofMillis(300));
        assertTrue(result.timedOut());
        assertEquals(-1, result.exitCode());
    }

    @Test
    void anInterruptedCallerGetsInterruptedExceptionAndTheProgramDies() throws Exception {
        Path pidFile = dir.resolve("pid");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                programs.run(ProgramCall.of(List.of("sh", "-c", "echo $$ > " + pidFile + "; exec sleep 30")),
                        Duration.ofSeconds(30));
            } catch (Exception e) {
                thrown.set(e);
            }
        });
        caller.start();
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> Files.exists(pidFile) && read(pidFile).endsWith("\n")));
        caller.interrupt();
        caller.join(10_000);
        assertInstanceOf(InterruptedException.class, thrown.get());
        long pid = Long.parseLong(read(pidFile).strip());
        assertTrue(Wait.until(Duration.ofSeconds(5), () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)));
    }

    @Test
    void aMissingProgramIsAnIoExceptionNamingIt() {
        IOException e = assertThrows(IOException.class,
                () -> programs.run(ProgramCall.of(List.of("/no/such/program")), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("/no/such/program"), e.getMessage());
    }

    @Test
    void backgroundProgramsWriteToTheirFiles() throws Exception {
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        programs.startInBackground(ProgramCall.of(List.of("sh", "-c", "echo told; echo warned >&2")), out, err);
        assertTrue(Wait.until(Duration.ofSeconds(10),
                () -> read(out).equals("told\n") && read(err).equals("warned\n")));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
