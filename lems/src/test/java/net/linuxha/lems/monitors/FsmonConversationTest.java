package net.linuxha.lems.monitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.DrbdDriver;
import net.linuxha.common.shell.PrefixedCommandRunner;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireServer;
import net.linuxha.lems.daemon.ShellProgramRunner;
import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.support.LemsFixture;
import net.linuxha.lems.support.LogCapture;
import net.linuxha.lems.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * fsmon in conversation with a cldaemon: a real {@link WireServer} on 127.0.0.1 with the cluster vocabulary and key
 * records every request and answers as the test says. The DRBD state comes from the real {@link DrbdDriver} running
 * a {@code drbdsetup} first on its PATH that prints the recorded samples of common's shell tests (lab simulator:
 * in sync, peer not started, split brain StandAlone; no drbd module). Application app01 has one volume,
 * app01vg/docs, resource {@code app01_app01vg_docs}, as in the samples.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FsmonConversationTest {

    private static final String FLAG_SYNC = "FLAG_SYNC app=app01 vg=app01vg lv=docs forward=yes";
    private static final String FLAG_UNSYNC = "FLAG_UNSYNC app=app01 vg=app01vg lv=docs invalid=remote forward=yes";
    private static final String NODE_STATE = "GET_NODE_STATE node=serverb";
    private static final String START_SYNC = "START_SYNC app=app01 vg=app01vg lv=docs";
    private static final String CHECK_SERVER = "CHECK_DRBD app=app01 type=server";
    private static final String START_SERVER = "START_DRBD app=app01 type=server";

    @TempDir
    Path root;

    private Path bin;
    private NetworkNode node;
    private int port;
    private WireServer cldaemon;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final MutableClock clock = MutableClock.at(1_700_000_000L);

    @BeforeEach
    void setUp() throws Exception {
        node = new NetworkNode(root, "eth0");
        Files.createDirectories(node.paths.fsmap("app01").getParent());
        Files.writeString(node.paths.fsmap("app01"), "app01vg:docs:/app01/docs:ext4:rw:40960\n");
        bin = Files.createDirectories(root.resolve("bin"));
        Path script = bin.resolve("drbdsetup");
        Files.writeString(script, """
                #!/bin/sh
                d=$(dirname "$0")
                cat "$d/status.stdout"
                cat "$d/status.stderr" >&2
                exit "$(cat "$d/status.rc")"
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        drbd("drbdsetup-status-sim-primary-insync.json");
        port = LemsFixture.freePort();
    }

    @AfterEach
    void tearDown() {
        if (cldaemon != null) {
            cldaemon.close();
        }
    }

    /** What drbdsetup status --json prints from now on: a recorded sample with exit 0. */
    private void drbd(String sample) throws IOException {
        Files.copy(VolumeHealthTest.SAMPLES.resolve(sample), bin.resolve("status.stdout"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(bin.resolve("status.stderr"), "");
        Files.writeString(bin.resolve("status.rc"), "0");
    }

    private void startClusterDaemon() throws IOException {
        cldaemon = WireServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                node.setup.wireContext(), ClusterRequest.VOCABULARY, (request, peer) -> {
                    received.add(request.format());
                    return CompletableFuture.completedFuture(Reply.of(answers.getOrDefault(request.keyword(), "OK")));
                });
    }

    private Monitor fsmon() throws MonitorCreationException {
        CommandRunner runner = new PrefixedCommandRunner(new ProcessCommandRunner(),
                List.of("env", "PATH=" + bin + ":" + System.getenv("PATH")));
        WireClient client = new WireClient(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                "local cluster daemon", node.setup.wireContext());
        MonitorContext context = node.context("fsmon", clock, new ShellProgramRunner(runner),
                MonitorContext.Services.of(new DrbdDriver(runner, Optional.empty()), client));
        return new Fsmon.Factory().create(List.of("app01"), context);
    }

    /** The requests cldaemon received since the last call. */
    private List<String> taken() {
        List<String> copy = new ArrayList<>(received);
        received.clear();
        return copy;
    }

    @Test
    void flagsAreReportedOnChangesOnlyAndResyncIsAskedWhenThePeerIsBack() throws Exception {
        startClusterDaemon();
        Monitor fsmon = fsmon();
        assertEquals(CheckResult.of(0), fsmon.check());
        assertEquals(List.of(FLAG_SYNC), taken(), "first run reports the state");
        assertEquals(CheckResult.of(0), fsmon.check());
        assertEquals(List.of(), taken(), "nothing changed, nothing sent");
        assertEquals("app01vg/docs,app01_app01vg_docs,in-sync,SYNC", fsmon.detail());

        drbd("drbdsetup-status-sim-disconnected.json");
        assertEquals(CheckResult.of(0), fsmon.check());
        assertEquals(List.of(FLAG_UNSYNC, NODE_STATE), taken(), "peer gone: remote copy stale; DRBD reconnects by "
                + "itself once the peer is back");

        drbd("drbdsetup-status-sim-standalone-primary.json");
        answers.put("GET_NODE_STATE", "DOWN");
        assertEquals(CheckResult.of(0), fsmon.check());
        assertEquals(List.of(NODE_STATE), taken(), "StandAlone but the peer is down: no resync asked");

        answers.put("GET_NODE_STATE", "UP");
        assertEquals(CheckResult.of(Fsmon.RC_RESYNC_REQUESTED, "app01vg/docs"), fsmon.check());
        assertEquals(List.of(NODE_STATE, START_SYNC), taken(), "the peer is back and DRBD will not reconnect");
        assertEquals(CheckResult.of(0), fsmon.check());
        assertEquals(List.of(NODE_STATE), taken(), "not asked again within 60 s");

        clock.advance(Duration.ofSeconds(Fsmon.SYNC_RETRY_SECONDS));
        answers.put("START_SYNC", "NO_METHODS");
        assertEquals(CheckResult.of(0), fsmon.check());
        assertEquals(List.of(NODE_STATE, START_SYNC + " attempt=1"), taken(), "the next method");
        clock.advance(Duration.ofSeconds(Fsmon.SYNC_RETRY_SECONDS));
        fsmon.check();
        assertEquals(List.of(NODE_STATE), taken(), "no methods left: not asked again");

        drbd("drbdsetup-status-sim-primary-insync.json");
        assertEquals(CheckResult.of(0), fsmon.check());
        assertEquals(List.of(FLAG_SYNC), taken());

        assertEquals("OK every flag is reported again at the next run", fsmon.accept("RESET").replyText());
        fsmon.check();
        assertEquals(List.of(FLAG_SYNC), taken());
    }

    @Test
    void aRejoinedPeerIsAskedToStartItsDrbdResources() throws Exception {
        startClusterDaemon();
        drbd("drbdsetup-status-sim-disconnected.json");
        Monitor fsmon = fsmon();
        answers.put("GET_NODE_STATE", "DOWN");
        assertEquals(CheckResult.of(0), fsmon.check());
        assertEquals(List.of(FLAG_UNSYNC, NODE_STATE), taken(), "the peer is down: nothing to start");

        answers.put("GET_NODE_STATE", "UP");
        answers.put("CHECK_DRBD", "NOT_OK");
        assertEquals(CheckResult.of(Fsmon.RC_RESYNC_REQUESTED, "app01vg/docs"), fsmon.check());
        assertEquals(List.of(NODE_STATE, CHECK_SERVER, START_SERVER), taken(),
                "the peer rejoined without its DRBD resources: it is asked to start them");
        assertEquals(CheckResult.of(0), fsmon.check());
        assertEquals(List.of(NODE_STATE, CHECK_SERVER), taken(), "not asked to start again within 60 s");
        clock.advance(Duration.ofSeconds(Fsmon.SYNC_RETRY_SECONDS));
        assertEquals(CheckResult.of(Fsmon.RC_RESYNC_REQUESTED, "app01vg/docs"), fsmon.check());
        assertEquals(List.of(NODE_STATE, CHECK_SERVER, START_SERVER), taken(), "asked again after 60 s");

        clock.advance(Duration.ofSeconds(Fsmon.SYNC_RETRY_SECONDS));
        answers.put("CHECK_DRBD", "OK");
        assertEquals(CheckResult.of(0), fsmon.check());
        assertEquals(List.of(NODE_STATE, CHECK_SERVER), taken(), "its resources run: DRBD connects by itself");
    }

    @Test
    void anUnreachableClusterDaemonPausesReportsWithOneLogLine() throws Exception {
        drbd("drbdsetup-status-sim-disconnected.json");
        Monitor fsmon = fsmon();
        try (LogCapture log = new LogCapture(Fsmon.class)) {
            assertEquals(CheckResult.of(Fsmon.RC_CLDAEMON_UNREACHABLE, "cldaemon"), fsmon.check());
            assertEquals(CheckResult.of(Fsmon.RC_CLDAEMON_UNREACHABLE, "cldaemon"), fsmon.check());
            assertTrue(fsmon.detail().endsWith("cldaemon=unreachable"), fsmon.detail());
            List<String> lines = log.messages();
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("Unable to contact local cluster daemon.")
                    && lines.get(0).contains("no sync reports until it answers again"), lines.get(0));

            startClusterDaemon();
            assertEquals(CheckResult.of(0), fsmon.check());
            assertEquals(List.of(FLAG_UNSYNC, NODE_STATE), taken(), "the report held back is made now");
            assertTrue(log.messages().get(1).contains("answers again"), log.messages().toString());
        }
    }

    @Test
    void aRefusedReportIsTriedAgainAndLoggedOnce() throws Exception {
        startClusterDaemon();
        answers.put("FLAG_SYNC", "NOT_REGISTERED");
        Monitor fsmon = fsmon();
        try (LogCapture log = new LogCapture(Fsmon.class)) {
            fsmon.check();
            fsmon.check();
            assertEquals(List.of(FLAG_SYNC, FLAG_SYNC), taken());
            assertEquals(1, log.messages().size(), log.messages().toString());
            assertTrue(log.messages().get(0).contains("NOT_REGISTERED"), log.messages().get(0));
        }
        answers.remove("FLAG_SYNC");
        fsmon.check();
        fsmon.check();
        assertEquals(List.of(FLAG_SYNC), taken());
    }

    @Test
    void withoutTheDrbdModuleFsmonStops() throws Exception {
        Path samples = VolumeHealthTest.SAMPLES;
        Files.copy(samples.resolve("drbdsetup-status-nomodule.stdout"), bin.resolve("status.stdout"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(samples.resolve("drbdsetup-status-nomodule.stderr"), bin.resolve("status.stderr"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(bin.resolve("status.rc"), "20");
        Monitor fsmon = fsmon();
        assertEquals(CheckResult.of(Fsmon.RC_CANNOT_READ_DRBD, "drbdsetup"), fsmon.check());
        assertEquals("drbd=unreadable", fsmon.detail());
    }

    @Test
    void anApplicationWithoutFsmapIsRefusedNamingTheFix() {
        MonitorCreationException e = assertThrows(MonitorCreationException.class, () -> new Fsmon.Factory()
                .create(List.of("nosuchapp"), node.context("fsmon", clock, new ShellProgramRunner(
                        new ProcessCommandRunner()), MonitorContext.Services.none())));
        assertTrue(e.getMessage().contains("clbuildapp"), e.getMessage());
    }
}
