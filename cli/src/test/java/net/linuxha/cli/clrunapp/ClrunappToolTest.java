package net.linuxha.cli.clrunapp;

import static net.linuxha.cli.cluster.TestCluster.LOCAL;
import static net.linuxha.cli.cluster.TestCluster.PEER;
import static net.linuxha.cli.cluster.TestCluster.STAMP;
import static net.linuxha.cli.cluster.TestCluster.info;
import static net.linuxha.cli.cluster.TestCluster.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.linuxha.cli.cluster.FakeClusterDaemon;
import net.linuxha.cli.cluster.ScriptedRunner;
import net.linuxha.cli.cluster.TestCluster;
import net.linuxha.cli.cluster.TestCluster.Run;
import net.linuxha.common.config.BuildChecksum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * clrunapp (11.5, 19.2, 23) against played cluster daemons: the requests it sends, the clstartapp command lines it
 * runs on each node (here, or over ssh), and its exact output lines. Each played clstartapp does what the real one
 * leaves behind: both daemons report the application STARTED on the node it ran on.
 */
@Timeout(60)
class ClrunappToolTest {

    private static final String DOWN = "DOWN,,0,0,0,Yes";

    @TempDir
    Path tmp;
    private TestCluster cluster;
    private String clstartapp;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new TestCluster(tmp);
        clstartapp = tmp.resolve("opt/linuxha/bin/clstartapp").toString();
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    /** An application built with {@code extraGlobal} in its appconf.xml global section. */
    private void build(String app, String extraGlobal) throws Exception {
        Files.createDirectories(cluster.paths().applicationDir(app));
        Files.writeString(cluster.paths().appconf(app), """
                <?xml version="1.0"?>
                <appconf>
                <global>
                  <version>0.2</version>
                  <name>%s</name>
                  <takeover>force</takeover>
                  %s
                </global>
                </appconf>
                """.formatted(app, extraGlobal));
        BuildChecksum.application(cluster.paths(), app).record();
    }

    /** Both daemons UP, knowing {@code apps} as DOWN, valid on both nodes, without dependencies. */
    private void bothUp(String... apps) throws Exception {
        for (String node : List.of(LOCAL, PEER)) {
            FakeClusterDaemon daemon = cluster.daemon(node, "UP");
            for (String app : apps) {
                daemon.app(app, DOWN).answer("GETVALIDNODES app=" + app, "OK sl4s1,sl4s2")
                        .answer("DEPENDS_ON app=" + app, "OK");
            }
        }
    }

    /** clstartapp on a node leaves the application STARTED there, as both daemons report. */
    private void clstartappStarts() {
        cluster.runner().script((node, argv) -> {
            String where = node.equals("local") ? LOCAL : node;
            String app = argv.get(argv.indexOf("--application") + 1);
            for (String daemon : List.of(LOCAL, PEER)) {
                cluster.daemon(daemon).app(app, "STARTED," + where + ",1,1118801930,0,Yes");
            }
            return ScriptedRunner.Outcome.ok();
        });
    }

    @Test
    void startsOnTheNodeTheDaemonPrefersWithTheReferenceLines() throws Exception {
        build("apache", "");
        bothUp("apache");
        cluster.daemon(LOCAL).answer("PNODE app=apache", "OK sl4s1");
        clstartappStarts();

        Run run = run(new ClrunappTool(cluster.env()), "--application", "apache");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(info("Validated cluster configuration.",
                "Validated application configuration.",
                "Successfully connected to cluster sl4cluster.",
                "Verified that application apache is registered.",
                "Current application state : DOWN",
                "Application apache depends on: <NONE>",
                "Application apache will be started on node sl4s1",
                "Starting apache using command:",
                clstartapp + " --application apache --maxdelay 30 --verbose",
                "Application apache started after 0 seconds."), run.outLines());
        assertEquals(List.of("local: " + clstartapp + " --application apache --maxdelay 30 --verbose"),
                cluster.runner().commands());
        assertEquals(List.of("APP_STATUS app=apache failoverinfo=yes", "DEPENDS_ON app=apache",
                "GETVALIDNODES app=apache", "PNODE app=apache", "APP_STATUS app=apache failoverinfo=yes"),
                cluster.daemon(LOCAL).actions());
        assertEquals(List.of(), cluster.daemon(PEER).actions());
    }

    @Test
    void dependencyStartsFirstThenLeastAppLoadSendsTheApplicationToTheOtherNode() throws Exception {
        // 19.2's example: mysql depends on samba; samba starts here, then LEAST_APP_LOAD picks the other node.
        build("samba", "");
        build("mysql", "<dependencies>samba</dependencies><preferred_node>LEAST_APP_LOAD</preferred_node>");
        bothUp("samba", "mysql");
        cluster.daemon(LOCAL).answer("DEPENDS_ON app=mysql", "OK samba").answer("PNODE app=samba", "OK sl4s1")
                .answer("PNODE app=mysql", "INTERNAL_ERROR");
        clstartappStarts();

        Run run = run(new ClrunappTool(cluster.env()), "--application", "mysql", "--timeout", "45");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(info("Validated cluster configuration.",
                "Validated application configuration.",
                "Successfully connected to cluster sl4cluster.",
                "Verified that application mysql is registered.",
                "Current application state : DOWN",
                "Application mysql depends on: samba",
                "Application samba will be started on node sl4s1",
                "Starting samba using command:",
                clstartapp + " --application samba --maxdelay 45 --verbose",
                "Application samba started after 0 seconds.",
                "WARN The cluster daemon on sl4s1 answered PNODE app=mysql with \"INTERNAL_ERROR\"; using "
                        + "preferred_node of its appconf.xml instead.",
                "Application mysql will be started on node sl4s2",
                "Starting mysql using command:",
                clstartapp + " --application mysql --maxdelay 45 --verbose",
                "Application mysql started after 0 seconds."), run.outLines());
        assertEquals(List.of("local: " + clstartapp + " --application samba --maxdelay 45 --verbose",
                "sl4s2: " + clstartapp + " --application mysql --maxdelay 45 --verbose"),
                cluster.runner().commands());
    }

    @Test
    void leastCpuLoadAsksBothNodesForTheirLoadAverage() throws Exception {
        build("mysql", "<preferred_node>LEAST_CPU_LOAD</preferred_node>");
        bothUp("mysql");
        cluster.daemon(LOCAL).answer("PNODE app=mysql", "INTERNAL_ERROR").answer("LOADAVERAGE", "1.52 0.80 0.40 3/201");
        cluster.daemon(PEER).answer("LOADAVERAGE", "0.07 0.10 0.12 1/180");
        clstartappStarts();

        Run run = run(new ClrunappTool(cluster.env()), "-A", "mysql", "--nologging", "--force", "--nolocking");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(List.of("sl4s2: " + clstartapp + " --application mysql --maxdelay 30 --force --nolocking"),
                cluster.runner().commands());
        assertEquals(List.of("LOADAVERAGE"), cluster.daemon(PEER).actions());
    }

    @Test
    void previewPrintsThePlanAndStartsNothing() throws Exception {
        build("samba", "");
        build("mysql", "<dependencies>samba</dependencies>");
        bothUp("samba", "mysql");
        cluster.daemon(LOCAL).answer("DEPENDS_ON app=mysql", "OK samba").answer("PNODE app=samba", "OK sl4s2")
                .answer("PNODE app=mysql", "OK sl4s1");

        Run run = run(new ClrunappTool(cluster.env()), "--application", "mysql", "--preview");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(info("Validated cluster configuration.",
                "Validated application configuration.",
                "Successfully connected to cluster sl4cluster.",
                "Verified that application mysql is registered.",
                "Current application state : DOWN",
                "Application mysql depends on: samba",
                "Application samba will be started on node sl4s2",
                "Preview: samba would be started (the cluster daemon's preferred node (PNODE)) using command:",
                clstartapp + " --application samba --maxdelay 30 --verbose",
                "Application mysql will be started on node sl4s1",
                "Preview: mysql would be started (the cluster daemon's preferred node (PNODE)) using command:",
                clstartapp + " --application mysql --maxdelay 30 --verbose",
                "Preview only: no application was started."), run.outLines());
        assertEquals(List.of(), cluster.runner().commands());
        assertTrue(cluster.daemon(LOCAL).actions().stream().noneMatch(r -> r.startsWith("SET")
                || r.startsWith("START")), cluster.daemon(LOCAL).actions().toString());
    }

    @Test
    void aNodeLeftOutOfTheValidListIsRefusedUntilReset() throws Exception {
        build("apache", "");
        bothUp("apache");
        cluster.daemon(LOCAL).answer("GETVALIDNODES app=apache", "OK sl4s1");
        clstartappStarts();

        Run refused = run(new ClrunappTool(cluster.env()), "--application", "apache", "--node", "sl4s2");

        assertEquals(1, refused.exit(), refused.toString());
        assertEquals(List.of("ERROR " + STAMP + " Node sl4s2 is not a valid node for application apache (valid "
                        + "nodes: sl4s1), after an earlier software fail-over.",
                "ERROR " + STAMP + " Add --reset to make both nodes valid again, if the fault there has been fixed."),
                refused.errLines());
        assertEquals(List.of(), cluster.runner().commands());

        // The played daemon takes the reset: its GETVALIDNODES answer follows SETVALIDNODES.
        cluster.daemon(LOCAL).answer("SETVALIDNODES app=apache nodes=sl4s1,sl4s2 forward=yes", "OK")
                .answer("GETVALIDNODES app=apache", "OK sl4s1,sl4s2");
        Run reset = run(new ClrunappTool(cluster.env()), "--application", "apache", "--node", "sl4s2", "--reset");

        assertEquals(0, reset.exit(), reset.toString());
        assertTrue(reset.outLines().contains(info("Reset the valid nodes of application apache to sl4s1,sl4s2.")
                .get(0)), reset.out());
        assertTrue(cluster.daemon(LOCAL).actions().contains("SETVALIDNODES app=apache nodes=sl4s1,sl4s2 "
                + "forward=yes"), cluster.daemon(LOCAL).actions().toString());
        assertEquals(List.of("sl4s2: " + clstartapp + " --application apache --maxdelay 30 --verbose"),
                cluster.runner().commands());
    }

    @Test
    void aRequestedNodeThatIsDownIsRefused() throws Exception {
        build("apache", "");
        cluster.daemon(LOCAL, "UP").app("apache", DOWN).answer("DEPENDS_ON app=apache", "OK")
                .answer("GETVALIDNODES app=apache", "OK sl4s1,sl4s2");

        Run run = run(new ClrunappTool(cluster.env()), "--application", "apache", "--node", "sl4s2");

        assertEquals(1, run.exit(), run.toString());
        assertEquals(List.of("ERROR " + STAMP + " Node sl4s2 is not available: its cluster daemon is not UP.",
                "ERROR " + STAMP + " Join it to the cluster (clform --join), or leave out --node to start apache "
                        + "where the cluster prefers."), run.errLines());
    }

    @Test
    void anApplicationAlreadyRunningIsLeftAlone() throws Exception {
        build("apache", "");
        bothUp("apache");
        cluster.daemon(LOCAL).app("apache", "STARTED,sl4s2,1,1118801900,0,Yes");

        Run run = run(new ClrunappTool(cluster.env()), "--application", "apache");

        assertEquals(5, run.exit(), run.toString());
        assertEquals("INFO " + STAMP + " Application apache is already running on node sl4s2 - no action taken.",
                run.outLines().get(run.outLines().size() - 1));
        assertEquals(List.of(), cluster.runner().commands());
    }

    @Test
    void anApplicationStillStoppingIsRefusedUntilItIsDown() throws Exception {
        build("apache", "");
        bothUp("apache");
        cluster.daemon(LOCAL).app("apache", "STOPPING,sl4s1,0,1118801900,0,Yes");

        Run run = run(new ClrunappTool(cluster.env()), "--application", "apache");

        assertEquals(1, run.exit(), run.toString());
        assertEquals("ERROR " + STAMP + " Application apache is STOPPING on node sl4s1; wait until it is DOWN "
                + "(clstat -A apache) before running clrunapp again.\n", run.err());
        assertEquals(List.of(), cluster.runner().commands());
    }

    @Test
    void aClusterNotRunningSaysSoAndHowToFormIt() throws Exception {
        build("apache", "");

        Run run = run(new ClrunappTool(cluster.env()), "--application", "apache");

        assertEquals(4, run.exit(), run.toString());
        assertEquals("ERROR " + STAMP + " Cluster sl4cluster is not running; form it with clform first.\n",
                run.err());
    }

    @Test
    void aFailedDependencyStopsTheStartWithClstartappsReason() throws Exception {
        build("samba", "");
        build("mysql", "<dependencies>samba</dependencies>");
        bothUp("samba", "mysql");
        cluster.daemon(LOCAL).answer("DEPENDS_ON app=mysql", "OK samba").answer("PNODE app=samba", "OK sl4s1");
        cluster.runner().script((node, argv) -> new ScriptedRunner.Outcome(1,
                "ERROR 15/06/2005 02:18:50 Volume group sambavg is not available on this node.\n"));

        Run run = run(new ClrunappTool(cluster.env()), "--application", "mysql");

        assertEquals(1, run.exit(), run.toString());
        assertEquals(List.of("ERROR " + STAMP + " Application samba failed to start on node sl4s1: clstartapp "
                        + "exited with 1: ERROR 15/06/2005 02:18:50 Volume group sambavg is not available on this "
                        + "node.",
                "ERROR " + STAMP + " See " + cluster.paths().log("clstart.samba.log") + " on sl4s1. Application "
                        + "mysql was not started."), run.errLines());
        assertEquals(1, cluster.runner().commands().size(), cluster.runner().commands().toString());
    }

    @Test
    void aDependencyThatIsNotBuiltIsRefusedBeforeAnythingStarts() throws Exception {
        build("mysql", "<dependencies>samba</dependencies>");
        bothUp("samba", "mysql");
        cluster.daemon(LOCAL).answer("DEPENDS_ON app=mysql", "OK samba");

        Run run = run(new ClrunappTool(cluster.env()), "--application", "mysql");

        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.errLines().get(0).endsWith("Application mysql depends on samba, which cannot be validated, "
                + "so neither is started:"), run.err());
        assertTrue(run.err().contains(cluster.paths().appconf("samba").toString()), run.err());
        assertEquals(List.of(), cluster.runner().commands());
    }

    @Test
    void aDependencyAlreadyRunningIsNotStartedAgain() throws Exception {
        build("samba", "");
        build("mysql", "<dependencies>samba</dependencies>");
        bothUp("samba", "mysql");
        cluster.daemon(LOCAL).answer("DEPENDS_ON app=mysql", "OK samba").answer("PNODE app=mysql", "OK sl4s1")
                .app("samba", "STARTED,sl4s2,1,1118801900,0,Yes");
        clstartappStarts();

        Run run = run(new ClrunappTool(cluster.env()), "--application", "mysql");

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.outLines().contains("INFO " + STAMP + " Application samba is already running on node sl4s2."),
                run.out());
        assertEquals(List.of("local: " + clstartapp + " --application mysql --maxdelay 30 --verbose"),
                cluster.runner().commands());
    }

    @Test
    void noDepsStartsOnlyTheNamedApplication() throws Exception {
        build("mysql", "<dependencies>samba</dependencies>");
        bothUp("mysql");
        cluster.daemon(LOCAL).answer("PNODE app=mysql", "OK sl4s1");
        clstartappStarts();

        Run run = run(new ClrunappTool(cluster.env()), "--application", "mysql", "--nodeps");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(List.of("local: " + clstartapp + " --application mysql --maxdelay 30 --verbose"),
                cluster.runner().commands());
        assertTrue(cluster.daemon(LOCAL).actions().stream().noneMatch(r -> r.startsWith("DEPENDS_ON")));
    }

    @Test
    void anUnknownNodeIsAUsageError() throws Exception {
        build("apache", "");

        Run run = run(new ClrunappTool(cluster.env()), "--application", "apache", "--node", "nosuch");

        assertEquals(2, run.exit(), run.toString());
        assertEquals("ERROR " + STAMP + " --node nosuch is not a node of cluster sl4cluster (sl4s1, sl4s2).\n",
                run.err());
    }
}
