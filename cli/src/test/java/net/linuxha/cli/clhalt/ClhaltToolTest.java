package net.linuxha.cli.clhalt;

import static net.linuxha.cli.cluster.TestCluster.LOCAL;
import static net.linuxha.cli.cluster.TestCluster.PEER;
import static net.linuxha.cli.cluster.TestCluster.STAMP;
import static net.linuxha.cli.cluster.TestCluster.info;
import static net.linuxha.cli.cluster.TestCluster.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import net.linuxha.cli.cluster.TestCluster;
import net.linuxha.cli.cluster.TestCluster.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** clhalt (13.2, 13.3) against played daemons: the requests it sends, the daemons it stops and its exact lines. */
@Timeout(60)
class ClhaltToolTest {

    private static final String APACHE_ON_S1 = "STARTED,sl4s1,1,1118801900,0,Yes";

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
    void withNoApplicationsRunningBothDaemonsAreAborted() throws Exception {
        cluster.daemon(LOCAL, "UP").app("apache", "DOWN,,0,0,0,Yes");
        cluster.daemon(PEER, "UP");

        Run run = run(new ClhaltTool(cluster.env()));

        assertEquals(0, run.exit(), run.toString());
        assertEquals(info("Validated checksum for cluster configuration.",
                "Attempting to halt cluster sl4cluster...",
                "Attempting to contact a cluster daemon...",
                "Connecting to cluster daemon via host sl4s1",
                "Asking cluster daemons to abort...",
                "Cluster daemons aborted - cluster sl4cluster is DOWN."), run.outLines());
        assertEquals(List.of("APP_LIST", "APP_STATUS app=apache failoverinfo=yes", "ABORT"),
                cluster.daemon(LOCAL).actions());
        assertEquals(List.of("ABORT"), cluster.daemon(PEER).actions());
    }

    @Test
    void runningApplicationsStopTheHaltWithTheReferenceLine() throws Exception {
        cluster.daemon(LOCAL, "UP").app("apache", APACHE_ON_S1);
        cluster.daemon(PEER, "UP");

        Run run = run(new ClhaltTool(cluster.env()));

        assertEquals(1, run.exit(), run.toString());
        assertEquals("ERROR " + STAMP + " Unable to stop cluster - 1 application is still running\n", run.err());
        assertEquals(List.of(), cluster.daemon(PEER).actions());
    }

    @Test
    void forceStopsTheApplicationsOnTheirNodeThenAbortsTheDaemons() throws Exception {
        cluster.daemon(LOCAL, "UP").app("apache", APACHE_ON_S1);
        cluster.daemon(PEER, "UP");

        Run run = run(new ClhaltTool(cluster.env()), "--force");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(info("Validated checksum for cluster configuration.",
                "Attempting to halt cluster sl4cluster...",
                "Attempting to contact a cluster daemon...",
                "Connecting to cluster daemon via host sl4s1",
                "Attempting to stop application \"apache\" on sl4s1...",
                "Application \"apache\" has been halted successfully.",
                "Asking cluster daemons to abort...",
                "Cluster daemons aborted - cluster sl4cluster is DOWN."), run.outLines());
        assertEquals(List.of("APP_LIST", "APP_STATUS app=apache failoverinfo=yes", "STOP_APP app=apache",
                "APP_STATUS app=apache failoverinfo=yes", "ABORT"), cluster.daemon(LOCAL).actions());
    }

    @Test
    void aStopTheDaemonRefusesIsReportedWithItsAnswer() throws Exception {
        cluster.daemon(LOCAL, "UP").app("apache", APACHE_ON_S1).answer("STOP_APP", "NOT_REGISTERED");
        cluster.daemon(PEER, "UP");

        Run run = run(new ClhaltTool(cluster.env()), "--force");

        assertEquals(1, run.exit(), run.toString());
        assertEquals("ERROR " + STAMP + " Unable to stop application \"apache\" on sl4s1: the cluster daemon "
                + "answered STOP_APP with \"NOT_REGISTERED\"; see clhalt.apache.log and the cluster daemon log "
                + "there, or stop it with clhaltapp.\n", run.err());
        assertEquals(List.of(), cluster.daemon(PEER).actions(), "no daemon is aborted after a failed stop");
    }

    @Test
    void aClusterNotRunningSaysSo() {
        Run run = run(new ClhaltTool(cluster.env()));

        assertEquals(4, run.exit(), run.toString());
        assertEquals("ERROR " + STAMP + " Cluster sl4cluster is not running.\n", run.err());
    }

    @Test
    void haltingANodeWithoutApplicationsAbortsOnlyItsDaemon() throws Exception {
        cluster.daemon(LOCAL, "UP").app("apache", APACHE_ON_S1);
        cluster.daemon(PEER, "UP").app("apache", APACHE_ON_S1);

        Run run = run(new ClhaltTool(cluster.env()), "--node", "sl4s2");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(info("Validated checksum for cluster configuration.",
                "Attempting to halt cluster sl4cluster...",
                "Aborting cluster daemon on sl4s2...",
                "Cluster Daemon halted on sl4s2."), run.outLines());
        assertEquals(List.of(), cluster.daemon(LOCAL).actions());
    }

    @Test
    void haltingANodeThatRunsApplicationsIsRefusedByDefault() throws Exception {
        cluster.daemon(LOCAL, "UP").app("apache", APACHE_ON_S1);
        cluster.daemon(PEER, "UP");

        Run run = run(new ClhaltTool(cluster.env()), "--node", "sl4s1");

        assertEquals(1, run.exit(), run.toString());
        assertEquals(List.of("ERROR " + STAMP + " Unable to remove node sl4s1 from cluster - it has",
                "ERROR " + STAMP + " 1 applications still running."), run.errLines());
    }

    @Test
    void failoverMovesEachApplicationToTheOtherNodeThenHaltsTheNode() throws Exception {
        cluster.daemon(LOCAL, "UP").app("apache", APACHE_ON_S1);
        cluster.daemon(PEER, "UP").app("apache", APACHE_ON_S1);

        Run run = run(new ClhaltTool(cluster.env()), "--node", "sl4s1", "--action=failover");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(info("Validated checksum for cluster configuration.",
                "Attempting to halt cluster sl4cluster...",
                "Halting application apache on sl4s1...",
                "Application apache halted in 0 seconds.",
                "SSH communication to sl4s2 will be:",
                "198.51.100.34 (not on a network of this node in clconf.xml)",
                "Application apache starting on node sl4s2...",
                "Application apache started in 0 seconds.",
                "Aborting cluster daemon on sl4s1...",
                "Cluster Daemon halted on sl4s1."), run.outLines());
        assertEquals("STOP_APP app=apache", cluster.daemon(LOCAL).actions().get(2));
        assertEquals("START_APP app=apache", cluster.daemon(PEER).actions().get(0));
    }

    @Test
    void actionWithoutNodeIsAUsageError() {
        Run run = run(new ClhaltTool(cluster.env()), "--action", "halt");

        assertEquals(2, run.exit(), run.toString());
    }
}
