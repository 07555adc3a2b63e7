package net.linuxha.net.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolRunner;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.net.NetDaemonMain;

/**
 * clnetd's command line refuses clearly: no clnetdport, no daemon to send --msg to, a bad poll interval
 * ({@code --detach} itself is common's DaemonDetach, tested there).
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
}
