package net.linuxha.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.ProcessCommandRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LSB init script etc-samples/init/linuxha, run for real with sh. Its {@code cldaemonctl} is the real tool
 * (this module's classes run by java), against a cluster configuration in which this host is a node, under a
 * temporary LINUXHA_ROOT and on a free port, so that "stopped" means no daemon listens there.
 */
@Timeout(120)
class InitScriptTest {

    @TempDir
    Path tmp;
    private Path script;
    private Path home;
    private Path root;
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        script = repositoryRoot().resolve("etc-samples/init/linuxha");
        home = tmp.resolve("home");
        root = tmp.resolve("root");
        Files.createDirectories(home.resolve("bin"));
        port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path tool = home.resolve("bin/cldaemonctl");
        Files.writeString(tool, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' -Dlinuxha.tool=cldaemonctl -Dlinuxha.root=\"$LINUXHA_ROOT\" net.linuxha.cli.ToolMain \"$@\"\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        ClusterPaths paths = ClusterPaths.under(root);
        Files.createDirectories(paths.configDir());
        String host = ClusterSetup.hostName();
        Files.writeString(paths.clconf(), TestCluster.clconf().replace("<port>9900</port>", "<port>" + port
                + "</port>").replace("<name>sl4s1</name>", "<name>" + host + "</name>"));
        Files.setPosixFilePermissions(paths.clconf(), PosixFilePermissions.fromString("rw-------"));
        BuildChecksum.cluster(paths).record();
    }

    private CommandResult initScript(String action) {
        return new ProcessCommandRunner().run(Command.of("sh", script.toString(), action)
                .withEnv("LINUXHA_HOME", home.toString()).withEnv("LINUXHA_ROOT", root.toString())
                .withTimeout(Duration.ofSeconds(60)));
    }

    @Test
    void statusOfAStoppedClusterIsThree() {
        CommandResult status = initScript("status");

        assertEquals(3, status.exitCode(), status.describeFailure());
        assertTrue(status.stdout().contains("is not running"), status.stdout());
    }

    @Test
    void statusWhileThisNodesDaemonAnswersIsZero() throws Exception {
        ClusterPaths paths = ClusterPaths.under(root);
        var wire = ClusterSetup.load(paths).wireContext();
        try (FakeClusterDaemon daemon = FakeClusterDaemon.start("this", wire, port)) {
            CommandResult status = initScript("status");

            assertEquals(0, status.exitCode(), status.describeFailure());
            assertEquals(1, daemon.requests().size(), "one ECHO");
        }
    }

    @Test
    void anUnknownActionIsAUsageErrorTwo() {
        CommandResult usage = initScript("bogus");

        assertEquals(2, usage.exitCode(), usage.describeFailure());
        assertTrue(usage.stderr().startsWith("Usage: "), usage.stderr());
    }

    @Test
    void stopOfAStoppedClusterSucceeds() {
        CommandResult stop = initScript("stop");

        assertEquals(0, stop.exitCode(), stop.describeFailure());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("etc-samples/init"))) {
                return p;
            }
        }
        throw new IllegalStateException("etc-samples/init not found above " + Path.of("").toAbsolutePath());
    }
}
