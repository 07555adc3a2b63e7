package net.linuxha.cli.clstartapp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import net.linuxha.cli.app.AppSession;
import net.linuxha.cli.app.ScriptRunner;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.common.app.ForceLevel;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.LogOptions;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.log.LogDestination;
import net.linuxha.common.log.LogFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clstartapp} (Reference 11.1, 11.2, 22): starts an application on this node, if the state of the cluster
 * and of its data allows it.
 *
 * <p>Exit codes (docs/clstartapp.md; cldaemon relies on 0): 0 the application now runs here; 1 refused by the data
 * decisions of 22.4 or the start failed and was rolled back; 2 usage; 3 configuration problem; 4 the local cluster
 * daemon is not running (without --force); 5 the application is already running or starting, or one of its
 * addresses is in use.
 */
@Command(name = "clstartapp", mixinStandardHelpOptions = false, sortOptions = false,
        description = "Starts an application of the cluster on this node.")
public final class ClstartappTool implements Callable<Integer> {

    @Mixin
    LogOptions logging;

    @Spec
    CommandSpec spec;

    @Option(names = {"-A", "--application"}, required = true, paramLabel = "APPLICATION",
            description = "The application to start.")
    String application;

    @Option(names = "--force", description = "Start although the other node can not confirm the data is current "
            + "(it is down, or the cluster daemon here is not running).")
    boolean force;

    @Option(names = "--reallyforce", description = "Start even on data believed STALE (implies --force); the other "
            + "node's copy is overwritten later.")
    boolean reallyForce;

    @Option(names = "--maxdelay", paramLabel = "SECONDS", description = "Seconds the start script may run, and a "
            + "busy file system is retried on a failed start (default: appconf maxstarttime, else 30).")
    Integer maxDelay;

    @Option(names = "--checks", description = "Extra checks before starting (logical volumes, mount points, the "
            + "other node's appconf.xml).")
    boolean checks;

    @Option(names = "--nolocking", description = "Do not use the cluster lock daemon.")
    boolean noLocking;

    @Option(names = "--nochecksums", description = "Do not check the configuration against its build checksums "
            + "(use with extreme caution, 11.2).")
    boolean noChecksums;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final ToolEnvironment env;
    private final ScriptRunner scripts;

    public ClstartappTool() {
        this(ToolEnvironment.system(), null);
    }

    /** @param scripts the start/stop script runner; null for the Reference's 5 s from HUP to KILL */
    public ClstartappTool(ToolEnvironment env, ScriptRunner scripts) {
        this.env = Objects.requireNonNull(env, "env");
        this.scripts = scripts == null ? new ScriptRunner(env.runner()) : scripts;
    }

    @Override
    public Integer call() throws ConfigException, InterruptedException {
        StartSettings settings = settings();
        logging.startLogging(new LogDestination.LogFile(new LogFiles(env.paths()).clstart(application)), env.clock());
        AppSession session = AppSession.open(env, application, noChecksums, noLocking, "clstartapp");
        return new ApplicationStart(session, settings, scripts, spec.commandLine().getOut()).run();
    }

    StartSettings settings() {
        if (maxDelay != null && maxDelay < 1) {
            throw new ToolException(ExitCode.USAGE, "--maxdelay needs a positive number of seconds, got "
                    + maxDelay);
        }
        if (application.isBlank() || application.contains("/")) {
            throw new ToolException(ExitCode.USAGE, "--application needs an application name (a directory under "
                    + env.paths().configDir() + "), got \"" + application + "\"");
        }
        return new StartSettings(application, ForceLevel.of(force, reallyForce),
                Optional.ofNullable(maxDelay).map(Duration::ofSeconds), checks);
    }
}
