package net.linuxha.cli.clremoveapp;

import static net.linuxha.cli.cluster.TestCluster.LOCAL;
import static net.linuxha.cli.cluster.TestCluster.PEER;
import static net.linuxha.cli.cluster.TestCluster.STAMP;
import static net.linuxha.cli.cluster.TestCluster.info;
import static net.linuxha.cli.cluster.TestCluster.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import net.linuxha.cli.cluster.TestCluster;
import net.linuxha.cli.cluster.TestCluster.Run;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.ProcessCommandRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * clremoveapp (12) on two nodes whose files live in two temporary roots: every command it sends runs for real
 * (this node's directly, the other's as ssh would run it, {@link TwoNodeRunner}), the cluster daemon is played by a
 * real wire server, and the test checks the lines, the commands and what is left on disk on both nodes.
 */
@Timeout(60)
class ClremoveappToolTest {

    private static final String FSMAP = "sambavg:cfg:/samba/cfg:ext4:defaults:1024\n"
            + "sambavg:logs:/samba/logs:ext4:defaults:2048\n";

    @TempDir
    Path tmp;
    private TestCluster cluster;
    private ClusterPaths local;
    private ClusterPaths peer;
    private TwoNodeRunner runner;
    private ToolEnvironment env;

    @BeforeEach
    void setUp() throws Exception {
        Path localRoot = tmp.resolve("sl4s1");
        Path peerRoot = tmp.resolve("sl4s2");
        cluster = new TestCluster(localRoot);
        local = cluster.paths();
        peer = ClusterPaths.under(peerRoot);
        runner = new TwoNodeRunner(localRoot.toString(), peerRoot.toString());
        ToolEnvironment base = cluster.env();
        env = new ToolEnvironment(base.paths(), base.clock(), runner, base.hostName(), base.resolver(),
                base.locator(), base.binDir(), base.root(), base.pollInterval());
        defineSamba(local, FSMAP, true);
        defineSamba(peer, FSMAP, false);
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    /**
     * What clbuildapp leaves for samba (two file systems) beside apache (one) on a node: application directories,
     * fsmaps, port and DRBD-minor flags, DRBD resource files, and (where it last ran) the status directory.
     */
    private static void defineSamba(ClusterPaths paths, String fsmap, boolean ranHere) throws Exception {
        for (String app : List.of("samba", "apache")) {
            Files.createDirectories(paths.applicationDir(app).resolve("flags"));
            write(paths.appconf(app), "<?xml version=\"1.0\"?>\n<appconf>\n<global>\n  <version>0.2</version>\n"
                    + "  <name>" + app + "</name>\n  <takeover>force</takeover>\n</global>\n</appconf>\n");
            write(paths.lemsConfig(app), "<lems/>\n");
            BuildChecksum.application(paths, app).record();
            Files.createDirectories(paths.applicationStatusDir(app));
        }
        if (ranHere) {
            write(paths.applicationStatusDir("samba").resolve("TIME"), "1118617404\n");
        }
        write(paths.fsmap("samba"), fsmap);
        write(paths.fsmap("apache"), "appvg:docs:/apache/docs:ext4:defaults:1024\n");
        Path ports = paths.resourcesDir().resolve("ports");
        Path minors = paths.resourcesDir().resolve("drbd");
        for (String flag : List.of("9901.free", "9902.samba.sambavg.cfg", "9903.samba.sambavg.logs",
                "9904.apache.appvg.docs", "9905.free")) {
            write(ports.resolve(flag), "");
        }
        for (String flag : List.of("0.apache.appvg.docs", "1.samba.sambavg.cfg", "2.samba.sambavg.logs", "3.free")) {
            write(minors.resolve(flag), "");
        }
        Path drbd = paths.drbdConfigDir();
        for (String file : List.of("linuxha.conf", "linuxha/samba_sambavg_cfg.res", "linuxha/samba_sambavg_logs.res",
                "linuxha/apache_appvg_docs.res")) {
            write(drbd.resolve(file), "# " + file + "\n");
        }
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The lines with backup sizes made fixed (tar's output size varies with the tar version). */
    private static List<String> sizesHidden(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll(" in \\d+ bytes ", " in N bytes ")).toList();
    }

    private Path backupDir(ClusterPaths paths) {
        return paths.configDir().getParent().getParent().resolve("backup");
    }

    @Test
    void removesEveryTraceOfTheApplicationFromBothNodesAfterBackingItUp() throws Exception {
        cluster.daemon(LOCAL, "UP").app("samba", "DOWN,,0,0,0,Yes").answer("DEREG_APP app=samba", "OK");
        cluster.daemon(PEER, "UP");
        String backup = backupDir(local).toString();

        Run run = run(new ClremoveappTool(env), "-A", "samba", "-V", "--backupdir", backup);

        assertEquals(0, run.exit(), run.toString());
        String status = local.applicationStatusDir("samba").toString();
        String drbd = local.drbdConfigDir().resolve("linuxha").toString();
        String archive = backup + "/samba-20050615-021850.tar.gz";
        assertEquals(info("Global section configuration validation complete",
                "Confirmed samba is not currently running.",
                "Will use IP address 198.51.100.34 for communication to sl4s2.",
                "Confirmed application samba is defined on both nodes.",
                "Confirmed the file systems of samba are not mounted on node sl4s1.",
                "Confirmed the file systems of samba are not mounted on node sl4s2.",
                "Attempting to backup cluster configuration on node sl4s1.",
                "Saved cluster configuration in N bytes on node sl4s1 (" + archive + ").",
                "Attempting to backup cluster configuration on node sl4s2.",
                "Saved cluster configuration in N bytes on node sl4s2 (" + archive + ").",
                "Application unregistered from cluster.",
                "Successfully removed " + status + "/TIME (file) from node sl4s1",
                "Successfully removed " + status + "/. (directory) from node sl4s1",
                "Successfully removed " + status + "/. (directory) from node sl4s2",
                "Successfully removed drbd resource " + drbd + "/samba_sambavg_cfg.res (file) from node sl4s1",
                "Successfully removed drbd resource " + drbd + "/samba_sambavg_logs.res (file) from node sl4s1",
                "Successfully removed drbd resource " + drbd + "/samba_sambavg_cfg.res (file) from node sl4s2",
                "Successfully removed drbd resource " + drbd + "/samba_sambavg_logs.res (file) from node sl4s2",
                "Released port resource 9902 on node sl4s1",
                "Released port resource 9903 on node sl4s1",
                "Released DRBD minor resource 1 on node sl4s1",
                "Released DRBD minor resource 2 on node sl4s1",
                "Released port resource 9902 on node sl4s2",
                "Released port resource 9903 on node sl4s2",
                "Released DRBD minor resource 1 on node sl4s2",
                "Released DRBD minor resource 2 on node sl4s2",
                "Removed the fsmap entry from node sl4s1",
                "Removed the fsmap entry from node sl4s2",
                "Removing build checksums for samba",
                "Successfully removed " + local.applicationDir("samba") + " (directory) from node sl4s1",
                "Successfully removed " + local.applicationDir("samba") + " (directory) from node sl4s2",
                "Successfully removed application samba from the cluster."), sizesHidden(run.outLines()));
        assertEquals(List.of("APP_STATUS app=samba failoverinfo=yes", "DEREG_APP app=samba forward=yes"),
                cluster.daemon(LOCAL).actions());

        for (ClusterPaths node : List.of(local, peer)) {
            assertFalse(Files.exists(node.applicationDir("samba")), node.toString());
            assertFalse(Files.exists(node.applicationStatusDir("samba")));
            assertFalse(Files.exists(node.fsmap("samba")));
            assertEquals(List.of("9901.free", "9902.free", "9903.free", "9904.apache.appvg.docs", "9905.free"),
                    names(node.resourcesDir().resolve("ports")));
            assertEquals(List.of("0.apache.appvg.docs", "1.free", "2.free", "3.free"),
                    names(node.resourcesDir().resolve("drbd")));
            assertEquals(List.of("apache_appvg_docs.res"), names(node.drbdConfigDir().resolve("linuxha")));
            assertTrue(Files.exists(node.drbdConfigDir().resolve("linuxha.conf")));
            assertTrue(Files.exists(node.appconf("apache")), "other applications are untouched");
            assertTrue(Files.exists(node.fsmap("apache")));
            assertTrue(Files.isDirectory(node.applicationStatusDir("apache")));
        }
        for (Path root : List.of(tmp.resolve("sl4s1"), tmp.resolve("sl4s2"))) {
            Path saved = root.resolve("backup/samba-20050615-021850.tar.gz");
            CommandResult listing = new ProcessCommandRunner().run(Command.of("tar", "-tzf", saved.toString()));
            assertEquals(List.of("samba/", "samba/.appbuild.md5", "samba/appconf.xml", "samba/flags/",
                    "samba/lems.local.xml"), listing.stdout().lines().sorted().toList(), listing.toString());
        }
        String peerConfig = local.configDir().toString();
        assertEquals(List.of("true",
                "test -d " + peerConfig + "/samba",
                "cat /proc/self/mountinfo",
                "ls -1A " + peerConfig + "/.resources/ports",
                "ls -1A " + peerConfig + "/.resources/drbd",
                "mkdir -p -- " + backup,
                "tar -czf " + archive + " -C " + peerConfig + " -- samba",
                "stat -c %s -- " + archive,
                "test -d " + status,
                "ls -1Ap -- " + status,
                "rmdir -- " + status,
                "test -e " + drbd + "/samba_sambavg_cfg.res",
                "rm -rf -- " + drbd + "/samba_sambavg_cfg.res",
                "test -e " + drbd + "/samba_sambavg_logs.res",
                "rm -rf -- " + drbd + "/samba_sambavg_logs.res",
                "ls -1A " + peerConfig + "/.resources/ports",
                "ls -1A " + peerConfig + "/.resources/drbd",
                "ls -1A " + peerConfig + "/.resources/ports",
                "mv -n -T " + peerConfig + "/.resources/ports/9902.samba.sambavg.cfg " + peerConfig
                        + "/.resources/ports/9902.free",
                "test -e " + peerConfig + "/.resources/ports/9902.samba.sambavg.cfg",
                "ls -1A " + peerConfig + "/.resources/ports",
                "mv -n -T " + peerConfig + "/.resources/ports/9903.samba.sambavg.logs " + peerConfig
                        + "/.resources/ports/9903.free",
                "test -e " + peerConfig + "/.resources/ports/9903.samba.sambavg.logs",
                "ls -1A " + peerConfig + "/.resources/drbd",
                "mv -n -T " + peerConfig + "/.resources/drbd/1.samba.sambavg.cfg " + peerConfig
                        + "/.resources/drbd/1.free",
                "test -e " + peerConfig + "/.resources/drbd/1.samba.sambavg.cfg",
                "ls -1A " + peerConfig + "/.resources/drbd",
                "mv -n -T " + peerConfig + "/.resources/drbd/2.samba.sambavg.logs " + peerConfig
                        + "/.resources/drbd/2.free",
                "test -e " + peerConfig + "/.resources/drbd/2.samba.sambavg.logs",
                "test -e " + peerConfig + "/.resources/fsmap/samba",
                "rm -rf -- " + peerConfig + "/.resources/fsmap/samba",
                "test -e " + peerConfig + "/samba/.appbuild.md5",
                "rm -rf -- " + peerConfig + "/samba/.appbuild.md5",
                "test -d " + peerConfig + "/samba",
                "rm -rf -- " + peerConfig + "/samba"), runner.commandsOn(PEER));
    }

    @Test
    void withoutVerboseASuccessfulRemovalPrintsNothing() throws Exception {
        cluster.daemon(LOCAL, "UP").app("samba", "DOWN,,0,0,0,Yes").answer("DEREG_APP app=samba", "OK");

        Run run = run(new ClremoveappTool(env), "--application", "samba", "--nobackup");

        assertEquals(0, run.exit(), run.toString());
        assertEquals("", run.out());
        assertFalse(Files.exists(peer.applicationDir("samba")));
    }

    @Test
    void aRunningApplicationIsRefusedWithTheReferenceErrorAndNothingChanges() throws Exception {
        cluster.daemon(LOCAL, "UP").app("samba", "STARTED,sl4s2,1,1118801900,0,Yes");

        Run run = run(new ClremoveappTool(env), "-A", "samba", "-V", "--nobackup");

        assertEquals(1, run.exit(), run.toString());
        assertEquals(info("Global section configuration validation complete"), run.outLines());
        assertEquals(List.of("ERROR " + STAMP + " Daemon responded with status STARTED to application status "
                        + "request!",
                "ERROR " + STAMP + " Stop samba first (clhaltapp --application samba on sl4s2), or use --force "
                        + "(may lose data)."), run.errLines());
        assertEquals(List.of(), runner.commands());
        assertTrue(Files.exists(local.appconf("samba")));
    }

    @Test
    void withTheClusterDownOnlyForceRemovesTheApplication() throws Exception {
        Run refused = run(new ClremoveappTool(env), "-A", "samba", "--nobackup");

        assertEquals(4, refused.exit(), refused.toString());
        assertEquals(List.of("ERROR " + STAMP + " Unable to check that application samba is not running: the "
                        + "cluster daemons are not running.",
                "ERROR " + STAMP + " Form the cluster (clform), or use --force once you are sure samba runs on "
                        + "neither node."), refused.errLines());

        Run forced = run(new ClremoveappTool(env), "-A", "samba", "--nobackup", "--force");

        assertEquals(0, forced.exit(), forced.toString());
        assertEquals(List.of("WARN " + STAMP + " The cluster is not running: not checking whether samba runs "
                + "(--force)."), forced.outLines());
        assertFalse(Files.exists(local.applicationDir("samba")));
        assertFalse(Files.exists(peer.applicationDir("samba")));
    }

    @Test
    void aMountedFileSystemOnEitherNodeIsRefused() throws Exception {
        // /proc is mounted on every Linux machine: an fsmap naming it is a file system still mounted.
        write(local.fsmap("samba"), "sambavg:cfg:/proc:ext4:defaults:1024\n");
        BuildChecksum.application(local, "samba").record();
        cluster.daemon(LOCAL, "UP").app("samba", "DOWN,,0,0,0,Yes");

        Run run = run(new ClremoveappTool(env), "-A", "samba", "--nobackup");

        assertEquals(1, run.exit(), run.toString());
        assertEquals(List.of("ERROR " + STAMP + " File system /proc of samba is mounted on node sl4s1.",
                "ERROR " + STAMP + " Stop the application there (clhaltapp --application samba), or unmount it "
                        + "first."), run.errLines());
        assertTrue(Files.exists(peer.applicationDir("samba")));
        assertEquals(List.of(), cluster.daemon(LOCAL).actions().stream()
                .filter(r -> r.startsWith("DEREG")).toList());
    }

    @Test
    void theOtherNodeMustBeReachable() throws Exception {
        cluster.daemon(LOCAL, "UP").app("samba", "DOWN,,0,0,0,Yes");
        runner.peerDown();

        Run run = run(new ClremoveappTool(env), "-A", "samba", "--nobackup");

        assertEquals(1, run.exit(), run.toString());
        assertEquals(List.of("ERROR " + STAMP + " Unable to run commands on node sl4s2 over ssh, and an "
                        + "application can only be removed while both nodes are available.",
                "ERROR " + STAMP + " Check that root on sl4s1 can ssh to sl4s2 without a password, then run "
                        + "clremoveapp again."), run.errLines());
        assertTrue(Files.exists(local.applicationDir("samba")));
    }

    @Test
    void anApplicationDefinedOnOneNodeOnlyNeedsForce() throws Exception {
        cluster.daemon(LOCAL, "UP").answer("DEREG_APP", "NOT_REGISTERED");
        Files.walk(peer.applicationDir("samba")).sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());

        Run refused = run(new ClremoveappTool(env), "-A", "samba", "--nobackup");

        assertEquals(1, refused.exit(), refused.toString());
        assertEquals(List.of("ERROR " + STAMP + " Application samba is defined on sl4s1 but not on sl4s2 ("
                        + local.applicationDir("samba") + " is missing there).",
                "ERROR " + STAMP + " Check the application name; use --force to remove what is left of it."),
                refused.errLines());

        Run forced = run(new ClremoveappTool(env), "-A", "samba", "-V", "--nobackup", "--force");

        assertEquals(0, forced.exit(), forced.toString());
        assertTrue(forced.outLines().contains("INFO " + STAMP + " Application samba was not registered with the "
                + "cluster."), forced.out());
        assertEquals(List.of("9901.free", "9902.free", "9903.free", "9904.apache.appvg.docs", "9905.free"),
                names(peer.resourcesDir().resolve("ports")), "the other node's leftovers are released too");
        assertFalse(Files.exists(peer.fsmap("samba")));
    }

    @Test
    void aChangedConfigurationNeedsNoChecksums() throws Exception {
        cluster.daemon(LOCAL, "UP").app("samba", "DOWN,,0,0,0,Yes").answer("DEREG_APP", "OK");
        Files.writeString(local.appconf("samba"), "<!-- edited -->\n", StandardOpenOption.APPEND);

        Run refused = run(new ClremoveappTool(env), "-A", "samba", "--nobackup");

        assertEquals(3, refused.exit(), refused.toString());
        assertTrue(refused.errLines().get(0).endsWith("The configuration file for this application has been "
                + "altered"), refused.err());
        assertTrue(refused.err().contains("(--nochecksums removes it anyway.)"), refused.err());

        Run forced = run(new ClremoveappTool(env), "-A", "samba", "--nobackup", "--nochecksums");

        assertEquals(0, forced.exit(), forced.toString());
    }

    @Test
    void aBackupDirectoryIsRequiredUnlessNoBackupIsGiven() {
        Run run = run(new ClremoveappTool(env), "-A", "samba");

        assertEquals(2, run.exit(), run.toString());
        assertEquals("ERROR " + STAMP + " --backupdir DIR is required unless --nobackup is given: the configuration "
                + "of samba is archived to DIR/samba-<date>.tar.gz on both nodes before it is removed.\n", run.err());
        assertEquals(List.of(), runner.commands());
    }

    @Test
    void helpListsTheOptionsAndVIsVerbose() {
        Run help = run(new ClremoveappTool(env), "--help");

        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().contains("-V, --verbose"), help.out());
        assertTrue(help.out().contains("--backupdir=DIR"), help.out());
    }
}
