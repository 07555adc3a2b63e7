package net.linuxha.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.log.LogControl;
import net.linuxha.common.log.LogDestination;
import net.linuxha.common.log.LogSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A tool built on the shared foundation, run with {@code execute()}: its logging options, and how each kind of
 * failure reaches the user (message and exit code, stack trace only for bugs).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ToolRunnerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2005-07-08T05:08:25Z"), ZoneOffset.UTC);
    private static final String STAMP = "08/07/2005 05:08:25";

    /** Stands in for the configuration parser's exception, which the tools register as a configuration error. */
    static final class SampleConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SampleConfigException(String message) {
            super(message);
        }
    }

    @Command(name = "sampletool")
    static final class SampleTool implements Callable<Integer> {
        private static final Logger LOG = LoggerFactory.getLogger(SampleTool.class);

        @Mixin
        LogOptions logging;

        @Spec
        CommandSpec spec;

        @Option(names = "--application")
        String application = "apache";

        @Option(names = "--fail")
        String fail = "";

        final Path defaultLog;
        LogControl logs;

        SampleTool(Path defaultLog) {
            this.defaultLog = defaultLog;
        }

        @Override
        public Integer call() throws Exception {
            switch (fail) {
                case "config" -> throw new SampleConfigException("/etc/cluster/apache/appconf.xml: element "
                        + "application.maxstarttime must be a whole number of seconds, not 'soon'");
                case "multiline" -> throw ToolException.config("The cluster configuration file\n"
                        + "/etc/cluster/clconf.xml appears to have been changed");
                case "notrunning" -> throw ToolException.notRunning("Cluster md10cluster is not running.");
                case "io" -> throw new NoSuchFileException("/etc/cluster/apache/appconf.xml");
                case "bug" -> throw new IllegalStateException("unexpected state");
                default -> {
                    // carry on
                }
            }
            logs = logging.startLogging(new LogDestination.LogFile(defaultLog), CLOCK);
            LOG.info("Verified that application {} is registered.", application);
            LOG.warn("Application {} has no stop script.", application);
            if (fail.equals("logged-error")) {
                LOG.error("Application {} failed to start.", application);
                return ExitCode.FAILURE.code();
            }
            spec.commandLine().getOut().println("done");
            return ExitCode.SUCCESS.code();
        }
    }

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void restoreLogging() {
        LogSetup.restoreDefault();
    }

    private int run(SampleTool tool, String... args) {
        CommandLine commandLine = ToolRunner.commandLine(tool,
                new ToolErrorHandler(CLOCK).map(SampleConfigException.class, ExitCode.CONFIG));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void verboseToTheTerminalWritesInfoLinesOnStandardOutput() {
        SampleTool tool = new SampleTool(dir.resolve("clstart.apache.log"));
        int code = run(tool, "--verbose", "--file", "-");
        assertEquals(0, code);
        assertEquals("INFO " + STAMP + " Verified that application apache is registered.\n"
                + "WARN " + STAMP + " Application apache has no stop script.\n"
                + "done\n", out.toString().replace(System.lineSeparator(), "\n"));
        assertEquals("", err.toString());
        assertFalse(Files.exists(dir.resolve("clstart.apache.log")), "no default log file when --file -");
    }

    @Test
    void withoutFileTheToolLogsToItsDefaultFileAndQuietMeansWarningsOnly() throws Exception {
        Path defaultLog = dir.resolve("clstart.apache.log");
        int code = run(new SampleTool(defaultLog));
        assertEquals(0, code);
        assertEquals(List.of("WARN " + STAMP + " Application apache has no stop script."),
                Files.readAllLines(defaultLog));
        assertEquals("done\n", out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void shortVerboseAndAnExplicitFile() throws Exception {
        Path chosen = dir.resolve("elsewhere/start.log");
        SampleTool tool = new SampleTool(dir.resolve("clstart.apache.log"));
        int code = run(tool, "-V", "--file", chosen.toString());
        assertEquals(0, code);
        assertEquals(2, Files.readAllLines(chosen).size());
        assertTrue(tool.logs.isVerbose());
        assertEquals(chosen, tool.logs.logFile().orElseThrow());
    }

    @Test
    void errorsLoggedToAFileAreAlsoShownOnStandardError() throws Exception {
        Path defaultLog = dir.resolve("clstart.apache.log");
        int code = run(new SampleTool(defaultLog), "--verbose", "--fail", "logged-error");
        assertEquals(ExitCode.FAILURE.code(), code);
        assertEquals("ERROR " + STAMP + " Application apache failed to start.\n", err.toString());
        assertEquals(3, Files.readAllLines(defaultLog).size());
    }

    @Test
    void aConfigurationProblemPrintsItsMessageWithoutAStackTrace() {
        int code = run(new SampleTool(dir.resolve("x.log")), "--fail", "config");
        assertEquals(ExitCode.CONFIG.code(), code);
        assertEquals("ERROR " + STAMP + " /etc/cluster/apache/appconf.xml: element application.maxstarttime "
                + "must be a whole number of seconds, not 'soon'\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aMultiLineMessageGetsAnErrorPrefixOnEachLine() {
        int code = run(new SampleTool(dir.resolve("x.log")), "--fail", "multiline");
        assertEquals(ExitCode.CONFIG.code(), code);
        assertEquals("ERROR " + STAMP + " The cluster configuration file\n"
                + "ERROR " + STAMP + " /etc/cluster/clconf.xml appears to have been changed\n", err.toString());
    }

    @Test
    void toolExceptionsCarryTheirOwnExitCode() {
        int code = run(new SampleTool(dir.resolve("x.log")), "--fail", "notrunning");
        assertEquals(ExitCode.NOT_RUNNING.code(), code);
        assertEquals("ERROR " + STAMP + " Cluster md10cluster is not running.\n", err.toString());
    }

    @Test
    void aMissingFileIsNamedWithoutAStackTrace() {
        int code = run(new SampleTool(dir.resolve("x.log")), "--fail", "io");
        assertEquals(ExitCode.FAILURE.code(), code);
        assertEquals("ERROR " + STAMP + " no such file or directory: /etc/cluster/apache/appconf.xml\n",
                err.toString());
    }

    @Test
    void aBugShowsItsStackTraceAndTheInternalCode() {
        int code = run(new SampleTool(dir.resolve("x.log")), "--fail", "bug");
        assertEquals(ExitCode.INTERNAL.code(), code);
        String text = err.toString();
        assertTrue(text.startsWith("ERROR " + STAMP + " internal error in sampletool: "
                + "java.lang.IllegalStateException: unexpected state\n"), text);
        assertTrue(text.contains("SampleTool.call"), text);
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("ERROR " + STAMP), line);
        }
    }

    @Test
    void aWrongCommandLineIsAUsageErrorWithAHint() {
        int code = run(new SampleTool(dir.resolve("x.log")), "--bogus");
        assertEquals(ExitCode.USAGE.code(), code);
        String text = err.toString();
        assertTrue(text.startsWith("ERROR " + STAMP + " Unknown option: '--bogus'\n"), text);
        assertTrue(text.contains("Run 'sampletool --help' for the options."), text);
    }

    @Test
    void anEmptyFileArgumentIsAUsageError() {
        int code = run(new SampleTool(dir.resolve("x.log")), "--file", "");
        assertEquals(ExitCode.USAGE.code(), code);
        assertTrue(err.toString().contains("--file needs a file name, or - for the terminal"), err.toString());
    }

    @Test
    void aLogFileThatCannotBeOpenedIsReportedAsAFailure() throws Exception {
        Path blocker = dir.resolve("plain-file");
        Files.writeString(blocker, "not a directory");
        int code = run(new SampleTool(blocker.resolve("clstart.apache.log")));
        assertEquals(ExitCode.FAILURE.code(), code);
        assertTrue(err.toString().startsWith("ERROR " + STAMP + " cannot open log file " + blocker), err.toString());
    }

    @Test
    void runEndsThroughTheExitHook() {
        List<Integer> exits = new ArrayList<>();
        CommandLine commandLine = ToolRunner.commandLine(new SampleTool(dir.resolve("x.log")),
                new ToolErrorHandler(CLOCK));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        ToolRunner.run(commandLine, new String[] {"--fail", "notrunning"}, exits::add);
        assertEquals(List.of(ExitCode.NOT_RUNNING.code()), exits);
    }
}
