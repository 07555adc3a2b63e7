package net.linuxha.cli.clform;

import static net.linuxha.cli.cluster.TestCluster.LOCAL;
import static net.linuxha.cli.cluster.TestCluster.PEER;
import static net.linuxha.cli.cluster.TestCluster.STAMP;
import static net.linuxha.cli.cluster.TestCluster.info;
import static net.linuxha.cli.cluster.TestCluster.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import net.linuxha.cli.cluster.ScriptedRunner.Outcome;
import net.linuxha.cli.cluster.TestCluster;
import net.linuxha.cli.cluster.TestCluster.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * clform (10.3, 13.4, 19.3, 25.3): running cldaemon on the nodes (the test's runner starts the played daemon, as
 * the real command leaves one listening), waiting for UP, the join cases and auto-start, with the exact lines.
 */
@Timeout(60)
class ClformToolTest {

    private static final String SSH_1 = "SSH communication to sl4s2 will be:";
    private static final String SSH_2 = "198.51.100.34 (not on a network of this node in clconf.xml)";

    @TempDir
    Path tmp;
    private TestCluster cluster;
    private String bin;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new TestCluster(tmp);
        bin = tmp.resolve("opt/linuxha/bin/cldaemon").toString();
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    /** Each cldaemon --form leaves the node's daemon FORMING; once both run, both answer UP. */
    private void daemonsFormWhenBothRun() {
        cluster.runner().script((node, argv) -> {
            String name = node.equals("local") ? LOCAL : node;
            cluster.daemon(name, "FORMING").nodeState(LOCAL, "UP").nodeState(PEER, "UP");
            if (cluster.daemon(LOCAL) != null && cluster.daemon(PEER) != null) {
                cluster.daemon(LOCAL).state("UP");
                cluster.daemon(PEER).state("UP");
            }
            return Outcome.ok();
        });
    }

    @Test
    void formsTheClusterOnBothNodesWithTheReferenceLines() {
        daemonsFormWhenBothRun();

        Run run = run(new ClformTool(cluster.env()), "--noapps");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(info("Validated checksum for cluster configuration", SSH_1, SSH_2,
                "Checking that the cluster is not already running...",
                "*** ATTEMPTING TO FORM CLUSTER sl4cluster ***",
                "Starting cldaemon on sl4s1...",
                "Starting cldaemon on sl4s2...",
                "Waiting for cluster to form...",
                "Cluster sl4cluster started successfully."), run.outLines());
        assertEquals(List.of("local: " + bin + " --form --detach --verbose",
                "sl4s2: " + bin + " --form --detach --verbose"), cluster.runner().commands());
    }

    @Test
    void forceAndTimeoutArePassedToCldaemon() {
        daemonsFormWhenBothRun();

        Run run = run(new ClformTool(cluster.env()), "--noapps", "--force", "--timeout", "20");

        assertEquals(0, run.exit(), run.toString());
        assertEquals("local: " + bin + " --form --detach --verbose --force --timeout 20",
                cluster.runner().commands().get(0));
    }

    /**
     * Found in the lab: cldaemon takes neither --nolocking nor --config, so passing them on failed the first daemon
     * start with "Unknown option". clform refuses them before it starts anything, saying what works instead.
     */
    @Test
    void nolockingAndConfigAreRefusedBeforeAnythingStarts() {
        Run nolocking = run(new ClformTool(cluster.env()), "--nolocking");
        Run config = run(new ClformTool(cluster.env()), "--config", "/root/alt.xml");

        assertEquals(2, nolocking.exit(), nolocking.toString());
        assertTrue(nolocking.err().contains("--nolocking is not supported yet") && nolocking.err().contains(
                "remove <clport>"), nolocking.err());
        assertEquals(2, config.exit(), config.toString());
        assertTrue(config.err().contains("--config /root/alt.xml is not supported yet")
                && config.err().contains("LINUXHA_ROOT=DIR"), config.err());
        assertEquals(List.of(), cluster.runner().commands(), "no cldaemon was run");
        assertEquals("", nolocking.out() + config.out());
    }

    @Test
    void aRunningClusterIsLeftAlone() throws Exception {
        cluster.daemon(PEER, "UP");

        Run run = run(new ClformTool(cluster.env()));

        assertEquals(5, run.exit(), run.toString());
        assertEquals(info("Validated checksum for cluster configuration", SSH_1, SSH_2,
                "Checking that the cluster is not already running..."), run.outLines());
        assertEquals("ERROR " + STAMP + " Cluster sl4cluster is already running.\n", run.err());
        assertEquals(List.of(), cluster.runner().commands());
    }

    @Test
    void whenTheOtherNodeCannotStartItsDaemonTheLocalOneIsAskedToAbort() throws Exception {
        cluster.runner().script((node, argv) -> {
            if (node.equals("local")) {
                cluster.daemon(LOCAL, "FORMING");
                return Outcome.ok();
            }
            return new Outcome(255, "ssh: connect to host sl4s2 port 22: No route to host");
        });

        Run run = run(new ClformTool(cluster.env()), "--noapps");

        assertEquals(1, run.exit(), run.toString());
        assertEquals(List.of("ERROR " + STAMP + " Unable to start cldaemon on sl4s2: failed in ssh (exit 255): ssh: "
                        + "connect to host sl4s2 port 22: No route to host",
                "ERROR " + STAMP + " The cluster daemon started on sl4s1 has been asked to abort."),
                run.errLines());
        assertEquals(List.of("ABORT"), cluster.daemon(LOCAL).actions());
    }

    @Test
    void daemonsThatGiveUpEndTheWaitWithTheirLogLines() throws Exception {
        java.nio.file.Files.createDirectories(cluster.paths().logDir());
        Path log = cluster.paths().log("cldaemon-sl4cluster.log");
        java.nio.file.Files.writeString(log, "INFO 01/01/2005 00:00:00 an older run\n");
        cluster.runner().script((node, argv) -> {
            if (node.equals("sl4s2")) {
                java.nio.file.Files.writeString(log, "ERROR 08/07/2005 05:17:25 Time difference between nodes is "
                        + ">10 minutes - require --force to start!\n", java.nio.file.StandardOpenOption.APPEND);
            }
            return Outcome.ok();
        });

        Run run = run(new ClformTool(cluster.env()), "--noapps");

        assertEquals(1, run.exit(), run.toString());
        assertEquals(List.of("ERROR " + STAMP + " Cluster has failed to start. Log entries given below:",
                "ERROR " + STAMP,
                "ERROR " + STAMP + " ERROR 08/07/2005 05:17:25 Time difference between nodes is >10 minutes - "
                        + "require --force to start!"), run.errLines());
    }

    @Test
    void autostartStartsDependenciesFirstOnThePreferredNodeAndReportsTheAnswers() throws Exception {
        daemonsFormWhenBothRun();
        cluster.runner().script(wrapAfterForm(() -> {
            cluster.daemon(LOCAL).answer("AUTOSTARTLIST", "OK samba,apache")
                    .answer("DEPENDS_ON app=samba", "OK apache")
                    .answer("DEPENDS_ON app=apache", "OK")
                    .answer("PNODE app=apache", "OK sl4s2")
                    .answer("PNODE app=samba", "OK sl4s1")
                    .app("apache", "DOWN,,0,0,0,Yes").app("samba", "DOWN,,0,0,0,Yes");
            cluster.daemon(PEER).app("apache", "DOWN,,0,0,0,Yes")
                    .answer("START_APP app=apache", "OK");
            cluster.daemon(LOCAL).answer("START_APP app=samba", "ALREADY_STARTING");
        }));

        Run run = run(new ClformTool(cluster.env()));

        assertEquals(1, run.exit(), run.toString());
        List<String> out = run.outLines();
        assertEquals(info("Cluster sl4cluster started successfully.",
                "Applications to start automatically (in order): apache, samba",
                "Starting application apache on sl4s2...",
                "Cluster daemon on sl4s2 accepted the start of application apache (answer OK).",
                "Starting application samba on sl4s1...",
                "ERROR Application samba was not started: the cluster daemon on sl4s1 answered START_APP with "
                        + "\"ALREADY_STARTING\"."), out.subList(out.size() - 6, out.size()));
        assertEquals("ERROR " + STAMP + " The cluster is up, but these applications were not started: samba; see "
                + "the lines above, then start them with clstartapp.\n", run.err());
        assertEquals(List.of("START_APP app=apache"), cluster.daemon(PEER).actions());
    }

    private net.linuxha.cli.cluster.ScriptedRunner.Script wrapAfterForm(ThrowingRunnable afterBoth) {
        return (node, argv) -> {
            String name = node.equals("local") ? LOCAL : node;
            cluster.daemon(name, "FORMING").nodeState(LOCAL, "UP").nodeState(PEER, "UP");
            if (cluster.daemon(LOCAL) != null && cluster.daemon(PEER) != null) {
                afterBoth.run();
                cluster.daemon(LOCAL).state("UP");
                cluster.daemon(PEER).state("UP");
            }
            return Outcome.ok();
        };
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void joinRunsCldaemonJoinOnTheNodeThatIsNotRunning() throws Exception {
        cluster.daemon(PEER, "UP");
        cluster.runner().script((node, argv) -> {
            cluster.daemon(LOCAL, "UP");
            return Outcome.ok();
        });

        Run run = run(new ClformTool(cluster.env()), "--join");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(info("Validated checksum for cluster configuration", SSH_1, SSH_2,
                "Checking cluster status...",
                "sl4s2 is running - sl4s1 will attempt to join cluster.",
                "Join of cldaemon on sl4s1...",
                "Waiting for sl4s1 to join the cluster...",
                "Node sl4s1 successfully joined cluster."), run.outLines());
        assertEquals(List.of("local: " + bin + " --join --detach --verbose"), cluster.runner().commands());
    }

    @Test
    void joinFromTheRunningNodeJoinsTheOtherOverSsh() throws Exception {
        cluster.daemon(LOCAL, "UP");
        cluster.runner().script((node, argv) -> {
            cluster.daemon(PEER, "UP");
            return Outcome.ok();
        });

        Run run = run(new ClformTool(cluster.env()), "--join", "--force");

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.outLines().contains(info("Forced Join of cldaemon on sl4s2...").get(0)), run.toString());
        assertEquals(List.of("sl4s2: " + bin + " --join --detach --verbose --force"), cluster.runner().commands());
    }

    @Test
    void joinWithBothNodesUpDoesNothing() throws Exception {
        cluster.daemon(LOCAL, "UP");
        cluster.daemon(PEER, "UP");

        Run run = run(new ClformTool(cluster.env()), "--join");

        assertEquals(5, run.exit(), run.toString());
        assertEquals(info("Checking cluster status...", "Both nodes are currently up - no action taken."),
                run.outLines().subList(3, 5));
    }

    @Test
    void joinWithNeitherNodeRunningIsRefused() {
        Run run = run(new ClformTool(cluster.env()), "--join");

        assertEquals(4, run.exit(), run.toString());
        assertEquals("ERROR " + STAMP + " Neither node is running the cluster - no action taken. Form the cluster "
                + "with clform instead of joining it.\n", run.err());
    }

    @Test
    void anUnvalidatedConfigurationIsRefusedUnlessNochecksums() throws Exception {
        cluster.writeConfig(TestCluster.clconf().replace("<dead>12</dead>", "<dead>13</dead>"));

        Run refused = run(new ClformTool(cluster.env()), "--noapps");
        assertEquals(3, refused.exit(), refused.toString());

        daemonsFormWhenBothRun();
        Run forced = run(new ClformTool(cluster.env()), "--noapps", "--nochecksums");
        assertEquals(0, forced.exit(), forced.toString());
        assertEquals(info("WARN The cluster configuration has not been validated by clbuild; going on because of "
                + "--nochecksums.").get(0), forced.outLines().get(0));
    }
}
