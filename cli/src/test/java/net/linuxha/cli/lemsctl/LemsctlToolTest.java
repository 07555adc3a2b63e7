package net.linuxha.cli.lemsctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ToolRunner;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.LemsConfig;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireServer;
import net.linuxha.lems.action.ClusterDaemonLink;
import net.linuxha.lems.daemon.LemsDaemon;
import net.linuxha.lems.daemon.ShellProgramRunner;
import net.linuxha.lems.schedule.Schedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * lemsctl against a real Lems on 127.0.0.1 (and, where the node matters, a wire server standing in for the local
 * cldaemon that answers APP_STATUS): what it prints, its exit codes, and which node it asks.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LemsctlToolTest {

    private static final String PEER = "peernode";

    @TempDir
    Path root;

    private ClusterPaths paths;
    private int lemsPort;
    private int clusterPort;
    private LemsDaemon lems;
    private WireServer cldaemon;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeConfiguration() throws IOException {
        paths = ClusterPaths.under(root);
        lemsPort = freePort();
        clusterPort = freePort();
        Files.createDirectories(paths.applicationDir("apache"));
        Files.writeString(paths.clconf(), "<clconf><global><name>cluster1</name><version>0.3</version>"
                + "<data>replicated</data><datadetail>drbd</datadetail><dataprotocol>C</dataprotocol>"
                + "<logdir>/var/log/cluster</logdir><key>lemsctlkey</key><port>" + clusterPort + "</port>"
                + "<clport>9849</clport><portpool>9901,9999</portpool><maxblockdevs>50</maxblockdevs>"
                + "<drbd_network>drbd</drbd_network><echotype>ICMP</echotype></global>"
                + "<timings><keepalive>3</keepalive><warn>7</warn><dead>12</dead><clusterform>300</clusterform>"
                + "</timings>" + node(ClusterSetup.hostName()) + node(PEER) + "</clconf>");
        Files.setPosixFilePermissions(paths.clconf(), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(paths.lemsConfig("apache"), "<lems_config><globals port=\"" + lemsPort + "\"/>"
                + "<check><name>flag_check</name><type>internal</type><module>flag_check apache</module>"
                + "<interval>5</interval><action_list><action rc=\"0\" action=\"NOP\"/></action_list></check>"
                + "</lems_config>");
    }

    private static String node(String name) {
        return "<node><name>" + name + "</name><network name=\"public\" cards=\"eth0\"/>"
                + "<network name=\"drbd\" cards=\"eth2\"/></node>";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        if (lems != null) {
            lems.close();
        }
        if (cldaemon != null) {
            cldaemon.close();
        }
    }

    private void startLems() throws Exception {
        ClusterSetup setup = ClusterSetup.load(paths);
        Path file = paths.lemsConfig("apache");
        ClusterDaemonLink noCluster = new ClusterDaemonLink() {
            @Override
            public void requestFailover(String application) throws IOException {
                throw new IOException("no cluster daemon in this test");
            }

            @Override
            public void requestHalt(String application) throws IOException {
                throw new IOException("no cluster daemon in this test");
            }
        };
        lems = LemsDaemon.start(new LemsDaemon.Setup("apache", file, LemsConfig.load(file).config(), paths,
                setup.wireContext(), new InetSocketAddress(InetAddress.getLoopbackAddress(), lemsPort), noCluster,
                new ShellProgramRunner(new ProcessCommandRunner()), Clock.systemUTC(), Schedule.DEFAULT_RUN_TIMEOUT,
                Optional.empty()));
    }

    /** A stand-in for the local cldaemon that answers APP_STATUS with the application running on {@code node}. */
    private void cldaemonSaysRunningOn(String node) throws Exception {
        cldaemon = WireServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), clusterPort),
                ClusterSetup.load(paths).wireContext(), ClusterRequest.VOCABULARY, (request, peer) ->
                        CompletableFuture.completedFuture(request instanceof ClusterRequest.AppStatus
                                ? Reply.of("STARTED," + node + ",Running,1118279821,0") : Reply.error("not here")));
    }

    private int lemsctl(String... args) {
        CommandLine commandLine = ToolRunner.commandLine(new LemsctlTool(paths));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void printsTheAnswersOfTheLocalLems() throws Exception {
        startLems();
        assertEquals(0, lemsctl("--application", "apache", "--msg", "GET_STAT"), err.toString());
        assertTrue(out.toString().matches("flag_check,\\d+,5,flag_check apache\\R"), out.toString());
        assertEquals(0, lemsctl("-A", "apache", "--msg", "PAUSE flag_check"), err.toString());
        assertEquals(0, lemsctl("-A", "apache", "--msg", "CMD flag_check RESET"), err.toString());
        assertTrue(out.toString().endsWith("flag_check PAUSED\nNOT_IMP\n"), out.toString());
    }

    @Test
    void aFailureAnswerIsPrintedAndExitsOne() throws Exception {
        startLems();
        assertEquals(1, lemsctl("-A", "apache", "--msg", "REMOVE nosuch"));
        assertTrue(out.toString().startsWith("FAIL no monitor named nosuch is running (monitors: flag_check)"),
                out.toString());
        assertEquals(1, lemsctl("-A", "apache", "--msg", "HELLO"));
        assertTrue(out.toString().contains("ERROR"), out.toString());
    }

    @Test
    void withNoLemsAnsweringItSaysWhereItLookedAndExitsFour() {
        assertEquals(4, lemsctl("-A", "apache", "--msg", "GET_STAT"));
        String text = err.toString();
        assertTrue(text.contains("Unable to contact the Lems daemon for application apache on port " + lemsPort), text);
        assertTrue(text.contains("tried " + ClusterSetup.hostName() + " (") && text.contains("; " + PEER + " ("), text);
    }

    @Test
    void theNodeNamedByTheClusterDaemonIsTheOneAsked() throws Exception {
        startLems();
        cldaemonSaysRunningOn(ClusterSetup.hostName());
        assertEquals(0, lemsctl("-A", "apache", "--msg", "GET_STAT"), err.toString());

        cldaemon.close();
        cldaemonSaysRunningOn(PEER);
        assertEquals(4, lemsctl("-A", "apache", "--msg", "GET_STAT"), "the local Lems is not asked");
        assertTrue(err.toString().contains("tried " + PEER + " ("), err.toString());
        assertFalse(err.toString().contains("tried " + ClusterSetup.hostName()), err.toString());
    }

    @Test
    void helpNeedsNoApplication() {
        assertEquals(0, lemsctl("--help"));
        assertTrue(out.toString().contains("--msg"), out.toString());
    }

    @Test
    void aMissingLemsConfigurationIsNamed() throws Exception {
        Files.delete(paths.lemsConfig("apache"));
        assertEquals(3, lemsctl("-A", "apache", "--msg", "GET_STAT"));
        assertTrue(err.toString().contains(paths.lemsConfig("apache").toString()), err.toString());
    }

    @Test
    void answersArriveWithinTheTestTimeout() {
        // Guards the tool's own bounded waits: an unreachable node must not hang lemsctl.
        long started = System.nanoTime();
        lemsctl("-A", "apache", "--msg", "GET_STAT");
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(30)) < 0);
    }
}
