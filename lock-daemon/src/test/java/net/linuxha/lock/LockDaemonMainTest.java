package net.linuxha.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolRunner;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.log.LogSetup;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.testing.Wait;

/** cllockd's main in this JVM over a temporary ClusterPaths: configuration checks, serving, ABORT, refusals. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LockDaemonMainTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void restoreLogging() {
        LogSetup.restoreDefault();
    }

    private ClusterPaths paths(String clport) throws Exception {
        ClusterPaths paths = ClusterPaths.under(tmp);
        Files.createDirectories(paths.configDir());
        String xml = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("etc-samples/clconf.xml"))
                .replace("<clport>9849</clport>", clport);
        Files.writeString(paths.clconf(), xml);
        Files.setPosixFilePermissions(paths.clconf(), PosixFilePermissions.fromString("rw-------"));
        return paths;
    }

    private CommandLine cllockd(ClusterPaths paths) {
        CommandLine line = ToolRunner.commandLine(new LockDaemonMain(paths, Clock.systemDefaultZone()));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void withoutClportTheDaemonRefusesNamingTheSetting() throws Exception {
        int exit = cllockd(paths("")).execute();
        assertEquals(ExitCode.CONFIG.code(), exit);
        assertTrue(err.toString().contains("<global><clport> is not set") && err.toString().contains("<clport>9849"),
                err.toString());
    }

    @Test
    void servesUntilAbortAndLogsToItsLogFile() throws Exception {
        int port = freePort();
        ClusterPaths paths = paths("<clport>" + port + "</clport>");
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(
                () -> cllockd(paths).execute("--verbose"));
        ClusterSetup setup = ClusterSetup.load(paths);
        Wait.assertWithin(Duration.ofSeconds(20), () -> LockDaemonMain.answersEcho(ClusterSetup.localAddress(port),
                setup.wireContext()) || running.isDone(), () -> "never answered; " + err);
        WireClient client = new WireClient(ClusterSetup.localAddress(port), "lock daemon", setup.wireContext());
        assertEquals("OK", client.send("LOCK name=NET client=t.1").text());

        StringWriter secondErr = new StringWriter();
        CommandLine second = ToolRunner.commandLine(new LockDaemonMain(paths, Clock.systemDefaultZone()));
        second.setErr(new PrintWriter(secondErr, true));
        assertEquals(ExitCode.ALREADY_RUNNING.code(), second.execute(), "a second daemon refuses");
        assertTrue(secondErr.toString().contains("Locking daemon already appears to be running"),
                secondErr.toString());

        assertEquals("OK", client.send("ABORT").text());
        assertEquals(ExitCode.SUCCESS.code(), running.get(15, TimeUnit.SECONDS));
        String cluster = ClusterConfig.load(paths.clconf()).config().name();
        String log = Files.readString(paths.log("cllockd-" + cluster + ".log"));
        assertTrue(log.contains("Lock daemon cllockd-cluster1 started on port " + port), log);
        assertTrue(log.contains("INFO ") && log.contains("Lock NET granted to t.1"), log);
        assertTrue(log.contains("WARN ") && log.contains("ABORT received"), log);
    }

    @Test
    void detachNeedsTheLauncher() throws Exception {
        assumeTrue(System.getProperty("linuxha.home") == null, "run outside the launcher");
        int exit = cllockd(paths("<clport>" + freePort() + "</clport>")).execute("--detach");
        assertEquals(ExitCode.USAGE.code(), exit);
        assertTrue(err.toString().contains("start the daemon through its launcher (bin/cllockd)"), err.toString());
    }
}
