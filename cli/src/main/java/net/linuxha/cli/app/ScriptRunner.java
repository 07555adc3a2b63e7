package net.linuxha.cli.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import net.linuxha.common.config.ScriptCommand;
import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.BackgroundProcess;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an application's start or stop script the way Reference 9.1 asks: no arguments but those in the
 * configuration, standard output and error appended to the script's own files (17.1.1), a warning when half of the
 * allowed time has passed, a warning and HUP at the limit, and KILL {@link #DEFAULT_KILL_AFTER_HUP five seconds}
 * later. The KILL goes to the script and every process it started that is still its descendant: a script hung at
 * the limit has failed, and what it left behind must not keep the file systems busy.
 */
public final class ScriptRunner {

    /** 9.1: "If the application does not start/stop for 5 seconds after sending the HUP signal". */
    public static final Duration DEFAULT_KILL_AFTER_HUP = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(ScriptRunner.class);

    private final CommandRunner runner;
    private final Duration killAfterHup;

    public ScriptRunner(CommandRunner runner) {
        this(runner, DEFAULT_KILL_AFTER_HUP);
    }

    /** @param killAfterHup how long after HUP the KILL follows (tests shorten it; the Reference says 5 s) */
    public ScriptRunner(CommandRunner runner, Duration killAfterHup) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.killAfterHup = Objects.requireNonNull(killAfterHup, "killAfterHup");
    }

    /** What became of one run of a script. */
    public record Outcome(OptionalInt exitCode, boolean hupSent, boolean killSent, Duration elapsed) {

        /** Exited 0 on its own. */
        public boolean succeeded() {
            return !killSent && exitCode.isPresent() && exitCode.getAsInt() == 0;
        }

        /** Ran past its limit and had to be signalled. */
        public boolean escalated() {
            return hupSent || killSent;
        }

        public String describe() {
            if (killSent) {
                return "killed (HUP at its time limit, KILL after the grace)";
            }
            if (exitCode.isEmpty()) {
                return "still running";
            }
            return "exit code " + exitCode.getAsInt() + (hupSent ? " after HUP at its time limit" : "");
        }
    }

    /** Whether the script's program is there to run (22.4.1: a missing script is a warning, not an error). */
    public static boolean exists(ScriptCommand script) {
        Path program = Path.of(script.program());
        return Files.isRegularFile(program) && Files.isExecutable(program);
    }

    /**
     * Runs {@code script} and waits for it, at most {@code limit} plus the HUP-to-KILL grace.
     *
     * @param what "start" or "stop", for the log lines
     */
    public Outcome run(String what, ScriptCommand script, Duration limit, Path stdout, Path stderr)
            throws InterruptedException {
        long started = System.nanoTime();
        LOG.info("Running {} script \"{}\" (maximum {} seconds)...", what, script.raw(), limit.toSeconds());
        BackgroundProcess process = runner.start(BackgroundCommand.of(script.argv(), stdout, stderr));
        Duration half = limit.dividedBy(2);
        OptionalInt exit = process.waitFor(half);
        if (exit.isEmpty()) {
            LOG.warn("Application {} script still running after {} seconds (half of its {} seconds)", what,
                    half.toSeconds(), limit.toSeconds());
            exit = process.waitFor(limit.minus(half));
        }
        boolean hup = false;
        boolean kill = false;
        if (exit.isEmpty()) {
            LOG.warn("Application {} script has not finished within its maximum of {} seconds - sending HUP to "
                    + "pid {}", what, limit.toSeconds(), process.pid());
            process.signal(Signal.HUP);
            hup = true;
            exit = process.waitFor(killAfterHup);
            if (exit.isEmpty()) {
                LOG.warn("Application {} script still running {} seconds after HUP - sending KILL to pid {} and "
                        + "the processes it started", what, killAfterHup.toSeconds(), process.pid());
                process.killTree(Duration.ZERO);
                kill = true;
                exit = process.waitFor(Duration.ofSeconds(5));
            }
        }
        Outcome outcome = new Outcome(exit, hup, kill, Duration.ofNanos(System.nanoTime() - started));
        if (outcome.succeeded()) {
            LOG.info("Application {} script completed successfully.", what);
        }
        return outcome;
    }
}
