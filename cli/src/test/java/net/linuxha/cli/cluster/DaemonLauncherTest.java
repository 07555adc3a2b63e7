package net.linuxha.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.linuxha.cli.cluster.ScriptedRunner.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How cldaemon is run on each node. Found in the lab: clform run with LINUXHA_TOC_ACTION=halt-node started this
 * node's daemon with it but the other node's (over ssh, which does not carry the environment) without it, so the
 * two daemons of one cluster would reset differently, and in the lab the other one would reset the host's kernel.
 */
@Timeout(30)
class DaemonLauncherTest {

    @TempDir
    Path tmp;
    private TestCluster cluster;
    private ClusterSession session;
    private String bin;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new TestCluster(tmp);
        session = ClusterSession.open(cluster.env().loadSetup(Optional.empty()), cluster.env());
        bin = cluster.env().binDir().resolve("cldaemon").toString();
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void theResetActionIsPassedOnToBothNodesButNotTheLabClockOffset() {
        DaemonLauncher launcher = new DaemonLauncher(cluster.env(), session, Map.of("LINUXHA_TOC_ACTION",
                "halt-node", "LINUXHA_CLOCK_OFFSET_SECONDS", "700", "HOME", "/root"));
        cluster.runner().script((node, argv) -> Outcome.ok());

        launcher.run(TestCluster.LOCAL, List.of("--form"), Duration.ofSeconds(5));
        launcher.run(TestCluster.PEER, List.of("--form"), Duration.ofSeconds(5));

        assertEquals(List.of("local: env LINUXHA_TOC_ACTION=halt-node " + bin + " --form",
                "sl4s2: env LINUXHA_TOC_ACTION=halt-node " + bin + " --form"), cluster.runner().commands());
    }

    @Test
    void withoutAnythingToPassOnCldaemonRunsAsItIs() {
        DaemonLauncher launcher = new DaemonLauncher(cluster.env(), session, Map.of("LINUXHA_TOC_ACTION", " "));

        assertEquals(List.of(bin, "--join"), launcher.argv(List.of("--join")));
    }
}
