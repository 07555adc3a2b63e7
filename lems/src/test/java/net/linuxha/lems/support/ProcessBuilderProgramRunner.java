package net.linuxha.lems.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import net.linuxha.lems.spi.ProgramCall;
import net.linuxha.lems.spi.ProgramResult;
import net.linuxha.lems.spi.ProgramRunner;

/**
 * The tests' {@link ProgramRunner}: real processes through ProcessBuilder (production goes through the shell
 * layer). Remembers background processes so that {@link #killAll()} can clean them up.
 */
public final class ProcessBuilderProgramRunner implements ProgramRunner {

    private final List<Process> background = new CopyOnWriteArrayList<>();
    private final List<ProgramCall> calls = new CopyOnWriteArrayList<>();

    @Override
    public ProgramResult run(ProgramCall call, Duration timeout) throws IOException, InterruptedException {
        calls.add(call);
        ProcessBuilder builder = new ProcessBuilder(call.argv());
        builder.environment().putAll(call.environment());
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return new ProgramResult(-1, "", "", true);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            return new ProgramResult(process.exitValue(), out, err, false);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    @Override
    public void startInBackground(ProgramCall call, Path stdout, Path stderr) throws IOException {
        calls.add(call);
        ProcessBuilder builder = new ProcessBuilder(call.argv())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(call.environment());
        background.add(builder.start());
    }

    public List<ProgramCall> calls() {
        return List.copyOf(calls);
    }

    /** Waits for the background processes, killing any still running after {@code timeout}. */
    public void killAll(Duration timeout) throws InterruptedException {
        for (Process process : background) {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
