package net.linuxha.cli.clstartup;

import static net.linuxha.cli.cluster.TestCluster.LOCAL;
import static net.linuxha.cli.cluster.TestCluster.PEER;
import static net.linuxha.cli.cluster.TestCluster.info;
import static net.linuxha.cli.cluster.TestCluster.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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

/** clstartup (10.4): what clstartup.xml asks for, against played daemons. */
@Timeout(60)
class ClstartupToolTest {

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

    private void startup(String allowSingle, String join, String autostart, String timeout) throws Exception {
        Files.writeString(cluster.paths().clstartup(), """
                <?xml version="1.0" standalone="yes"?>
                <clstartup_config>
                  <allow_single_node>%s</allow_single_node>
                  <background_startup>no</background_startup>
                  <join_existing_cluster>%s</join_existing_cluster>
                  <autostart_apps>%s</autostart_apps>
                  %s
                </clstartup_config>
                """.formatted(allowSingle, join, autostart, timeout));
    }

    @Test
    void withoutClstartupXmlItFailsNamingTheFile() {
        Run run = run(new ClstartupTool(cluster.env()));

        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.err().contains(cluster.paths().clstartup().toString()), run.err());
    }

    @Test
    void atBootOnlyThisNodesDaemonIsStartedForcedWhenASingleNodeIsAllowed() throws Exception {
        startup("yes", "no", "no", "<timeout>120</timeout>");
        cluster.runner().script((node, argv) -> {
            cluster.daemon(LOCAL, "UP");
            return Outcome.ok();
        });

        Run run = run(new ClstartupTool(cluster.env()));

        assertEquals(0, run.exit(), run.toString());
        assertEquals(List.of("local: " + bin + " --form --detach --verbose --force --timeout 120"),
                cluster.runner().commands());
        assertEquals(info("Validated checksum for cluster configuration",
                "Checking that the cluster is not already running...",
                "*** ATTEMPTING TO FORM CLUSTER sl4cluster ***",
                "Starting cldaemon on sl4s1...",
                "Waiting for cluster to form...",
                "Cluster sl4cluster started successfully."), run.outLines());
    }

    @Test
    void aRunningClusterIsJoinedOnlyWhenConfigured() throws Exception {
        cluster.daemon(PEER, "UP");
        startup("no", "no", "no", "");

        Run left = run(new ClstartupTool(cluster.env()));

        assertEquals(0, left.exit(), left.toString());
        assertEquals(List.of(), cluster.runner().commands());
        assertTrue(left.out().contains("join_existing_cluster is no"), left.out());

        startup("no", "yes", "no", "");
        cluster.runner().script((node, argv) -> {
            cluster.daemon(LOCAL, "UP");
            return Outcome.ok();
        });
        Run joined = run(new ClstartupTool(cluster.env()));

        assertEquals(0, joined.exit(), joined.toString());
        assertEquals(List.of("local: " + bin + " --join --detach --verbose --timeout 5"),
                cluster.runner().commands());
    }

    /** Found in the lab: allow_single_node yes made the boot-time join a "Forced Join" with cldaemon --force. */
    @Test
    void allowingASingleNodeDoesNotForceTheJoin() throws Exception {
        cluster.daemon(PEER, "UP");
        startup("yes", "yes", "no", "<timeout>10</timeout>");
        cluster.runner().script((node, argv) -> {
            cluster.daemon(LOCAL, "UP");
            return Outcome.ok();
        });

        Run joined = run(new ClstartupTool(cluster.env()));

        assertEquals(0, joined.exit(), joined.toString());
        assertEquals(List.of("local: " + bin + " --join --detach --verbose --timeout 10"),
                cluster.runner().commands());
        assertTrue(joined.outLines().contains(info("Join of cldaemon on sl4s1...").get(0)), joined.toString());
    }

    @Test
    void theFirstNodeStartsTheAutostartApplications() throws Exception {
        startup("no", "no", "yes", "");
        cluster.runner().script((node, argv) -> {
            cluster.daemon(PEER, "UP");
            cluster.daemon(LOCAL, "UP").answer("AUTOSTARTLIST", "OK");
            return Outcome.ok();
        });

        Run run = run(new ClstartupTool(cluster.env()));

        assertEquals(0, run.exit(), run.toString());
        assertEquals(info("No applications are configured to start automatically."),
                run.outLines().subList(run.outLines().size() - 1, run.outLines().size()));
    }

    @Test
    void aNodeWhoseDaemonRunsHasNothingToDo() throws Exception {
        startup("no", "no", "yes", "");
        cluster.daemon(LOCAL, "UP");

        Run run = run(new ClstartupTool(cluster.env()));

        assertEquals(0, run.exit(), run.toString());
        assertEquals(info("The cluster daemon already runs on sl4s1 (UP) - nothing to do."),
                run.outLines().subList(1, 2));
    }
}
