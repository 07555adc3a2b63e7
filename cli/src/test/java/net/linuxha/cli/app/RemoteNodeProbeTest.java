package net.linuxha.cli.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.app.RemoteNodeStatus;
import net.linuxha.common.shell.PrefixedCommandRunner;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.shell.RemoteShell;
import net.linuxha.common.storage.DrbdFiles;
import net.linuxha.common.storage.FsMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * remote_node_available (22.3) for a node that is down, as after a power loss when cldaemon takes over: ssh waits
 * for its connection timeout and the pings get no answer. The probes run side by side, so the whole check takes
 * about the ssh timeout (here 2 s) rather than ssh plus both pings (2 + 1.5 + 1.5 s); the verdict is REMOTE_DOWN.
 * Scripts on PATH stand in for ssh and ping.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RemoteNodeProbeTest {

    @TempDir
    Path root;

    private void script(Path bin, String name, String text) throws Exception {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + text + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aNodeThatIsDownCostsOneSshTimeout() throws Exception {
        Path bin = Files.createDirectories(root.resolve("bin"));
        script(bin, "ssh", "sleep 2\necho 'ssh: connect to host serverb port 22: Connection timed out' >&2\nexit 255");
        script(bin, "ping", "sleep 1.5\nexit 1");
        ClusterPaths paths = ClusterPaths.under(root);
        DrbdFiles files = DrbdFiles.of(paths);
        Files.createDirectories(files.resourceFile("apache_app01vg_docs").getParent());
        Files.writeString(files.resourceFile("apache_app01vg_docs"), """
                resource apache_app01vg_docs {
                    on servera { node-id 0; address 172.16.178.1:9902; }
                    on serverb { node-id 1; address 172.16.178.2:9902; }
                }
                """);
        FsMap fsmap = FsMap.parse("apache", root.resolve("fsmap"), "app01vg:docs:/apache/docs:ext4:rw:20480\n");
        PrefixedCommandRunner runner = new PrefixedCommandRunner(new ProcessCommandRunner(),
                List.of("env", "PATH=" + bin + ":" + System.getenv("PATH")));
        RemoteNodeProbe probe = new RemoteNodeProbe(runner, new RemoteShell(runner, "serverb"));

        long start = System.nanoTime();
        RemoteNodeProbe.Findings findings = probe.probe(files, fsmap);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(RemoteNodeStatus.REMOTE_DOWN, findings.status());
        assertEquals(Optional.of("172.16.178.2"), findings.replicationAddress());
        assertTrue(millis < 3800, "ssh (2 s) and two pings (1.5 s each) took " + millis + " ms: they must run side "
                + "by side");
    }
}
