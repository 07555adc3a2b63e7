package net.linuxha.lems.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.LemsConfig;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.log.LogDestination;
import net.linuxha.common.log.LogSetup;
import net.linuxha.common.wire.DaemonUnreachableException;
import net.linuxha.common.wire.WireClient;
import net.linuxha.lems.action.ExitReason;
import net.linuxha.lems.monitors.ProcmonDetail;
import net.linuxha.lems.support.LemsFixture;
import net.linuxha.lems.support.RecordingClusterLink;
import net.linuxha.lems.support.TestPrograms;
import net.linuxha.common.testing.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real Lems on 127.0.0.1 with the cluster key of a real clconf.xml; the test speaks the wire protocol as
 * lemsctl does, one request of Reference 24.5 at a time, and a procmon check watches a real process.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LemsServerConversationTest {

    @TempDir
    Path dir;

    private LemsFixture node;
    private LogControl logs;
    private LemsDaemon lems;
    private WireClient client;
    private final RecordingClusterLink cluster = new RecordingClusterLink();
    private final TestPrograms programs = new TestPrograms();

    @BeforeEach
    void startLems() throws Exception {
        node = new LemsFixture(dir);
        node.writeStandardConfig(3);
        node.startWatchedProcess();
        ClusterSetup setup = ClusterSetup.load(node.paths);
        Path file = node.paths.lemsConfig(LemsFixture.APPLICATION);
        LemsConfig config = LemsConfig.load(file).config();
        logs = LogSetup.to(new LogDestination.LogFile(LemsLocations.logFile("apache", config, node.paths)))
                .verbose(true).install();
        lems = LemsDaemon.start(new LemsDaemon.Setup("apache", file, config, node.paths, setup.wireContext(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), node.lemsPort), cluster, programs,
                Clock.systemUTC(), Duration.ofSeconds(30), Optional.of(logs)));
        client = new WireClient(lems.address(), "Lems daemon for apache", setup.wireContext());
    }

    @AfterEach
    void stop() throws Exception {
        if (lems != null) {
            lems.close();
        }
        node.close();
        programs.killAll(Duration.ofSeconds(5));
        logs.close();
        LogSetup.restoreDefault();
    }

    private String send(String request) throws Exception {
        return client.send(request).text();
    }

    private ProcmonDetail httpd() {
        try {
            return ProcmonDetail.parse(send("GET_VSTAT httpd").lines().skip(2).findFirst().orElseThrow());
        } catch (Exception e) {
            throw new IllegalStateException("GET_VSTAT httpd failed", e);
        }
    }

    @Test
    void getStatGivesEveryMonitorAndGetVstatItsDetail() throws Exception {
        List<String> lines = send("GET_STAT").lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("httpd,\\d+,0.5,procmon " + node.procmonFile()), lines.get(0));
        assertTrue(lines.get(1).matches("flag_check,\\d+,5,flag_check apache"), lines.get(1));
        assertTrue(lines.get(2).matches("echo,\\d+,10,echo_check 0"), lines.get(2));
        assertTrue(send("GET_STAT echo").matches("echo,\\d+,10,echo_check 0"));
        List<String> verbose = send("GET_VSTAT echo").lines().toList();
        assertEquals(List.of("<monitor-detail-start>", "echo 0", "said", "<monitor-detail-end>"),
                verbose.subList(1, verbose.size()).stream().map(String::strip).toList());
        assertTrue(send("GET_STAT nosuch").startsWith("FAIL no monitor named nosuch"));
    }

    @Test
    void procmonRestartsAKilledProcessAndGetVstatCountsTheRestart() throws Exception {
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> node.watchedPids().size() == 1));
        assertEquals(new ProcmonDetail(3, 0, Optional.empty()), httpd());
        List<Long> before = node.watchedPids();
        node.killWatched();
        assertTrue(Wait.until(Duration.ofSeconds(20), () -> !node.watchedPids().isEmpty()
                && !node.watchedPids().equals(before)), "procmon ran the restart command");
        assertTrue(Wait.until(Duration.ofSeconds(5), () -> httpd().current() == 1));
        assertTrue(httpd().resetAt().isPresent(), "the count resets one reset window after the restart");
        assertTrue(send("GET_VSTAT httpd").contains("Web Server,"), "the process line of the detail");
        assertTrue(Files.readString(node.paths.log("procmon-apache-httpd.log")).contains("Restarting the application"));

        assertEquals("OK", send("CMD httpd RESET"));
        assertEquals(new ProcmonDetail(3, 0, Optional.empty()), httpd());
        assertEquals("OK", send("CMD httpd MAXCOUNT 10"));
        assertEquals(10, httpd().restarts());
        assertTrue(send("CMD httpd MAXCOUNT lots").startsWith("FAIL MAXCOUNT needs a whole number"));
        assertEquals("NOT_IMP", send("CMD flag_check RESET"));
        assertEquals("OK heard hello there", send("CMD echo hello there"));
    }

    @Test
    void pauseAndResumeAllThenOne() throws Exception {
        assertEquals("OK", send("PAUSE"));
        assertTrue(send("GET_STAT").lines().allMatch(line -> line.split(",")[1].equals("0")), "all stopped");
        assertEquals("OK", send("RESUME"));
        assertTrue(send("GET_STAT").lines().noneMatch(line -> line.split(",")[1].equals("0")), "all running");
        assertEquals("httpd PAUSED", send("PAUSE httpd"));
        assertEquals("0", send("GET_STAT httpd").split(",")[1]);
        assertEquals("httpd RESUMED (in 0.5 secs)", send("RESUME httpd"));
        assertEquals("echo RESUMED (in 10 secs)", send("RESUME echo"));
    }

    @Test
    void removeThenInstallReadsTheFileAgain() throws Exception {
        assertEquals("echo REMOVED", send("REMOVE echo"));
        assertFalse(send("GET_STAT").contains("echo,"));
        assertTrue(send("INSTALL flag_check").startsWith("FAIL monitor flag_check is already installed"));
        assertEquals("OK", send("INSTALL echo"));
        assertTrue(send("GET_STAT echo").startsWith("echo,"));
        assertTrue(send("INSTALL nosuch").startsWith("FAIL no check named nosuch in "
                + node.paths.lemsConfig("apache")));
        assertTrue(Files.readString(LemsLocations.logFile("apache", LemsConfig.load(node.paths.lemsConfig("apache"))
                .config(), node.paths)).contains("Removed monitor \"echo\" by user request."));
    }

    @Test
    void verboseAndLogcycleControlTheLog() throws Exception {
        assertEquals("OK", send("VERBOSE OFF"));
        assertFalse(logs.isVerbose());
        assertEquals("OK", send("VERBOSE ON"));
        assertTrue(logs.isVerbose());
        assertEquals("OK", send("LOGCYCLE 2"));
        Path log = logs.logFile().orElseThrow();
        assertTrue(Files.exists(Path.of(log + ".000")), "the old log became .000");
        assertTrue(send("LOGCYCLE 100").startsWith("ERROR"), "the wire refuses more than 99");
    }

    @Test
    void abortIsAnsweredThenLemsStopsListening() throws Exception {
        assertEquals("OK", send("ABORT"));
        assertEquals(Optional.of(ExitReason.ABORT_REQUEST), lems.awaitExit(Duration.ofSeconds(10)));
        lems.close();
        assertThrows(DaemonUnreachableException.class, () -> send("GET_STAT"));
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> node.watchedPids().size() == 1),
                "the application keeps running without monitoring");
        assertEquals(List.of(), cluster.requests(), "ABORT asks nothing of the cluster daemon");
    }

    @Test
    void aFailedProcessWithoutRestartsLeftAsksForFailoverAndLemsExits() throws Exception {
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> node.watchedPids().size() == 1), "httpd runs");
        assertEquals("OK", send("CMD httpd MAXCOUNT 0"));
        node.killWatched();
        assertEquals(Optional.of(ExitReason.FAILOVER), lems.awaitExit(Duration.ofSeconds(20)));
        assertEquals(List.of("FAILOVER apache"), cluster.requests());
    }
}
