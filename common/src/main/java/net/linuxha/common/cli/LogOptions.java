package net.linuxha.common.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.log.LogDestination;
import net.linuxha.common.log.LogSetup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The logging options every tool and daemon shares, as a picocli mixin:
 *
 * <ul>
 * <li>{@code -V}, {@code --verbose}: write the {@code INFO} lines of the work being done (clbuild's {@code -V},
 * clstartapp's and cldaemon's {@code --verbose});</li>
 * <li>{@code --file -|FILE}: where the log lines go, {@code -} being the terminal (cldaemon {@code --file -} in 10.1,
 * clstartapp in 11.1 and 22.1, clremoveapp). Without it each tool has its own default: clstartapp
 * {@code clstart.<application>.log}, cldaemon its {@code cldaemon-<cluster>.log}, clbuild the terminal.</li>
 * </ul>
 *
 * <pre>{@code
 * @Mixin LogOptions logging;
 * ...
 * LogControl logs = logging.startLogging(new LogDestination.LogFile(logFiles.clstart(application)), clock);
 * }</pre>
 */
public final class LogOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = {"-V", "--verbose"},
            description = "Report informational messages (INFO lines) about the work as it is done.")
    private boolean verbose;

    @Option(names = "--file", paramLabel = "-|FILE",
            description = "Where log lines go: - for the terminal, or a file to append to. "
                    + "The default depends on the command.")
    private String file;

    public boolean verbose() {
        return verbose;
    }

    /** The {@code --file} argument as given, if any. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** The destination {@code --file} names, or {@code whenAbsent}; {@code -} is the command's output writer. */
    public LogDestination destination(LogDestination whenAbsent) {
        try {
            return LogDestination.fromFileOption(file, out(), whenAbsent);
        } catch (IllegalArgumentException e) {
            throw new ToolException(ExitCode.USAGE, e.getMessage());
        }
    }

    /** {@link #destination(LogDestination)} with a default log file. */
    public LogDestination destination(Path defaultFile) {
        return destination(new LogDestination.LogFile(defaultFile));
    }

    /** The command's own output, for tools whose log goes to the terminal by default. */
    public LogDestination terminal() {
        return new LogDestination.Terminal(out());
    }

    /**
     * Sets up logging to {@link #destination(LogDestination)}, verbose if {@code --verbose} was given. When the log
     * goes to a file, {@code ERROR} lines are also shown on the command's error writer.
     *
     * @throws ToolException ({@link ExitCode#FAILURE}) naming the file when it cannot be opened
     */
    public LogControl startLogging(LogDestination whenAbsent, Clock clock) {
        LogDestination destination = destination(whenAbsent);
        try {
            return LogSetup.to(destination).verbose(verbose).clock(clock).alsoTo(err(), Level.ERROR).install();
        } catch (IOException e) {
            throw new ToolException(ExitCode.FAILURE, e.getMessage(), e);
        }
    }

    /** {@link #startLogging(LogDestination, Clock)} with the system clock. */
    public LogControl startLogging(LogDestination whenAbsent) {
        return startLogging(whenAbsent, Clock.systemDefaultZone());
    }

    private PrintWriter out() {
        return Objects.requireNonNull(mixee, "LogOptions is used as a picocli @Mixin").commandLine().getOut();
    }

    private PrintWriter err() {
        return Objects.requireNonNull(mixee, "LogOptions is used as a picocli @Mixin").commandLine().getErr();
    }
}
