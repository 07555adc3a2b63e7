package net.linuxha.lems.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.cli.ToolRunner;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.log.LogSetup;
import net.linuxha.common.wire.WireClient;
import net.linuxha.lems.LemsMain;
import net.linuxha.lems.support.LemsFixture;
import net.linuxha.lems.support.LoopbackPeerRunner;
import net.linuxha.common.testing.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code lems} as a command: {@code --check} on good and broken configurations (the other node played by this host
 * through {@link LoopbackPeerRunner}), and the daemon run in the foreground until ABORT.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LemsMainTest {

    @TempDir
    Path dir;

    private LemsFixture node;
    private LoopbackPeerRunner runner;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        node = new LemsFixture(dir.resolve("node"));
        runner = new LoopbackPeerRunner(dir.resolve("peer"));
        node.writeStandardConfig(3);
    }

    @AfterEach
    void tearDown() {
        node.close();
        LogSetup.restoreDefault();
    }

    private int lems(String... args) {
        LemsMain main = new LemsMain(node.paths, runner, Clock.systemDefaultZone(), Optional.empty(),
                Optional.of(InetAddress.getLoopbackAddress()));
        CommandLine commandLine = ToolRunner.commandLine(main);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private String output() {
        return out + "\n" + err;
    }

    @Test
    void checkOfAGoodConfigurationValidatesCopiesToTheOtherNodeAndReportsTheInterval() throws Exception {
        Files.createDirectories(node.paths.applicationDir("samba"));
        int sambaPort = LemsFixture.freePort();
        Files.writeString(node.paths.lemsConfig("samba"), "<lems_config><globals port=\"" + sambaPort
                + "\"/></lems_config>");

        assertEquals(0, lems("--application", "apache", "--verbose", "--check"), output());

        String text = output();
        for (String line : new String[] {"Validating port not open locally...",
            "Validating port not open on " + LemsFixture.PEER + "...",
            "No clash for application samba - uses port " + sambaPort + " not " + node.lemsPort + ".",
            "Validating monitor entry httpd...", "Validated monitor entry httpd successfully.",
            "Validated monitor entry flag_check successfully.", "Validated monitor entry echo successfully.",
            "Check mode - transferring validated config to remote node.", "Configuration transferred successfully.",
            "Calculated a check interval of 0.25 seconds."}) {
            assertTrue(text.contains(line), "missing \"" + line + "\" in:\n" + text);
        }
        Path config = node.paths.lemsConfig("apache");
        assertEquals(Files.readString(config), Files.readString(runner.onPeer(config.toString())));
    }

    @Test
    void helpNeedsNoApplication() {
        assertEquals(0, lems("--help"), output());
        assertTrue(out.toString().contains("--detach") && out.toString().contains("--check"), output());
    }

    @Test
    void checkWithoutVerbosePrintsOnlyTheInterval() {
        assertEquals(0, lems("-A", "apache", "--check"), output());
        assertTrue(out.toString().strip().endsWith("Calculated a check interval of 0.25 seconds."), output());
        assertFalse(out.toString().contains("Validating"), output());
    }

    @Test
    void aBrokenProcmonFileIsNamedWithItsElementAndNothingIsCopied() throws Exception {
        node.writeProcmon("");
        assertEquals(3, lems("-A", "apache", "--check"), output());
        String text = output();
        assertTrue(text.contains("<check[httpd]><module>"), text);
        assertTrue(text.contains(node.procmonFile() + ": <global><restarts>: is missing"), text);
        assertTrue(text.contains("lems --check found 1 problem(s)"), text);
        assertFalse(Files.exists(runner.onPeer(node.paths.lemsConfig("apache").toString())), "not copied");
    }

    @Test
    void aBrokenLemsFileIsNamedWithItsElement() throws Exception {
        node.writeLems(LemsFixture.check("httpd", "procmon " + node.procmonFile(), "0.1", "0 NOP"));
        assertEquals(3, lems("-A", "apache", "--check"), output());
        String text = output();
        assertTrue(text.contains(node.paths.lemsConfig("apache").toString()) && text.contains("<interval>")
                && text.contains("0.1"), text);
    }

    @Test
    void anUnknownModuleIsNamed() throws Exception {
        node.writeLems(LemsFixture.check("web", "procmonn " + node.procmonFile(), "10", "0 NOP"));
        assertEquals(3, lems("-A", "apache", "--check"), output());
        assertTrue(output().contains("<check[web]><module>: check web uses module procmonn, which Lems does not "
                + "know"), output());
    }

    @Test
    void aPortInUseHereOrByAnotherApplicationIsNamed() throws Exception {
        Files.createDirectories(node.paths.applicationDir("samba"));
        Files.writeString(node.paths.lemsConfig("samba"), "<lems_config><globals port=\"" + node.lemsPort
                + "\"/></lems_config>");
        try (ServerSocket taken = new ServerSocket(node.lemsPort)) {
            assertEquals(3, lems("-A", "apache", "--check"), output());
        }
        String text = output();
        assertTrue(text.contains("<globals>@port: port " + node.lemsPort + " is in use on this node"), text);
        assertTrue(text.contains("<globals>@port: port " + node.lemsPort + " is in use on " + LemsFixture.PEER), text);
        assertTrue(text.contains("is also the port of the Lems of application samba"), text);
        assertTrue(text.contains("lems --check found 3 problem(s)"), text);
    }

    @Test
    void theDaemonRunsUntilAbortAndLogsToItsFile() throws Exception {
        Path log = dir.resolve("lems-apache.log");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> lems("-A", "apache", "--verbose", "--file", log.toString()));
        WireClient client = new WireClient(ClusterSetup.localAddress(node.lemsPort), "Lems daemon for apache",
                ClusterSetup.load(node.paths).wireContext());
        assertTrue(Wait.until(Duration.ofSeconds(30), () -> answers(client) || exit.isDone()), output());
        assertEquals("OK", client.send("ABORT").text());
        assertEquals(0, exit.get(20, TimeUnit.SECONDS), output());
        String logged = Files.readString(log);
        assertTrue(logged.contains("Listening on port : " + node.lemsPort), logged);
        assertTrue(logged.contains("Lems for apache exits: ABORT_REQUEST"), logged);
    }

    private static boolean answers(WireClient client) {
        try {
            return client.send("GET_STAT").text().startsWith("httpd,");
        } catch (Exception notYet) {
            return false;
        }
    }
}
