package net.linuxha.cli.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import net.linuxha.cli.clhaltapp.ClhaltappTool;
import net.linuxha.cli.clstartapp.ClstartappTool;
import net.linuxha.cli.clstartapp.StartSettings;
import net.linuxha.cli.cluster.TestCluster;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.common.app.ForceLevel;
import net.linuxha.common.cli.ToolRunner;
import net.linuxha.common.config.ApplicationConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command lines of clstartapp and clhaltapp (22.1) and their defaults (22.2). */
@Timeout(30)
class StartAndHaltOptionsTest {

    @TempDir
    Path tmp;

    private static ApplicationConfig appconf(String application) throws Exception {
        return ApplicationConfig.parse(Path.of(application, "appconf.xml"), """
                <?xml version="1.0"?>
                <appconf>
                  <global><version>0.2</version><name>%s</name></global>
                  <application><startscript>/bin/true</startscript><maxstarttime>20</maxstarttime></application>
                </appconf>
                """.formatted(application)).config();
    }

    @Test
    void withoutMaxdelayTheStartTimeIsMaxstarttimeAndTheStopTimeDefaultsTo30Seconds() throws Exception {
        ApplicationConfig app = appconf("apache");
        StartSettings settings = new StartSettings("apache", ForceLevel.NONE, Optional.empty(),
                false);
        assertEquals(Duration.ofSeconds(20), settings.startLimit(app));
        assertEquals(ApplicationConfig.DEFAULT_MAX_TIME, settings.unmountDelay(app));
        assertEquals(Duration.ofSeconds(30), ApplicationConfig.DEFAULT_MAX_TIME);
        StartSettings overridden = new StartSettings("apache", ForceLevel.NONE,
                Optional.of(Duration.ofSeconds(7)), false);
        assertEquals(Duration.ofSeconds(7), overridden.startLimit(app));
        assertEquals(Duration.ofSeconds(7), overridden.unmountDelay(app));
    }

    @Test
    void reallyforceImpliesForce() {
        assertEquals(ForceLevel.REALLY_FORCE, ForceLevel.of(false, true));
        assertTrue(ForceLevel.REALLY_FORCE.atLeast(ForceLevel.FORCE));
    }

    @Test
    void everyReferenceArgumentIsAccepted() throws Exception {
        TestCluster cluster = new TestCluster(tmp);
        CommandLine start = ToolRunner.commandLine(new ClstartappTool(cluster.env(), null));
        CommandLine.ParseResult parsed = start.parseArgs("--application", "apache", "--force", "--reallyforce",
                "--maxdelay", "12", "--checks", "--verbose", "--file", "-", "--nolocking", "--nochecksums");
        assertTrue(parsed.hasMatchedOption("--reallyforce"));
        assertEquals(12, (Integer) parsed.matchedOptionValue("--maxdelay", 0));
        CommandLine halt = ToolRunner.commandLine(new ClhaltappTool(cluster.env(), null));
        CommandLine.ParseResult haltParsed = halt.parseArgs("-A", "apache", "--force", "--maxdelay", "3", "-V",
                "--file", "/tmp/x.log", "--nolocking", "--nochecksums");
        assertTrue(haltParsed.hasMatchedOption("--force"));
        cluster.close();
    }

    @Test
    void aMissingApplicationOrANonPositiveMaxdelayIsAUsageError() throws Exception {
        TestCluster cluster = new TestCluster(tmp);
        StringWriter err = new StringWriter();
        CommandLine start = ToolRunner.commandLine(new ClstartappTool(cluster.env(), null));
        start.setErr(new PrintWriter(err));
        start.setOut(new PrintWriter(new StringWriter()));
        assertEquals(2, start.execute("--force"));
        assertTrue(err.toString().contains("--application"), err.toString());
        CommandLine halt = ToolRunner.commandLine(new ClhaltappTool(cluster.env(), null));
        StringWriter haltErr = new StringWriter();
        halt.setErr(new PrintWriter(haltErr));
        halt.setOut(new PrintWriter(new StringWriter()));
        assertEquals(2, halt.execute("-A", "apache", "--maxdelay", "0"));
        assertTrue(haltErr.toString().contains("--maxdelay needs a positive number"), haltErr.toString());
        cluster.close();
    }

    @Test
    void anApplicationThatWasNeverBuiltIsAConfigurationError() throws Exception {
        TestCluster cluster = new TestCluster(tmp);
        ToolEnvironment e = cluster.env();
        ToolEnvironment resolving = new ToolEnvironment(e.paths(), e.clock(), e.runner(), e.hostName(),
                host -> InetAddress.getByAddress(host, new byte[] {(byte) 198, 51, 100, 1}), e.locator(), e.binDir(),
                e.root(), e.pollInterval());
        CommandLine start = ToolRunner.commandLine(new ClstartappTool(resolving, null));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        start.setOut(new PrintWriter(out));
        start.setErr(new PrintWriter(err));
        assertEquals(3, start.execute("-A", "fred", "--file", "-"));
        assertTrue(err.toString().contains("Could not find appconf.xml for fred"), err + "/" + out);
        assertFalse(err.toString().contains("Exception"), err.toString());
        cluster.close();
    }
}
