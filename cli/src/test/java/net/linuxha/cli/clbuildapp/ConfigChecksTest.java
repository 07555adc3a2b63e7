package net.linuxha.cli.clbuildapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import net.linuxha.cli.checks.NodeShell;
import net.linuxha.cli.cluster.PeerNode;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.ClconfPermissions;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.MountDriver;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.storage.SyncOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration checks of clbuildapp on real files: they run before anything touches the other node, and a
 * failure is a configuration error (exit 3) with every problem listed. The node checks are in the lab
 * (ClbuildappLabTest).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConfigChecksTest {

    private static final AtomicInteger LOGGERS = new AtomicInteger();

    @TempDir
    Path root;

    private ClusterPaths paths;
    private Logger log;
    private ListAppender<ILoggingEvent> lines;
    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @BeforeEach
    void setUp() throws Exception {
        paths = ClusterPaths.under(root);
        Path samples = Path.of(System.getProperty("basedir", "."), "..", "etc-samples");
        Files.createDirectories(paths.applicationDir("apache"));
        Files.writeString(paths.clconf(), Files.readString(samples.resolve("clconf.xml")));
        Files.setPosixFilePermissions(paths.clconf(), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(paths.appconf("apache"), Files.readString(samples.resolve("apache/appconf.xml")));
        log = new LoggerContext().getLogger("clbuildapp-test-" + LOGGERS.incrementAndGet());
        log.setLevel(Level.INFO);
        lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
    }

    private Clbuildapp clbuildapp() {
        AppEnvironment env = new AppEnvironment(paths, runner, "servera", new ClconfPermissions(file -> 0),
                new MountDriver(runner), d -> Optional.empty(), node -> new PeerNode(new NodeShell(node, false,
                runner), paths, (file, path) -> runner.run(Command.of("cp", "-p", file.toString(), path))),
                setup -> {
                    throw new AssertionError("the cluster must not be asked when a configuration check fails");
                }, setup -> {
                    throw new AssertionError("storage must not be used when a configuration check fails");
                }, SyncOptions.defaults(false));
        return new Clbuildapp(env, log);
    }

    private List<String> errors() {
        return lines.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private ToolException fails(Stage stage) {
        return assertThrows(ToolException.class, () -> clbuildapp().run(new Request("apache", stage, false, false,
                false)));
    }

    @Test
    void anUnbuiltClusterStopsEveryStage() {
        ToolException e = fails(Stage.CHECK);
        assertEquals(ExitCode.CONFIG, e.exitCode());
        assertTrue(errors().get(0).contains(paths.clconf() + " has not been validated yet"), errors().toString());
        assertTrue(errors().get(1).startsWith("Fix: run clbuild"), errors().toString());
        assertTrue(e.getMessage().contains("found 1 error for application apache"), e.getMessage());
    }

    @Test
    void brokenAndMismatchedAppconfAreListed() throws Exception {
        BuildChecksum.cluster(paths).record();
        Files.writeString(paths.appconf("apache"), Files.readString(paths.appconf("apache"))
                .replace("<syncrate>2000</syncrate>", "<syncrate>fast</syncrate>"));
        ToolException broken = fails(Stage.BUILD);
        assertEquals(ExitCode.CONFIG, broken.exitCode());
        assertTrue(errors().stream().anyMatch(l -> l.contains(paths.appconf("apache").toString())
                && l.contains("<syncrate>")), errors().toString());

        lines.list.clear();
        Files.writeString(paths.appconf("apache"), Files.readString(paths.appconf("apache"))
                .replace("<syncrate>fast</syncrate>", "<syncrate>2000</syncrate>")
                .replace("<name>apache</name>", "<name>httpd</name>"));
        assertEquals(ExitCode.CONFIG, fails(Stage.CHECK).exitCode());
        assertTrue(errors().get(0).contains("<global><name>: value \"httpd\" must be the name of the application"),
                errors().toString());
    }

    @Test
    void aMissingAppconfNamesTheDirectory() throws Exception {
        BuildChecksum.cluster(paths).record();
        Files.delete(paths.appconf("apache"));
        assertEquals(ExitCode.CONFIG, fails(Stage.SYNC).exitCode());
        assertTrue(errors().get(0).contains(paths.appconf("apache") + " does not exist"), errors().toString());
        assertTrue(errors().get(1).contains("etc-samples/apache/appconf.xml"), errors().toString());
    }

    @Test
    void aHostOutsideTheClusterIsRefused() throws Exception {
        BuildChecksum.cluster(paths).record();
        AppEnvironment env = new AppEnvironment(paths, runner, "elsewhere", new ClconfPermissions(file -> 0),
                new MountDriver(runner), d -> Optional.empty(), node -> {
                    throw new AssertionError("no other node for a host outside the cluster");
                }, setup -> ClusterLink.notRunning(), setup -> {
                    throw new AssertionError("no storage");
                }, SyncOptions.defaults(false));
        assertThrows(ToolException.class, () -> new Clbuildapp(env, log).run(new Request("apache", Stage.CHECK,
                false, false, false)));
        assertTrue(errors().get(0).contains("This host \"elsewhere\" is not one of the nodes of cluster"),
                errors().toString());
    }
}
