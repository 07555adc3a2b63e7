package net.linuxha.lems.action;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.common.config.LemsAction;
import net.linuxha.common.config.LemsCheck;
import net.linuxha.lems.model.Seconds;
import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.ProgramCall;
import net.linuxha.lems.spi.ProgramRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the action list a check's return code selects (Reference 24.3): substitutes RCDATA, parses, and runs
 * each action in order; a bad action is logged and skipped, the others still run. Works on the schedule only through
 * {@link SchedulerControl}, so that tests see its effects without real time.
 */
public final class ActionExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ActionExecutor.class);

    private final String application;
    private final SchedulerControl scheduler;
    private final ClusterDaemonLink cluster;
    private final ProgramRunner programs;
    private final Path programsDir;
    private final Path logsDir;

    /**
     * @param programsDir where a RUNCMD command named without a directory is looked for first
     * @param logsDir     where {@code <application>-<check>.stdout} and {@code .stderr} of RUNCMD go
     */
    public ActionExecutor(String application, SchedulerControl scheduler, ClusterDaemonLink cluster,
                          ProgramRunner programs, Path programsDir, Path logsDir) {
        this.application = Objects.requireNonNull(application, "application");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.programs = Objects.requireNonNull(programs, "programs");
        this.programsDir = Objects.requireNonNull(programsDir, "programsDir");
        this.logsDir = Objects.requireNonNull(logsDir, "logsDir");
    }

    /**
     * Runs the actions that the action list of {@code definition} gives for {@code result}'s return code.
     *
     * @return the actions that were run (invalid ones included, as parsed), empty when the code has no action
     */
    public List<Action> onResult(LemsCheck definition, CheckResult result) {
        String check = definition.name();
        int rc = result.returnCode();
        Optional<String> template = definition.actionFor(rc).map(LemsAction::raw);
        if (template.isEmpty()) {
            LOG.warn("Monitor {} returned {}, which has no entry in its action_list; no action taken (add "
                    + "<action rc=\"{}\" action=\"NOP\"/> or another action to lems.local.xml)", check, rc, rc);
            return List.of();
        }
        String text = ActionList.substitute(template.get(), result.rcData());
        List<Action> actions = ActionList.parse(text);
        if (!(actions.size() == 1 && actions.get(0) instanceof Action.Nop)) {
            LOG.info("Monitor {} returned: {} => [{}]", check, rc, text);
        }
        List<Action> done = new ArrayList<>();
        for (Action action : actions) {
            run(check, rc, action);
            done.add(action);
        }
        return List.copyOf(done);
    }

    private void run(String current, int rc, Action action) {
        // Java 17 has no pattern switch; the chain below covers every Action record.
        if (action instanceof Action.Stop stop) {
            stop(stop.check().orElse(current), rc);
        } else if (action instanceof Action.Start start) {
            start(start, rc);
        } else if (action instanceof Action.Pause pause) {
            scheduler.pause(current, pause.delay());
            LOG.info("Check {} paused for {} seconds, (RC={})", current, Seconds.format(pause.delay()), rc);
        } else if (action instanceof Action.RemoveMonitor) {
            scheduler.remove(current);
            LOG.info("Removed monitor \"{}\" by its action list, (RC={})", current, rc);
        } else if (action instanceof Action.Failover) {
            failover(current, rc);
        } else if (action instanceof Action.HaltApplication) {
            halt(current, rc);
        } else if (action instanceof Action.RunCommand command) {
            runCommand(current, command);
        } else if (action instanceof Action.Invalid invalid) {
            LOG.warn("Ignored action \"{}\" of monitor {}: {}", invalid.text(), current, invalid.reason());
        } else if (!(action instanceof Action.Nop)) {
            throw new IllegalStateException("unhandled action " + action);
        }
    }

    private void stop(String check, int rc) {
        if (!scheduler.exists(check)) {
            LOG.warn("Cannot stop check {}: no check of that name is configured for {} (check the name in the "
                    + "action list or the flag file)", check, application);
            return;
        }
        scheduler.stop(check);
        LOG.info("Check {} has been stopped, (RC={})", check, rc);
    }

    private void start(Action.Start start, int rc) {
        if (!scheduler.exists(start.check())) {
            LOG.warn("Cannot start check {}: no check of that name is configured for {} (check the name in the "
                    + "action list or the flag file)", start.check(), application);
            return;
        }
        if (scheduler.start(start.check(), start.interval())) {
            LOG.info("Check {} has been started, (RC={})", start.check(), rc);
        } else {
            LOG.info("Check {} is already scheduled, (RC={})", start.check(), rc);
        }
    }

    private void failover(String check, int rc) {
        LOG.warn("Monitor {} (RC={}) requests fail-over of application {}; Lems will exit", check, rc, application);
        try {
            cluster.requestFailover(application);
        } catch (IOException e) {
            LOG.error("Could not send FAILOVER for application {} to the local cluster daemon: {}; check that "
                    + "cldaemon is running (clstat); Lems exits anyway", application, e.getMessage());
        }
        scheduler.requestExit(ExitReason.FAILOVER);
    }

    private void halt(String check, int rc) {
        LOG.warn("Monitor {} (RC={}) requests shut-down of application {} without fail-over; Lems will exit",
                check, rc, application);
        try {
            cluster.requestHalt(application);
        } catch (IOException e) {
            LOG.error("Could not ask the local cluster daemon to halt application {}: {}; check that cldaemon is "
                    + "running (clstat) and halt it with clhaltapp; Lems exits anyway", application, e.getMessage());
        }
        scheduler.requestExit(ExitReason.HALT_APPLICATION);
    }

    private void runCommand(String check, Action.RunCommand command) {
        List<String> argv = new ArrayList<>(command.argv());
        argv.set(0, resolve(argv.get(0)));
        Path stdout = logsDir.resolve(application + "-" + check + ".stdout");
        Path stderr = logsDir.resolve(application + "-" + check + ".stderr");
        try {
            Files.createDirectories(logsDir);
            programs.startInBackground(ProgramCall.of(argv), stdout, stderr);
            LOG.info("Started command for monitor {}: {} (output in {})", check, String.join(" ", argv), stdout);
        } catch (IOException e) {
            LOG.warn("Could not run RUNCMD of monitor {}: {}: {}; check the command and that {} is writable",
                    check, String.join(" ", argv), e.getMessage(), logsDir);
        }
    }

    /** A bare command name is taken from the programs directory when a file of that name is there. */
    private String resolve(String program) {
        if (program.indexOf('/') < 0) {
            Path candidate = programsDir.resolve(program);
            if (Files.isRegularFile(candidate)) {
                return candidate.toString();
            }
        }
        return program;
    }
}
