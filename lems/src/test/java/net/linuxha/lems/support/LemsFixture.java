package net.linuxha.lems.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.ProcessCommandRunner;

/**
 * A node's files under a temporary root for a real Lems: clconf.xml (mode 600, this host and a node "peernode",
 * free ports), and the application "apache" with a lems.local.xml and a procmon file watching a process this
 * fixture starts. {@link #close()} kills every process it started.
 */
public final class LemsFixture implements AutoCloseable {

    public static final String APPLICATION = "apache";
    public static final String PEER = "peernode";

    public final Path root;
    public final ClusterPaths paths;
    public final int lemsPort;
    public final int clusterPort;
    /** Unique text in the command line of the watched process ({@code exec -a TOKEN sleep}). */
    public final String token;

    public LemsFixture(Path root) throws IOException {
        this.root = root;
        this.paths = ClusterPaths.under(root);
        this.lemsPort = freePort();
        this.clusterPort = freePort();
        this.token = "lemsd-watched-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        writeClconf();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void writeClconf() throws IOException {
        String xml = """
                <?xml version="1.0"?>
                <clconf>
                <global>
                    <name>cluster1</name>
                    <version>0.3</version>
                    <data>replicated</data>
                    <datadetail>drbd</datadetail>
                    <dataprotocol>C</dataprotocol>
                    <logdir>/var/log/cluster</logdir>
                    <key>lemstestkey</key>
                    <port>%d</port>
                    <clport>9849</clport>
                    <portpool>9901,9999</portpool>
                    <maxblockdevs>50</maxblockdevs>
                    <drbd_network>drbd</drbd_network>
                    <echotype>ICMP</echotype>
                </global>
                <timings><keepalive>3</keepalive><warn>7</warn><dead>12</dead><clusterform>300</clusterform></timings>
                <node><name>%s</name><network name="public" cards="eth0"/><network name="drbd" cards="eth2"/></node>
                <node><name>%s</name><network name="public" cards="eth0"/><network name="drbd" cards="eth2"/></node>
                </clconf>
                """.formatted(clusterPort, ClusterSetup.hostName(), PEER);
        Files.createDirectories(paths.configDir());
        Files.writeString(paths.clconf(), xml);
        Files.setPosixFilePermissions(paths.clconf(), PosixFilePermissions.fromString("rw-------"));
    }

    public Path appDir() {
        return paths.applicationDir(APPLICATION);
    }

    public Path procmonFile() {
        return appDir().resolve("httpd.xml");
    }

    public Path restartScript() {
        return appDir().resolve("restart-httpd");
    }

    /**
     * lems.local.xml with {@code httpd} (procmon every 0.5 s), {@code flag_check} and {@code echo} (echo_check 0),
     * and the procmon file allowing {@code restarts} restarts.
     */
    public void writeStandardConfig(int restarts) throws IOException {
        Files.createDirectories(appDir());
        Files.writeString(restartScript(), "#!/bin/bash\nsetsid bash -c 'exec -a " + token + " sleep 300' "
                + "</dev/null >/dev/null 2>&1 &\n");
        Files.setPosixFilePermissions(restartScript(), PosixFilePermissions.fromString("rwxr-xr-x"));
        writeProcmon("<restarts>" + restarts + "</restarts>");
        writeLems(check("httpd", "procmon " + procmonFile(), "0.5", "0 NOP", "1 STOP", "2 FAILOVER")
                + check("flag_check", "flag_check " + APPLICATION, "5", "0 NOP", "1 %RCDATA%", "2 ABORT")
                + check("echo", "echo_check 0", "10", "0 NOP"));
    }

    public void writeProcmon(String restartsElement) throws IOException {
        Files.createDirectories(appDir());
        Files.writeString(procmonFile(), """
                <?xml version="1.0"?>
                <procmon>
                  <global>
                    <logdir>/var/log/cluster</logdir>
                    %s
                    <resetwindow>3600</resetwindow>
                    <restartcmd>%s</restartcmd>
                  </global>
                  <process>
                    <label>Web Server</label>
                    <process_string>%s</process_string>
                    <min_count>1</min_count>
                    <max_count>10</max_count>
                  </process>
                </procmon>
                """.formatted(restartsElement, restartScript(), token));
    }

    /** lems.local.xml with these {@link #check} elements, listening on {@link #lemsPort}. */
    public void writeLems(String checks) throws IOException {
        Files.createDirectories(appDir());
        Files.writeString(paths.lemsConfig(APPLICATION), """
                <?xml version="1.0"?>
                <lems_config>
                  <globals modules="%s" programs="%s" port="%d"/>
                %s</lems_config>
                """.formatted(root.resolve("modules"), root.resolve("programs"), lemsPort, checks));
    }

    /** One check element; actions as "RC ACTION". */
    public static String check(String name, String module, String interval, String... actions) {
        StringBuilder list = new StringBuilder();
        for (String action : actions) {
            int space = action.indexOf(' ');
            list.append("      <action rc=\"").append(action, 0, space).append("\" action=\"")
                    .append(action.substring(space + 1)).append("\"/>\n");
        }
        return "  <check>\n    <name>" + name + "</name>\n    <type>internal</type>\n    <module>" + module
                + "</module>\n    <interval>" + interval + "</interval>\n    <action_list>\n" + list
                + "    </action_list>\n  </check>\n";
    }

    /** Starts the watched process, as the application's start script would. */
    public void startWatchedProcess() {
        Path script = restartScript();
        new ProcessCommandRunner().run(Command.of(script.toString())).orThrow();
    }

    /** The pids of the watched process: command lines that start with {@link #token}. */
    public List<Long> watchedPids() {
        return pids(true);
    }

    /**
     * @param watchedOnly only the watched processes; otherwise also the shells about to become one
     *                    ({@code bash -c 'exec -a TOKEN sleep 300'})
     */
    private List<Long> pids(boolean watchedOnly) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmdline = new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (watchedOnly ? cmdline.startsWith(token) : cmdline.contains(token)) {
                        pids.add(Long.parseLong(name));
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return pids;
    }

    /** KILL to every watched process (the fault the tests inject). */
    public void killWatched() {
        for (long pid : watchedPids()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Kills every process of the fixture, including a restart still on its way, and waits until none is left. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Long> left = pids(false);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            left = pids(false);
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("processes of the test still running: " + left);
        }
    }
}
