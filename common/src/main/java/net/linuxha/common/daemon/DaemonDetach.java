package net.linuxha.common.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.BackgroundProcess;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.CommandStartException;

/**
 * {@code --detach} of every daemon (cldaemon, cllockd, clnetd, lems): starts {@code $linuxha.home/bin/<daemon>}
 * again with the same arguments minus {@code --detach}, in a session of its own ({@code setsid}, so the terminal's
 * hang-up does not reach it), standard output and error appended to its {@code .out} file, and waits until the
 * daemon is {@linkplain Readiness ready} or ends. The caller then exits:
 *
 * <ul>
 * <li>0 once the detached daemon is ready ({@link #detach} returns its pid);</li>
 * <li>1 ({@link ExitCode#FAILURE}) when it said it cannot start, or ended first: the message is its reason or what
 * it wrote during this start;</li>
 * <li>6 ({@link ExitCode#NO_ANSWER}) when it was neither ready nor ended within the limit: it is stopped then.</li>
 * </ul>
 */
public final class DaemonDetach {

    /** How often the parent looks whether the daemon is ready or has ended. */
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int MAX_OUTPUT_CHARS = 4000;

    /** Where the daemon is after one look: not yet up, up, or given up with a reason of its own. */
    public sealed interface Status {
        Status NOT_YET = new NotYet();
        Status READY = new Ready();

        record NotYet() implements Status {
        }

        record Ready() implements Status {
        }

        record Failed(String reason) implements Status {
        }
    }

    /** The daemon's sign of life the parent waits for: an answer on its port, or its {@link OutcomeFile}. */
    @FunctionalInterface
    public interface Readiness {
        Status check();

        /** Ready as soon as {@code answers} holds (e.g. the daemon answers ECHO on its port). */
        static Readiness when(BooleanSupplier answers) {
            Objects.requireNonNull(answers, "answers");
            return () -> answers.getAsBoolean() ? Status.READY : Status.NOT_YET;
        }
    }

    /** What became of the detached daemon. */
    public sealed interface Outcome {
        /** It is ready, with process id {@code pid}. */
        record Listening(long pid) implements Outcome {
        }

        /** It said why it cannot start ({@link Status.Failed}); {@code output} is what it wrote meanwhile. */
        record Failed(String reason, String output) implements Outcome {
        }

        /** It ended before it was ready, with {@code exitCode}; {@code output} is what it wrote (its reason). */
        record Exited(int exitCode, String output) implements Outcome {
        }

        /** It was neither ready nor ended within {@code waited}; it was stopped. */
        record NoAnswer(Duration waited, String output) implements Outcome {
        }
    }

    /**
     * One detached start.
     *
     * @param daemon      the daemon's name in messages, e.g. {@code cllockd-cluster1}
     * @param launcher    {@code $linuxha.home/bin/<daemon>} ({@link #launcher})
     * @param arguments   its command line without {@code --detach} ({@link #withoutDetach})
     * @param environment additions to the inherited environment (an outcome file's name, LINUXHA_ROOT)
     * @param output      the file its standard output and error are appended to
     * @param limit       how long start-up may take
     */
    public record Launch(String daemon, Path launcher, List<String> arguments, Map<String, String> environment,
                         Path output, Duration limit) {

        public Launch {
            Objects.requireNonNull(daemon, "daemon");
            Objects.requireNonNull(launcher, "launcher");
            arguments = List.copyOf(arguments);
            environment = Map.copyOf(environment);
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(limit, "limit");
        }

        /** A launch that hands on this process's {@code linuxha.root} (tests, the lab) as LINUXHA_ROOT. */
        public static Launch of(String daemon, Path launcher, List<String> arguments, Path output, Duration limit) {
            Map<String, String> environment = Optional.ofNullable(System.getProperty("linuxha.root"))
                    .filter(root -> !root.isBlank()).map(root -> Map.of("LINUXHA_ROOT", root)).orElse(Map.of());
            return new Launch(daemon, launcher, arguments, environment, output, limit);
        }

        public Launch withEnv(String name, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(environment);
            more.put(name, value);
            return new Launch(daemon, launcher, arguments, more, output, limit);
        }
    }

    private final CommandRunner runner;

    public DaemonDetach(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * The launcher of {@code daemon} in the installation {@code home} (the {@code linuxha.home} property the
     * launcher sets).
     *
     * @throws ToolException {@link ExitCode#USAGE} without a home (not started through its launcher),
     *                       {@link ExitCode#FAILURE} when the launcher is not there
     */
    public static Path launcher(Optional<Path> home, String daemon) {
        if (home.isEmpty() || home.get().toString().isBlank()) {
            throw new ToolException(ExitCode.USAGE, "--detach needs the linuxha.home property to find bin/" + daemon
                    + "; start the daemon through its launcher (bin/" + daemon + "), not with java directly");
        }
        Path launcher = home.get().resolve("bin").resolve(daemon);
        if (!Files.isExecutable(launcher)) {
            throw new ToolException(ExitCode.FAILURE, "--detach cannot find the launcher " + launcher
                    + " (not there or not executable); is linuxha.home (" + home.get() + ") the installation?");
        }
        return launcher;
    }

    /** {@code original} without {@code --detach}: the detached daemon's own command line. */
    public static List<String> withoutDetach(List<String> original) {
        List<String> rest = new ArrayList<>(original);
        rest.removeIf("--detach"::equals);
        return rest;
    }

    /**
     * Refuses {@code --file -} with {@code --detach}: a detached daemon has no terminal to log to.
     *
     * @param file       the {@code --file} option, if given
     * @param defaultLog the log it writes without {@code --file}, named in the message
     */
    public static void refuseTerminalLog(Optional<String> file, Path defaultLog) {
        if (file.filter("-"::equals).isPresent()) {
            throw new ToolException(ExitCode.USAGE, "--detach and --file - do not go together: a detached daemon"
                    + " has no terminal; give --file FILE, or leave --file out for " + defaultLog);
        }
    }

    /**
     * Starts the daemon detached and waits until it is ready.
     *
     * @return the detached daemon's pid
     * @throws ToolException as the class comment says, naming the daemon and giving its reason
     */
    public long detach(Launch launch, Readiness readiness) throws InterruptedException {
        Outcome outcome = start(launch, readiness);
        String see = "; see " + launch.output() + " and the daemon's log";
        if (outcome instanceof Outcome.Listening listening) {
            return listening.pid();
        }
        if (outcome instanceof Outcome.Failed failed) {
            throw new ToolException(ExitCode.FAILURE, launch.daemon() + " could not start: " + failed.reason() + see);
        }
        if (outcome instanceof Outcome.Exited exited) {
            throw new ToolException(ExitCode.FAILURE, launch.daemon() + " stopped during start-up (exit status "
                    + exited.exitCode() + "): " + said(exited.output()) + see);
        }
        Outcome.NoAnswer none = (Outcome.NoAnswer) outcome;
        throw new ToolException(ExitCode.NO_ANSWER, launch.daemon() + " did not answer within "
                + none.waited().toSeconds() + " seconds of starting, so it was stopped; its output: "
                + said(none.output()) + see);
    }

    /** Starts the daemon detached and waits up to the launch's limit for it to be ready or to end. */
    public Outcome start(Launch launch, Readiness readiness) throws InterruptedException {
        Path output = launch.output().toAbsolutePath();
        long before;
        try {
            Files.createDirectories(output.getParent());
            before = Files.exists(output) ? Files.size(output) : 0;
        } catch (IOException e) {
            throw new ToolException(ExitCode.FAILURE, "cannot detach " + launch.daemon() + ": cannot prepare "
                    + output + " for its output (" + e.getMessage() + "); check the log directory");
        }
        List<String> argv = new ArrayList<>(List.of("setsid", launch.launcher().toString()));
        argv.addAll(launch.arguments());
        BackgroundCommand command = BackgroundCommand.of(argv, output, output);
        for (Map.Entry<String, String> e : launch.environment().entrySet()) {
            command = command.withEnv(e.getKey(), e.getValue());
        }
        BackgroundProcess process;
        try {
            process = runner.start(command);
        } catch (CommandStartException e) {
            throw new ToolException(ExitCode.FAILURE, "cannot start " + launch.daemon() + " detached: "
                    + e.getMessage());
        }
        long deadline = System.nanoTime() + launch.limit().toNanos();
        while (System.nanoTime() - deadline < 0) {
            Optional<Outcome> seen = look(readiness, process, output, before);
            if (seen.isPresent()) {
                if (seen.get() instanceof Outcome.Failed) {
                    // It gave up and is on its way out; make sure nothing of it stays behind.
                    process.killTree(Duration.ofSeconds(2));
                }
                return seen.get();
            }
            OptionalInt exit = process.waitFor(POLL);
            if (exit.isPresent()) {
                // It may have become ready and then ended; what it said last counts.
                return look(readiness, process, output, before)
                        .orElse(new Outcome.Exited(exit.getAsInt(), output(output, before)));
            }
        }
        Optional<Outcome> last = look(readiness, process, output, before);
        if (last.isPresent()) {
            return last.get();
        }
        process.killTree(Duration.ofSeconds(2));
        return new Outcome.NoAnswer(launch.limit(), output(output, before));
    }

    private static Optional<Outcome> look(Readiness readiness, BackgroundProcess process, Path output, long before) {
        Status status = readiness.check();
        if (status instanceof Status.Ready) {
            return Optional.of(new Outcome.Listening(process.pid()));
        }
        if (status instanceof Status.Failed failed) {
            return Optional.of(new Outcome.Failed(failed.reason(), output(output, before)));
        }
        return Optional.empty();
    }

    private static String said(String output) {
        return output.isEmpty() ? "nothing" : output.replace('\n', ' ');
    }

    /** What the daemon wrote during this start (from {@code offset}): its end, at most 4000 characters. */
    static String output(Path file, long offset) {
        if (!Files.exists(file)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(Math.min(offset, Files.size(file)));
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return text.length() <= MAX_OUTPUT_CHARS ? text
                    : "..." + text.substring(text.length() - MAX_OUTPUT_CHARS);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
