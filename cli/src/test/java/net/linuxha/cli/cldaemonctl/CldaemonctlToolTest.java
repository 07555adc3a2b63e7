package net.linuxha.cli.cldaemonctl;

import static net.linuxha.cli.cluster.TestCluster.LOCAL;
import static net.linuxha.cli.cluster.TestCluster.PEER;
import static net.linuxha.cli.cluster.TestCluster.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import net.linuxha.cli.cluster.TestCluster;
import net.linuxha.cli.cluster.TestCluster.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** cldaemonctl (17.4): the request reaches the local daemon, else the remote one; ECHO prints UP or ERROR... */
@Timeout(30)
class CldaemonctlToolTest {

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
    void echoToTheLocalDaemonPrintsUp() throws Exception {
        cluster.daemon(LOCAL, "UP");
        cluster.daemon(PEER, "UP");

        Run run = run(new CldaemonctlTool(cluster.env()), "--msg", "ECHO");

        assertEquals(0, run.exit(), run.toString());
        assertEquals("UP\n", run.out());
        assertEquals(List.of("ECHO"), cluster.daemon(LOCAL).requests());
        assertEquals(List.of(), cluster.daemon(PEER).requests());
    }

    @Test
    void withTheLocalDaemonDownTheRemoteOneAnswers() throws Exception {
        cluster.daemon(PEER, "UP");

        Run run = run(new CldaemonctlTool(cluster.env()), "--msg", "SETVALIDNODES app=apache forward=yes");

        assertEquals(0, run.exit(), run.toString());
        assertEquals("ERROR not played by this test: SETVALIDNODES app=apache forward=yes\n", run.out());
        assertEquals(List.of("SETVALIDNODES app=apache forward=yes"), cluster.daemon(PEER).requests());
    }

    @Test
    void aRequestTheDaemonDoesNotKnowIsAnsweredByTheDaemonNotTheTool() throws Exception {
        cluster.daemon(LOCAL, "UP");

        Run run = run(new CldaemonctlTool(cluster.env()), "--msg", "NO_SUCH_REQUEST x=1");

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("ERROR"), run.out());
        assertEquals(List.of(), cluster.daemon(LOCAL).requests(), "the vocabulary refused it before the daemon");
    }

    @Test
    void withNoDaemonEchoPrintsOneLineStartingWithError() {
        Run run = run(new CldaemonctlTool(cluster.env()), "--msg", "ECHO");

        assertEquals(4, run.exit(), run.toString());
        assertEquals(1, run.outLines().size(), run.toString());
        assertTrue(run.out().startsWith("ERROR Unable to contact local cluster daemon. ("), run.out());
        assertTrue(run.out().contains("Unable to contact cluster daemon on sl4s2."), run.out());
    }

    @Test
    void nodeAsksOnlyThatNode() throws Exception {
        cluster.daemon(LOCAL, "UP");
        cluster.daemon(PEER, "FORMING");

        Run run = run(new CldaemonctlTool(cluster.env()), "--node", "sl4s2", "--msg", "ECHO");

        assertEquals("FORMING\n", run.out(), run.toString());
        assertEquals(List.of(), cluster.daemon(LOCAL).requests());
    }

    @Test
    void anUnknownNodeIsAUsageError() {
        Run run = run(new CldaemonctlTool(cluster.env()), "--node", "sl4s9", "--msg", "ECHO");

        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("--node sl4s9 is not a node of cluster sl4cluster (sl4s1, sl4s2)"), run.err());
    }

    @Test
    void withoutMsgItIsAUsageError() {
        Run run = run(new CldaemonctlTool(cluster.env()));

        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("--msg"), run.err());
    }
}
