package net.linuxha.cluster.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.app.ForceLevel;
import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.BackgroundProcess;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.CommandStartException;

/**
 * The production {@link ApplicationActions}: {@code $linuxha.home/bin/clstartapp --application X --verbose
 * [--force | --reallyforce]} and {@code $linuxha.home/bin/clhaltapp --application X --verbose}, run in the background
 * through the shell layer with their output appended to {@code <logdir>/cldaemon.<application>.actions.log} (the
 * tools keep their own detailed logs, 17.1.2). A tool that is not part of this build is a clear failure, not a
 * silent success.
 */
public final class ToolApplicationActions implements ApplicationActions {

    /** Longest wait for one tool; a start with a long fsck fits, a hung tool does not keep a thread forever. */
    static final Duration LIMIT = Duration.ofMinutes(30);

    private final Path home;
    private final CommandRunner runner;
    private final ClusterPaths paths;
    private final Executor waiter;

    /** {@code waiter} runs the blocking waits for the tools to finish. */
    public ToolApplicationActions(Path home, CommandRunner runner, ClusterPaths paths, Executor waiter) {
        this.home = Objects.requireNonNull(home, "home");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.paths = Objects.requireNonNull(paths, "paths");
        this.waiter = Objects.requireNonNull(waiter, "waiter");
    }

    @Override
    public Launched start(String application, ForceLevel force) {
        return launch("clstartapp", "net.linuxha.cli.clstartapp.ClstartappTool", application,
                startArguments(application, force));
    }

    @Override
    public Launched stop(String application) {
        return launch("clhaltapp", "net.linuxha.cli.clhaltapp.ClhaltappTool", application,
                stopArguments(application));
    }

    /**
     * clstartapp's arguments. Always {@code --verbose}, as clrunapp runs it (11.5): clstart.X.log is the tools'
     * verbose log (17.1.2), and after a take-over it is the only record of each step (storage, addresses, start
     * script) and of how long each took.
     */
    static List<String> startArguments(String application, ForceLevel force) {
        List<String> args = new ArrayList<>(List.of("--application", application, "--verbose"));
        if (force == ForceLevel.REALLY_FORCE) {
            args.add("--reallyforce");
        } else if (force == ForceLevel.FORCE) {
            args.add("--force");
        }
        return args;
    }

    /** clhaltapp's arguments, {@code --verbose} for the same reason. */
    static List<String> stopArguments(String application) {
        return List.of("--application", application, "--verbose");
    }

    private Launched launch(String tool, String toolClass, String application, List<String> args) {
        Path launcher = home.resolve("bin").resolve(tool);
        if (!Files.isExecutable(launcher) || !classPresent(toolClass)) {
            return Launched.failed(tool + " is not part of this build of linuxha (" + launcher + " / " + toolClass
                    + " missing), so the cluster daemon cannot " + (tool.equals("clstartapp") ? "start" : "stop")
                    + " application " + application + "; build the tools (mvn -DskipTests package) or run " + tool
                    + " by hand");
        }
        List<String> argv = new ArrayList<>();
        argv.add(launcher.toString());
        argv.addAll(args);
        Path out = paths.log("cldaemon." + application + ".actions.log");
        BackgroundProcess process;
        try {
            Files.createDirectories(out.getParent());
            process = runner.start(BackgroundCommand.of(argv, out, out));
        } catch (IOException | CommandStartException e) {
            return Launched.failed("cannot run " + String.join(" ", argv) + ": " + e.getMessage());
        }
        String shown = String.join(" ", argv);
        CompletableFuture<ActionResult> outcome = CompletableFuture.supplyAsync(() -> waitFor(process, shown, out),
                waiter);
        return new Launched(process.pid(), outcome);
    }

    private static ActionResult waitFor(BackgroundProcess process, String shown, Path out) {
        try {
            OptionalInt exit = process.waitFor(LIMIT);
            if (exit.isEmpty()) {
                return ActionResult.failure(shown + " (pid " + process.pid() + ") still runs after "
                        + LIMIT.toMinutes() + " minutes; see " + out);
            }
            return exit.getAsInt() == 0 ? ActionResult.success(shown + " finished")
                    : ActionResult.failure(shown + " exited with " + exit.getAsInt() + "; see " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ActionResult.failure("interrupted while waiting for " + shown);
        }
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name, false, ToolApplicationActions.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
