package net.linuxha.cli.clbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import net.linuxha.cli.checks.NodeShell;
import net.linuxha.cli.checks.PortProbe;
import net.linuxha.cli.cluster.PeerNode;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.ClconfPermissions;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.resources.ResourceException;
import net.linuxha.common.resources.ResourceKind;
import net.linuxha.common.resources.ResourceOwner;
import net.linuxha.common.resources.ResourcePools;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.ProcessCommandRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * clbuild's configuration checks and its build step on real files; the checks against two real nodes are in the
 * lab (ClbuildLabTest). The "other node" here is this machine under another root, driven through the same
 * commands (mkdir, ls, touch, mv, cp) clbuild sends over ssh.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClbuildTest {

    private static final AtomicInteger LOGGERS = new AtomicInteger();

    @TempDir
    Path root;

    private ClusterPaths paths;
    private ClusterPaths peerPaths;
    private String sample;
    private Logger log;
    private ListAppender<ILoggingEvent> lines;
    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @BeforeEach
    void setUp() throws Exception {
        paths = ClusterPaths.under(root.resolve("servera"));
        peerPaths = ClusterPaths.under(root.resolve("serverb"));
        sample = Files.readString(Path.of(System.getProperty("basedir", "."), "..", "etc-samples", "clconf.xml"));
        log = new LoggerContext().getLogger("clbuild-test-" + LOGGERS.incrementAndGet());
        log.setLevel(Level.INFO);
        lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
    }

    private void writeClconf(String xml, String mode) throws Exception {
        Files.createDirectories(paths.configDir());
        Files.writeString(paths.clconf(), xml);
        Files.setPosixFilePermissions(paths.clconf(), PosixFilePermissions.fromString(mode));
    }

    private PeerNode localPeer() {
        return new PeerNode(new NodeShell("serverb", false, runner), peerPaths,
                (file, path) -> runner.run(Command.of("cp", "-p", file.toString(), path)));
    }

    private Clbuild clbuild(String hostName) {
        ClconfPermissions rootOwned = new ClconfPermissions(file -> 0);
        return new Clbuild(new Clbuild.Environment(paths, runner, hostName, rootOwned, (h, p) -> false,
                name -> {
                    throw new AssertionError("the other node must not be used when a configuration check fails");
                }), log);
    }

    private List<String> logged(Level level) {
        return lines.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void missingConfigurationIsAConfigError() {
        ToolException e = assertThrows(ToolException.class, () -> clbuild("servera").run(false));
        assertEquals(ExitCode.CONFIG, e.exitCode());
        assertTrue(e.getMessage().contains("1 error"), e.getMessage());
        assertTrue(logged(Level.ERROR).get(0).contains(paths.clconf() + " does not exist"), logged(Level.ERROR)
                .toString());
        assertTrue(logged(Level.ERROR).get(1).startsWith("Fix: create it"), logged(Level.ERROR).toString());
    }

    /** Permissions and bad values are all reported in one run. */
    @Test
    void everyConfigurationProblemIsListed() throws Exception {
        writeClconf(sample.replace("<version>0.3</version>", "<version>0.2</version>")
                .replace("<warn>7</warn>", "<warn>2</warn>"), "rw-r--r--");
        ToolException e = assertThrows(ToolException.class, () -> clbuild("servera").run(false));
        assertEquals(ExitCode.CONFIG, e.exitCode());
        List<String> errors = logged(Level.ERROR);
        assertTrue(errors.stream().anyMatch(l -> l.contains("has permissions rw-r--r--")), errors.toString());
        assertTrue(errors.stream().anyMatch(l -> l.contains("<global><version>: value \"0.2\"")), errors.toString());
        assertTrue(errors.stream().anyMatch(l -> l.contains("<timings><warn>")), errors.toString());
        assertTrue(e.getMessage().contains("3 errors"), e.getMessage());
    }

    @Test
    void hostThatIsNotANodeFails() throws Exception {
        writeClconf(sample, "rw-------");
        ToolException e = assertThrows(ToolException.class, () -> clbuild("elsewhere").run(false));
        assertEquals(ExitCode.FAILURE, e.exitCode());
        assertTrue(logged(Level.ERROR).get(0).contains("This host \"elsewhere\" is not one of the cluster's nodes "
                + "(servera, serverb)"), logged(Level.ERROR).toString());
    }

    @Test
    void smallMaxblockdevsWarnsOnce() throws Exception {
        writeClconf(sample.replace("<maxblockdevs>50</maxblockdevs>", "<maxblockdevs>5</maxblockdevs>"),
                "rw-------");
        assertThrows(ToolException.class, () -> clbuild("elsewhere").run(false));
        List<String> warnings = logged(Level.WARN);
        assertEquals(1, warnings.stream().filter(l -> !l.startsWith("Fix: ") && l.contains("maxblockdevs")).count(),
                warnings.toString());
    }

    /** A port probe that answers stops the build; --force turns it into a warning. */
    @Test
    void daemonPortCheckHonoursForce() {
        PortProbe listening = (host, port) -> host.equals("serverb") && port == 9900;
        DaemonNotRunningCheck check = new DaemonNotRunningCheck("d", "serverb", List.of("serverb"), 9900, false,
                listening);
        assertTrue(check.run().get(0).failed());
        assertTrue(check.run().get(0).fix().contains("clhalt"));
        DaemonNotRunningCheck forced = new DaemonNotRunningCheck("d", "serverb", List.of("serverb"), 9900, true,
                listening);
        assertEquals(net.linuxha.cli.checks.CheckStatus.WARN, forced.run().get(0).status());
    }

    /** The build step: directories, pools and clconf.xml (600) on the other node, checksums on both. */
    @Test
    void buildCopiesConfigurationAndCreatesPoolsOnBothNodes() throws Exception {
        writeClconf(sample, "rw-------");
        ClusterConfig config = ClusterConfig.load(paths.clconf()).config();
        new ClusterBuilder(paths, config, "servera", localPeer(), log).build();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(peerPaths.clconf())));
        assertEquals(Files.readString(paths.clconf()), Files.readString(peerPaths.clconf()));
        assertEquals(Files.readString(paths.clusterBuildChecksum()), Files.readString(peerPaths
                .clusterBuildChecksum()));
        assertEquals(net.linuxha.common.config.BuildStatus.VALID, BuildChecksum.cluster(paths).status());
        assertEquals(net.linuxha.common.config.BuildStatus.VALID, BuildChecksum.cluster(peerPaths).status());
        assertTrue(Files.isDirectory(peerPaths.logDir()));
        for (ClusterPaths node : List.of(paths, peerPaths)) {
            assertEquals(99, ResourcePools.local(node).free(ResourceKind.PORT).size());
            assertEquals(50, ResourcePools.local(node).free(ResourceKind.DRBD_MINOR).size());
        }
        assertTrue(logged(Level.INFO).contains("Created 99 port allocation files on serverb"), logged(Level.INFO)
                .toString());
        assertTrue(logged(Level.INFO).contains("Successfully copied clconf.xml to serverb"));
    }

    /** A pool shrunk below an allocation on the other node is refused before either node changes. */
    @Test
    void shrinkingBelowAnAllocationOnTheOtherNodeChangesNothing() throws Exception {
        writeClconf(sample, "rw-------");
        ClusterConfig config = ClusterConfig.load(paths.clconf()).config();
        new ClusterBuilder(paths, config, "servera", localPeer(), log).build();
        ResourcePools.local(peerPaths).allocate(ResourceKind.PORT, ResourceOwner.of("apache", "app01vg", "docs"),
                9950);
        writeClconf(sample.replace("9901,9999", "9901,9940"), "rw-------");
        ClusterConfig smaller = ClusterConfig.load(paths.clconf()).config();
        ResourceException e = assertThrows(ResourceException.class,
                () -> new ClusterBuilder(paths, smaller, "servera", localPeer(), log).build());
        assertTrue(e.getMessage().contains("port 9950") && e.getMessage().contains("on serverb")
                && e.getMessage().contains("application apache"), e.getMessage());
        assertEquals(99, ResourcePools.local(paths).free(ResourceKind.PORT).size(), "servera untouched");
        assertFalse(Files.readString(peerPaths.clconf()).contains("9901,9940"), "clconf.xml not copied");
        assertEquals(net.linuxha.common.config.BuildStatus.CHANGED, BuildChecksum.cluster(paths).status());
    }
}
