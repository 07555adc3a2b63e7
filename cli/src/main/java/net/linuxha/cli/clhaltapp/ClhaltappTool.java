package net.linuxha.cli.clhaltapp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import net.linuxha.cli.app.AppSession;
import net.linuxha.cli.app.ScriptRunner;
import net.linuxha.cli.cluster.ToolEnvironment;
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
 * {@code clhaltapp} (Reference 11.4, 22): stops an application on this node.
 *
 * <p>Exit codes (docs/clstartapp.md; cldaemon relies on 0): 0 the application is stopped here (also when it was
 * not running here); 1 a step failed and something of it is left (named in the log); 2 usage; 3 configuration.
 */
@Command(name = "clhaltapp", mixinStandardHelpOptions = false, sortOptions = false,
        description = "Stops an application of the cluster on this node.")
public final class ClhaltappTool implements Callable<Integer> {

    @Mixin
    LogOptions logging;

    @Spec
    CommandSpec spec;

    @Option(names = {"-A", "--application"}, required = true, paramLabel = "APPLICATION",
            description = "The application to stop.")
    String application;

    @Option(names = "--force", description = "Go through every step even if the application does not appear to "
            + "be running here.")
    boolean force;

    @Option(names = "--maxdelay", paramLabel = "SECONDS", description = "Seconds the stop script may run and a busy "
            + "file system is retried before its users are killed (default: appconf maxstoptime, else 30).")
    Integer maxDelay;

    @Option(names = "--nolocking", description = "Do not use the cluster lock daemon.")
    boolean noLocking;

    @Option(names = "--nochecksums", description = "Do not check the configuration against its build checksums.")
    boolean noChecksums;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final ToolEnvironment env;
    private final ScriptRunner scripts;

    public ClhaltappTool() {
        this(ToolEnvironment.system(), null);
    }

    /** @param scripts the stop script runner; null for the Reference's 5 s from HUP to KILL */
    public ClhaltappTool(ToolEnvironment env, ScriptRunner scripts) {
        this.env = Objects.requireNonNull(env, "env");
        this.scripts = scripts == null ? new ScriptRunner(env.runner()) : scripts;
    }

    @Override
    public Integer call() throws ConfigException, InterruptedException {
        Optional<Duration> delay = maxDelay();
        logging.startLogging(new LogDestination.LogFile(new LogFiles(env.paths()).clhalt(application)), env.clock());
        AppSession session = AppSession.open(env, application, noChecksums, noLocking, "clhaltapp");
        return new ApplicationHalt(session, delay, force, scripts, spec.commandLine().getOut()).run();
    }

    Optional<Duration> maxDelay() {
        if (maxDelay != null && maxDelay < 1) {
            throw new ToolException(ExitCode.USAGE, "--maxdelay needs a positive number of seconds, got "
                    + maxDelay);
        }
        return Optional.ofNullable(maxDelay).map(Duration::ofSeconds);
    }
}
