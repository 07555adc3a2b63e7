package net.linuxha.cli.clstat;

import static net.linuxha.cli.cluster.TestCluster.LOCAL;
import static net.linuxha.cli.cluster.TestCluster.PEER;
import static net.linuxha.cli.cluster.TestCluster.STAMP;
import static net.linuxha.cli.cluster.TestCluster.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.linuxha.cli.cluster.TestCluster;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.cli.cluster.TestCluster.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** clstat against daemons the test plays: its requests and its exact output for each state of the cluster. */
@Timeout(30)
class ClstatToolTest {

    /** 16 seconds before the test clock: the Reference's "0:00:16". */
    private static final long STARTED_16S_AGO = TestCluster.NOW.getEpochSecond() - 16;

    @TempDir
    Path tmp;
    private TestCluster cluster;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new TestCluster(tmp);
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void withNoDaemonOnEitherNodeItSaysTheClusterIsNotRunning() {
        Run run = run(new ClstatTool(cluster.env()));

        assertEquals(4, run.exit(), run.toString());
        assertEquals("", run.out());
        assertEquals("ERROR " + STAMP + " Cluster sl4cluster is not running.\n", run.err());
    }

    @Test
    void aConfigurationChangedSinceClbuildGivesTheReferenceMessage() throws Exception {
        cluster.writeConfig(TestCluster.clconf().replace("<dead>12</dead>", "<dead>13</dead>"));

        Run run = run(new ClstatTool(cluster.env()));

        assertEquals(3, run.exit(), run.toString());
        String e = "ERROR " + STAMP + " ";
        assertEquals(List.of(e + "The cluster configuration file",
                e + cluster.paths().clconf() + " appears to have been changed",
                e + "but the changes have not yet been validated.",
                e + "Please run the clbuild(1M) command first before",
                e + "running this command again.",
                e + "Please note that if the cluster is already running",
                e + "you will need to use the --force argument. This will",
                e + "not affect running applications."), run.errLines());
    }

    @Test
    void aClusterNeverBuiltSaysSo() throws Exception {
        Files.delete(cluster.paths().clusterBuildChecksum());

        Run run = run(new ClstatTool(cluster.env()));

        assertEquals(3, run.exit(), run.toString());
        assertEquals("ERROR " + STAMP + " The cluster configuration file", run.errLines().get(0));
    }

    @Test
    void bothNodesUpShowTheSummaryOfSection11_3() throws Exception {
        cluster.daemon(PEER, "UP");
        cluster.daemon(LOCAL, "UP").nodeState(PEER, "UP")
                .app("apache", "STARTED,sl4s1,1," + STARTED_16S_AGO + ",0,Yes")
                .app("samba", "DOWN,,0,0,0,Yes");

        Run run = run(new ClstatTool(cluster.env()));

        assertEquals(0, run.exit(), run.toString());
        assertEquals(List.of(
                "Cluster: sl4cluster - UP",
                "",
                "Node   Status",
                "sl4s1  UP",
                "sl4s2  UP",
                "",
                "Application  Node   State    Started  Monitor  Stale  Fail-over?",
                "apache       sl4s1  STARTED  0:00:16  Running  0      Yes",
                "samba        N/A    DOWN     N/A      N/A      N/A    Yes"), run.outLines());
        assertEquals(List.of("ECHO check=yes", "GET_NODE_STATE node=sl4s2", "APP_LIST",
                "APP_STATUS app=apache failoverinfo=yes", "APP_STATUS app=samba failoverinfo=yes"),
                cluster.daemon(LOCAL).requests());
        assertEquals(List.of("ECHO check=yes"), cluster.daemon(PEER).requests());
    }

    @Test
    void whenThisNodesDaemonIsGoneTheOtherNodeAnswersAndShowsItDied() throws Exception {
        cluster.daemon(PEER, "UP").nodeState(LOCAL, "DIED")
                .app("apache", "STARTED,sl4s1,1," + (TestCluster.NOW.getEpochSecond() - 3712) + ",0,No")
                .app("samba", "STOPPING,sl4s2,0," + (TestCluster.NOW.getEpochSecond() + 50) + ",1,No");

        Run run = run(new ClstatTool(cluster.env()));

        assertEquals(0, run.exit(), run.toString());
        assertEquals(List.of(
                "Cluster: sl4cluster - UP",
                "",
                "Node   Status",
                "sl4s1  DIED",
                "sl4s2  UP",
                "",
                "Application  Node   State     Started   Monitor  Stale  Fail-over?",
                "apache       sl4s1  STARTED   1:01:52   Running  0      No",
                "samba        sl4s2  STOPPING  0:00:-50  N/A      1      No"), run.outLines());
    }

    /** Found in the lab: run on the second node, clstat listed that node first; both nodes show one table. */
    @Test
    void onTheSecondNodeTheNodesAreListedInClconfOrder() throws Exception {
        cluster.daemon(LOCAL, "UP").nodeState(PEER, "UP");
        cluster.daemon(PEER, "UP").nodeState(LOCAL, "UP");
        ToolEnvironment base = cluster.env();
        ToolEnvironment onSecondNode = new ToolEnvironment(base.paths(), base.clock(), base.runner(), () -> PEER,
                base.resolver(), base.locator(), base.binDir(), base.root(), base.pollInterval());

        Run run = run(new ClstatTool(onSecondNode));

        assertEquals(0, run.exit(), run.toString());
        assertEquals(List.of("Cluster: sl4cluster - UP", "", "Node   Status", "sl4s1  UP", "sl4s2  UP"),
                run.outLines().subList(0, 5), run.toString());
        assertEquals(List.of("ECHO check=yes", "GET_NODE_STATE node=sl4s1", "APP_LIST"),
                cluster.daemon(PEER).requests(), "the second node's own daemon answers it");
    }

    @Test
    void aNodeHeldUpWithoutItsDaemonSaysNoDaemon() throws Exception {
        cluster.daemon(LOCAL, "UP").nodeState(PEER, "UP");

        Run run = run(new ClstatTool(cluster.env()));

        assertEquals("sl4s2  UP (No daemon)", run.outLines().get(4), run.toString());
    }

    @Test
    void applicationDetailShowsTheSummaryRowAndTheFileSystemsFromLvinfo() throws Exception {
        cluster.daemon(PEER, "UP");
        cluster.daemon(LOCAL, "UP").nodeState(PEER, "UP")
                .app("apache", "STARTED,sl4s1,1," + STARTED_16S_AGO + ",0,Yes")
                .answer("APP_STATUS app=apache lvinfo=yes", "OK\napachevg.lv01,0,0,active,both,drbd,Sync\n"
                        + "apachevg.lv02,0,1,active,local,drbd,syncing,512/2048,1000.5,1.5");

        Run run = run(new ClstatTool(cluster.env()), "-A", "apache");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(List.of(
                "Cluster: sl4cluster - UP",
                "",
                "Application  Node   State    Running  Monitor  Stale  Fail-over?",
                "apache       sl4s1  STARTED  0:00:16  Running  0      Yes",
                "",
                "File Systems",
                "",
                "Volume         Valid  Type  State    % Complete  Completion",
                "apachevg/lv01  both   drbd  Sync",
                "apachevg/lv02  local  drbd  syncing  25.0        00:01:30",
                "",
                "Process Monitors and General Monitors are reported by the application's Lems daemon:",
                "  lemsctl --application apache --msg GET_STAT"), run.outLines());
    }

    @Test
    void anUnknownApplicationIsNamed() throws Exception {
        cluster.daemon(LOCAL, "UP");

        Run run = run(new ClstatTool(cluster.env()), "--application", "nosuch");

        assertEquals(1, run.exit(), run.toString());
        assertEquals("ERROR " + STAMP + " Application nosuch is not registered with cluster sl4cluster; clstat "
                + "without --application lists the registered applications.\n", run.err());
    }
}
