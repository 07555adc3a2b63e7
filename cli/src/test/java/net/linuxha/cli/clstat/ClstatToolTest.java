package net.linuxha.cli.clstat;

import static net.linuxha.cli.cluster.TestCluster.LOCAL;
import static net.linuxha.cli.cluster.TestCluster.PEER;
import static net.linuxha.cli.cluster.TestCluster.STAMP;
import static net.linuxha.cli.cluster.TestCluster.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
                "Process Monitors and General Monitors: none, application apache has no Lems configuration ("
                        + cluster.paths().lemsConfig("apache") + "), so it is not monitored."), run.outLines());
    }

    /** GET_VSTAT of the Reference's apache Lems (11.3): procmon restarted httpd once, move_ip runs on demand. */
    private static final String VSTAT = String.join("\n",
            "flag_check,1118801940,10,flag_check apache",
            "<monitor-detail-start>",
            "<monitor-detail-end>",
            "httpd,1118801940,10,procmon /etc/cluster/apache/httpd.xml",
            "<monitor-detail-start>",
            "3,1," + (TestCluster.NOW.getEpochSecond() + 3600),
            "Web Server,1,1,10",
            "<monitor-detail-end>",
            "fsmon,1118801940,10,fsmon apache",
            "<monitor-detail-start>",
            "app01vg/docs,apache_app01vg_docs,sync,reported",
            "<monitor-detail-end>",
            "move_ip,0,0,ip_move_interface apache",
            "<monitor-detail-start>",
            "<monitor-detail-end>",
            "slow,1118801941,2,sleeper 30",
            "<monitor-detail-start>",
            "<monitor-detail-end>");

    private FakeLems lemsOn(String node, String lemsXml) throws Exception {
        Files.createDirectories(cluster.paths().applicationDir("apache"));
        Files.writeString(cluster.paths().lemsConfig("apache"), lemsXml);
        FakeLems lems = FakeLems.start(cluster.wire());
        cluster.listen(node, 8800, lems.address());
        return lems;
    }

    private static final String LEMS_XML = "<lems_config><globals port=\"8800\"/>"
            + check("flag_check", "internal", "flag_check apache") + check("httpd", "internal",
            "procmon /etc/cluster/apache/httpd.xml") + check("slow", "program", "sleeper 30") + "</lems_config>";

    private static String check(String name, String type, String module) {
        return "<check><name>" + name + "</name><type>" + type + "</type><module>" + module + "</module>"
                + "<interval>10</interval><action_list><action rc=\"0\" action=\"NOP\"/></action_list></check>";
    }

    @Test
    void applicationDetailShowsTheProcessAndGeneralMonitorsOfTheLemsOnTheNodeRunningIt() throws Exception {
        cluster.daemon(PEER, "UP");
        cluster.daemon(LOCAL, "UP").nodeState(PEER, "UP")
                .app("apache", "STARTED,sl4s2,1," + STARTED_16S_AGO + ",0,Yes")
                .answer("APP_STATUS app=apache lvinfo=yes", "OK\napachevg.lv01,0,0,active,both,drbd,Sync");
        try (FakeLems onPeer = lemsOn(PEER, LEMS_XML).vstat(VSTAT); FakeLems here = FakeLems.start(cluster.wire())) {
            cluster.listen(LOCAL, 8800, here.address());

            Run run = run(new ClstatTool(cluster.env()), "--application", "apache");

            assertEquals(0, run.exit(), run.toString());
            assertEquals(List.of(
                    "Cluster: sl4cluster - UP",
                    "",
                    "Application  Node   State    Running  Monitor  Stale  Fail-over?",
                    "apache       sl4s2  STARTED  0:00:16  Running  0      Yes",
                    "",
                    "File Systems",
                    "",
                    "Volume         Valid  Type  State  % Complete  Completion",
                    "apachevg/lv01  both   drbd  Sync",
                    "",
                    "Process Monitors",
                    "",
                    "Name   Status   Restarts  Current  Reset at",
                    "httpd  Running  3         1        15/06/2005 03:18:50",
                    "",
                    "General Monitors",
                    "",
                    "Type           Name        Status",
                    "Flag Check     flag_check  Running",
                    "FS Monitor     fsmon       Running",
                    "IP Assignment  move_ip     Stopped",
                    "Program        slow        Running"), run.outLines());
            assertEquals(List.of("GET_VSTAT"), onPeer.requests(), "the Lems of the node running apache is asked");
            assertEquals(List.of(), here.requests(), "this node's Lems is not asked");
        }
    }

    @Test
    void aStoppedProcessMonitorWithNothingToResetReadsAsSection11_6() throws Exception {
        cluster.daemon(LOCAL, "UP")
                .app("apache", "STARTED,sl4s1,1," + STARTED_16S_AGO + ",0,Yes")
                .answer("APP_STATUS app=apache lvinfo=yes", "OK");
        try (FakeLems lems = lemsOn(LOCAL, LEMS_XML).vstat("httpd,0,10,procmon /etc/cluster/apache/httpd.xml\n"
                + "<monitor-detail-start>\n3,0,0\nWeb Server,1,1,10\n<monitor-detail-end>")) {

            Run run = run(new ClstatTool(cluster.env()), "-A", "apache");

            assertEquals(0, run.exit(), run.toString());
            List<String> lines = run.outLines();
            int at = lines.indexOf("Process Monitors");
            assertEquals(List.of("Process Monitors", "", "Name   Status   Restarts  Current  Reset at",
                    "httpd  Stopped  3         0        N/A", "", "General Monitors", "", "(none)"),
                    lines.subList(at, lines.size()), run.toString());
        }
    }

    @Test
    void aLemsThatDoesNotAnswerIsNamedWithItsNodePortAndLog() throws Exception {
        cluster.daemon(LOCAL, "UP")
                .app("apache", "STARTED,sl4s1,0," + STARTED_16S_AGO + ",0,Yes")
                .answer("APP_STATUS app=apache lvinfo=yes", "OK");
        Files.createDirectories(cluster.paths().applicationDir("apache"));
        Files.writeString(cluster.paths().lemsConfig("apache"), LEMS_XML);
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            cluster.listen(LOCAL, 8800, new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    closed.getLocalPort()));
        }

        Run run = run(new ClstatTool(cluster.env()), "-A", "apache");

        assertEquals(0, run.exit(), "the rest of the status is still shown: " + run);
        String last = run.outLines().get(run.outLines().size() - 1);
        assertTrue(last.startsWith("Process Monitors and General Monitors: the Lems daemon of apache on sl4s1 "
                + "(port 8800) does not answer: "), last);
        assertTrue(last.endsWith("lems-apache.log on sl4s1."), last);
    }

    @Test
    void aDownApplicationAsksNoLems() throws Exception {
        cluster.daemon(LOCAL, "UP").app("apache", "DOWN,,0,0,0,Yes").answer("APP_STATUS app=apache lvinfo=yes",
                "OK");
        try (FakeLems lems = lemsOn(LOCAL, LEMS_XML).vstat(VSTAT)) {

            Run run = run(new ClstatTool(cluster.env()), "-A", "apache");

            assertEquals(0, run.exit(), run.toString());
            assertEquals("Process Monitors and General Monitors: N/A, application apache is not running.",
                    run.outLines().get(run.outLines().size() - 1));
            assertEquals(List.of(), lems.requests());
        }
    }

    @Test
    void aStartingApplicationAsksNoLemsYet() throws Exception {
        cluster.daemon(LOCAL, "UP").app("apache", "STARTING,sl4s1,0,0,0,Yes")
                .answer("APP_STATUS app=apache lvinfo=yes", "OK");
        try (FakeLems lems = lemsOn(LOCAL, LEMS_XML).vstat(VSTAT)) {

            Run run = run(new ClstatTool(cluster.env()), "-A", "apache");

            assertEquals("Process Monitors and General Monitors: N/A, application apache is STARTING on sl4s1.",
                    run.outLines().get(run.outLines().size() - 1), run.toString());
            assertEquals(List.of(), lems.requests(), "clstartapp starts the Lems at the end of the start");
        }
    }

    @Test
    void theFileSystemsOfCldaemonsDrbdLvinfoAreShown() throws Exception {
        // the answer of cldaemon (docs/cldaemon.md): vg.lv,minor,state,valid,action[,valid/total,rate,estimate]
        cluster.daemon(LOCAL, "UP").app("apache", "STARTED,sl4s1,1," + STARTED_16S_AGO + ",0,Yes")
                .answer("APP_STATUS app=apache lvinfo=yes", "OK\napp01vg.admin,0,active,both,sync\n"
                        + "app01vg.docs,1,active,local,syncing,5120/20480,512.0,0.5\napp01vg.logs,2,active,both,sync");

        Run run = run(new ClstatTool(cluster.env()), "-A", "apache");

        List<String> lines = run.outLines();
        int at = lines.indexOf("File Systems");
        assertEquals(List.of("File Systems", "",
                "Volume         Valid  Type  State    % Complete  Completion",
                "app01vg/admin  both   drbd  sync",
                "app01vg/docs   local  drbd  syncing  25.0        00:00:30",
                "app01vg/logs   both   drbd  sync"), lines.subList(at, at + 6), run.toString());
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
