package net.linuxha.cli.app;

import static net.linuxha.cli.cluster.TestCluster.LOCAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.linuxha.cli.clhaltapp.ClhaltappTool;
import net.linuxha.cli.clstartapp.ClstartappTool;
import net.linuxha.cli.cluster.FakeClusterDaemon;
import net.linuxha.cli.cluster.ScriptedRunner;
import net.linuxha.cli.cluster.TestCluster;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.common.config.BuildChecksum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * clstartapp and clhaltapp speaking to a played local cluster daemon (25.4): the registration and state reports
 * they send and what they do with its answers. The application has no storage, addresses or scripts, and the other
 * node answers ssh and ping (played), so only the conversation is under test.
 */
@Timeout(60)
class ClusterDaemonConversationTest {

    @TempDir
    Path tmp;
    private TestCluster cluster;
    private ToolEnvironment env;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new TestCluster(tmp);
        Path appconf = cluster.paths().appconf("web");
        Files.createDirectories(appconf.getParent());
        Files.writeString(appconf, """
                <?xml version="1.0"?>
                <appconf>
                  <global><version>0.2</version><name>web</name></global>
                </appconf>
                """);
        BuildChecksum.application(cluster.paths(), "web").record();
        cluster.runner().script((node, argv) -> ScriptedRunner.Outcome.ok());
        ToolEnvironment e = cluster.env();
        env = new ToolEnvironment(e.paths(), e.clock(), e.runner(), e.hostName(),
                host -> InetAddress.getByAddress(host, new byte[] {(byte) 198, 51, 100, 1}), e.locator(), e.binDir(),
                e.root(), e.pollInterval());
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void anApplicationTheDaemonShowsRunningIsNotStartedAgain() throws Exception {
        FakeClusterDaemon daemon = cluster.daemon(LOCAL, "UP").answer("STARTING_APP", "ALREADY_STARTED");
        TestCluster.Run run = TestCluster.run(new ClstartappTool(env, null), "-A", "web", "--file", "-");
        assertEquals(5, run.exit(), run.toString());
        assertTrue(run.out().contains("ERROR 15/06/2005 02:18:50 Application web is already running!"), run.out());
        assertEquals(List.of("STARTING_APP app=web node=sl4s1"), daemon.actions());
    }

    @Test
    void aStartRegistersAndReportsStartedAndRecordsTimeAndLiveNode() throws Exception {
        FakeClusterDaemon daemon = cluster.daemon(LOCAL, "UP").answer("STARTING_APP", "OK")
                .answer("STARTED_APP", "OK");
        TestCluster.Run run = TestCluster.run(new ClstartappTool(env, null), "-A", "web");
        assertEquals(0, run.exit(), run.toString());
        assertEquals("Application web started successfully", run.out().strip());
        assertEquals(List.of("STARTING_APP app=web node=sl4s1", "STARTED_APP app=web"), daemon.actions());
        Path status = cluster.paths().applicationStatusDir("web");
        assertEquals(Long.toString(TestCluster.NOW.getEpochSecond()), Files.readString(status.resolve("TIME")).strip());
        assertEquals(LOCAL, Files.readString(status.resolve("LIVENODE")).strip());
        String log = Files.readString(cluster.paths().log("clstart.web.log"));
        assertTrue(log.contains("WARN 15/06/2005 02:18:50 Application web has no start script configured."), log);
    }

    @Test
    void anUnregisteredApplicationIsRefusedUnlessForced() throws Exception {
        FakeClusterDaemon daemon = cluster.daemon(LOCAL, "UP").answer("STARTING_APP", "NOT_REGISTERED")
                .answer("STARTED_APP", "NOT_REGISTERED");
        TestCluster.Run refused = TestCluster.run(new ClstartappTool(env, null), "-A", "web", "--file", "-");
        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.out().contains("is not registered with the cluster daemon"), refused.out());
        TestCluster.Run forced = TestCluster.run(new ClstartappTool(env, null), "-A", "web", "--force");
        assertEquals(0, forced.exit(), forced.toString());
        assertTrue(forced.out().contains("started successfully"), forced.toString());
        assertEquals(List.of("STARTING_APP app=web node=sl4s1", "STARTING_APP app=web node=sl4s1"),
                daemon.actions(), "nothing more is reported to a daemon that does not know the application");
    }

    @Test
    void aHaltOfAnApplicationTheDaemonShowsHereReportsStoppingAndStopped() throws Exception {
        FakeClusterDaemon daemon = cluster.daemon(LOCAL, "UP").app("web", "STARTED,sl4s1,0,1118801900,0,Yes")
                .answer("STOPPING_APP", "OK").answer("STOPPED_APP", "OK");
        Files.createDirectories(cluster.paths().applicationStatusDir("web"));
        Files.writeString(cluster.paths().applicationStatusDir("web").resolve("LIVENODE"), LOCAL + "\n");
        TestCluster.Run run = TestCluster.run(new ClhaltappTool(env, null), "-A", "web");
        assertEquals(0, run.exit(), run.toString());
        assertEquals("Application web shutdown successfully.", run.out().strip());
        assertEquals(List.of("APP_STATUS app=web", "STOPPING_APP app=web", "STOPPED_APP app=web"),
                daemon.actions());
        assertFalse(Files.exists(cluster.paths().applicationStatusDir("web").resolve("LIVENODE")), "LIVENODE removed");
    }

    @Test
    void aHaltOfAnApplicationNotRunningHereDoesNothing() throws Exception {
        FakeClusterDaemon daemon = cluster.daemon(LOCAL, "UP").app("web", "STARTED,sl4s2,0,1118801900,0,Yes");
        TestCluster.Run run = TestCluster.run(new ClhaltappTool(env, null), "-A", "web");
        assertEquals(0, run.exit(), run.toString());
        assertEquals("Application web is not running on sl4s1.", run.out().strip());
        assertEquals(List.of("APP_STATUS app=web"), daemon.actions());
    }
}
