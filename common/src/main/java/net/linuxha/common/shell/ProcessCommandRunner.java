package net.linuxha.common.shell;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ProcessBuilder} implementation of {@link CommandRunner}: the only class in the product that starts
 * processes.
 *
 * <p>Both output streams are drained on their own threads while the caller waits, so a chatty child never blocks on
 * a full pipe. At the timeout the child and all its descendants get TERM, then KILL after {@code killGrace}.
 */
public final class ProcessCommandRunner implements CommandRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessCommandRunner.class);
    private static final File DEV_NULL = new File("/dev/null");
    /**
     * After the child exits, how long to wait for its pipes to close. A grandchild that inherited stdout keeps
     * the pipe open; the result is then returned with what was read so far rather than waiting for it.
     */
    private static final Duration DRAIN_AFTER_EXIT = Duration.ofSeconds(2);

    private final Duration killGrace;

    public ProcessCommandRunner() {
        this(Duration.ofSeconds(2));
    }

    public ProcessCommandRunner(Duration killGrace) {
        this.killGrace = Objects.requireNonNull(killGrace, "killGrace");
    }

    @Override
    public CommandResult run(Command command) {
        LOG.debug("run: {}", command.display());
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        builder.environment().putAll(command.environment());
        command.workDir().ifPresent(dir -> builder.directory(dir.toFile()));
        if (command.stdin().isEmpty()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        }
        long started = System.nanoTime();
        Process process = startOrThrow(builder, command.display(), command.program());
        BoundedCollector out = new BoundedCollector(process.getInputStream(), command.maxOutputBytes());
        BoundedCollector err = new BoundedCollector(process.getErrorStream(), command.maxOutputBytes());
        Thread outThread = daemon(out, "shell-stdout-" + process.pid());
        Thread errThread = daemon(err, "shell-stderr-" + process.pid());
        command.stdin().ifPresent(bytes -> daemon(() -> feed(process.getOutputStream(), bytes),
                "shell-stdin-" + process.pid()));

        boolean timedOut = false;
        try {
            if (!process.waitFor(command.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                timedOut = true;
                ProcessTree.kill(process.toHandle(), killGrace);
                process.waitFor(killGrace.toMillis() + 5000, TimeUnit.MILLISECONDS);
            }
            joinQuietly(outThread, errThread);
        } catch (InterruptedException e) {
            killQuietly(process);
            Thread.currentThread().interrupt();
            throw new ShellException("Interrupted while running '" + command.display() + "'; it was killed", e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        int exit = process.isAlive() ? -1 : process.exitValue();
        CommandResult result = new CommandResult(command.argv(), exit, out.text(), err.text(), elapsed, timedOut,
                out.truncated() || err.truncated());
        log(result, command.probe());
        return result;
    }

    @Override
    public BackgroundProcess start(BackgroundCommand command) {
        LOG.debug("start: {} (stdout >> {}, stderr >> {})", command.display(), command.stdoutFile(),
                command.stderrFile());
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        builder.environment().putAll(command.environment());
        command.workDir().ifPresent(dir -> builder.directory(dir.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(command.stdoutFile().toFile()));
        if (command.stderrFile().equals(command.stdoutFile())) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.appendTo(command.stderrFile().toFile()));
        }
        Process process = startOrThrow(builder, command.display(), command.argv().get(0));
        LOG.debug("started pid {}: {}", process.pid(), command.display());
        return new StartedProcess(process, command.display(), this);
    }

    /** Used by {@link StartedProcess} for HUP, which {@link Process} cannot send itself. */
    void sendSignal(long pid, Signal signal) {
        run(Command.of("kill", "-s", signal.name(), Long.toString(pid)).withTimeout(Duration.ofSeconds(10)));
    }

    Duration killGrace() {
        return killGrace;
    }

    private static Process startOrThrow(ProcessBuilder builder, String display, String program) {
        try {
            return builder.start();
        } catch (IOException e) {
            LOG.warn("cannot start '{}': {}", display, e.getMessage());
            throw new CommandStartException(display, program, e);
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void feed(OutputStream stdin, byte[] bytes) {
        try (stdin) {
            stdin.write(bytes);
        } catch (IOException e) {
            // The child closed its stdin early (or exited); what it did not read it did not want.
        }
    }

    private static void joinQuietly(Thread... threads) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_AFTER_EXIT.toNanos();
        for (Thread thread : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            thread.join(Math.max(1, left));
            if (thread.isAlive()) {
                LOG.warn("{}: output still open after the command exited (a background child holds it); "
                        + "returning what was read", thread.getName());
            }
        }
    }

    private static void killQuietly(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void log(CommandResult result, boolean probe) {
        if (result.timedOut()) {
            LOG.warn("timed out after {} ms and killed: {}; stderr: {}", result.elapsed().toMillis(),
                    result.display(), CommandLineText.excerpt(result.stderr(), 400));
        } else if (result.exitCode() != 0 && !probe) {
            LOG.warn("exit {} after {} ms: {}; stderr: {}", result.exitCode(), result.elapsed().toMillis(),
                    result.display(), CommandLineText.excerpt(result.stderr(), 400));
        } else if (result.exitCode() != 0) {
            LOG.debug("probe answered no (exit {}) after {} ms: {}", result.exitCode(), result.elapsed().toMillis(),
                    result.display());
        } else {
            LOG.debug("exit 0 after {} ms: {}", result.elapsed().toMillis(), result.display());
        }
    }
}
