package net.linuxha.net.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.cli.ToolRunner;
import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.net.NetDaemonMain;

/**
 * clnetd's command line refuses clearly: no clnetdport, no daemon to send --msg to; --detach reports the background
 * daemon's own words when it stops during start-up, and returns its pid once it is up.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DaemonMainTest {

    @TempDir
    Path root;

    private record Run(int exit, String out, String err) {
    }

    private Run clnetd(ClusterPaths paths, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ToolRunner.commandLine(new NetDaemonMain(paths, new ProcessCommandRunner()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void withoutClnetdportTheDaemonRefusesNamingTheSetting() throws Exception {
        assumeTrue(TestNode.runningAsRoot(), "clconf.xml must be owned by root");
        Run run = clnetd(TestClconf.write(root, "eth0,eth1", false), "--msg", "ECHO");
        assertEquals(ExitCode.CONFIG.code(), run.exit(), run.toString());
        assertTrue(run.err().contains("<clnetdport>"), run.err());
    }

    @Test
    void msgWithoutARunningDaemonSaysItIsNotRunning() throws Exception {
        assumeTrue(TestNode.runningAsRoot(), "clconf.xml must be owned by root");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Run run = clnetd(TestClconf.write(root, "eth0,eth1", port, 9900), "--msg", "NET_STATUS");
        assertEquals(ExitCode.NOT_RUNNING.code(), run.exit(), run.toString());
        assertTrue(run.err().contains("network daemon"), run.err());
    }

    @Test
    void aBadPollIntervalIsAUsageError() throws Exception {
        assumeTrue(TestNode.runningAsRoot(), "clconf.xml must be owned by root");
        Run run = clnetd(TestClconf.write(root, "eth0,eth1", true), "--poll-interval", "500");
        assertEquals(ExitCode.USAGE.code(), run.exit(), run.toString());
        assertTrue(run.err().contains("200 ms"), run.err());
    }

    @Test
    void detachGivesTheReasonADaemonStoppedDuringStartUp() {
        Path output = root.resolve("clnetd.out");
        ToolException failed = assertThrows(ToolException.class, () -> new Detacher(new ProcessCommandRunner())
                .start("clnetd-test", BackgroundCommand.of(List.of("sh", "-c",
                        "echo 'ERROR clconf.xml: <clnetdport> missing'; exit 3"), output, output), () -> false,
                        Duration.ofSeconds(10)));
        assertEquals(ExitCode.FAILURE, failed.exitCode());
        assertTrue(failed.getMessage().contains("exit status 3")
                && failed.getMessage().contains("<clnetdport> missing"), failed.getMessage());
    }

    @Test
    void detachReturnsOnceTheDaemonListens() throws Exception {
        Path output = root.resolve("clnetd.out");
        Path ready = root.resolve("ready");
        long pid = new Detacher(new ProcessCommandRunner()).start("clnetd-test", BackgroundCommand.of(List.of("sh",
                "-c", "touch " + ready + "; exec sleep 30"), output, output), () -> Files.exists(ready),
                Duration.ofSeconds(10));
        try {
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "daemon still running");
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }
}
