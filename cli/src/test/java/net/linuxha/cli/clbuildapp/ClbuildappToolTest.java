package net.linuxha.cli.clbuildapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.cli.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** clbuildapp's command line: one stage at a time, options that belong to a stage, the application required. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClbuildappToolTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2005-06-09T01:27:19Z"), ZoneOffset.UTC);

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ClbuildappTool tool = new ClbuildappTool(CLOCK);
        CommandLine line = ToolRunner.commandLine(tool, ToolRunner.standardErrors(CLOCK));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Request parse(String... args) {
        ClbuildappTool tool = new ClbuildappTool(CLOCK);
        new CommandLine(tool).parseArgs(args);
        return tool.request();
    }

    @Test
    void aStageIsRequired() {
        Run run = run("--application", "apache", "--verbose");
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("No stage given: use one of --check, --vgbuild, --build, --sync"), run.err());
        assertTrue(run.err().startsWith("ERROR 09/06/2005"), "the Reference's line format: " + run.err());
    }

    @Test
    void onlyOneStageAtATime() {
        Run run = run("-A", "apache", "--check", "--build");
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("Only one stage at a time (--check, --build given)"), run.err());
    }

    @Test
    void forcesyncGoesWithSyncAndFsmapWithBuild() {
        Run forcesync = run("-A", "apache", "--build", "--forcesync");
        assertEquals(2, forcesync.exit());
        assertTrue(forcesync.err().contains("--forcesync only goes with --sync"), forcesync.err());
        Run fsmap = run("-A", "apache", "--sync", "--fsmap");
        assertEquals(2, fsmap.exit());
        assertTrue(fsmap.err().contains("--fsmap only goes with --build"), fsmap.err());
    }

    @Test
    void theApplicationIsRequiredAndMustBeADirectoryName() {
        Run missing = run("--check");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("--application"), missing.err());
        Run dotted = run("-A", "../etc", "--check");
        assertEquals(2, dotted.exit());
        assertTrue(dotted.err().contains("is not valid"), dotted.err());
    }

    /** The Reference's own command lines (8.3-8.6, 18) parse to the request they describe. */
    @Test
    void referenceCommandLinesParse() {
        Request check = parse("--application", "apache", "--verbose", "--check");
        assertEquals(new Request("apache", Stage.CHECK, false, false, false), check);
        assertEquals(new Request("apache", Stage.VGBUILD, true, false, false), parse("-A", "apache", "-V", "-F",
                "--vgbuild"));
        assertEquals(new Request("apache", Stage.BUILD, true, false, true), parse("-A", "apache", "-V", "-F",
                "--build", "--fsmap"));
        assertEquals(new Request("apache", Stage.SYNC, true, true, false), parse("--application", "apache",
                "--verbose", "--sync", "--force", "--forcesync"));
    }
}
