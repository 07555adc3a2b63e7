package net.linuxha.cluster.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conversation tests (after ZooKeeper's Zab1_0Test): one real cluster daemon on 127.0.0.1, formed alone with
 * --force after a 1 s clusterform (nothing answers as nodeb), and the test speaks the wire protocol to it request
 * by request, checking the answers of 25.4 and the application registry: a validated application whose service
 * address this host holds (127.0.0.1) is rediscovered STARTED here (21.5); one without a validated build is not
 * registered; the request dispatcher keeps answering after garbage and forged messages.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FormedAloneConversationTest {

    @TempDir
    static Path root;
    private static TestNode node;

    @BeforeAll
    static void formAlone() throws Exception {
        node = new TestNode(root, 1);
        node.application("held", "127.0.0.1", true);
        node.application("web", "127.0.0.77", false, "held");
        Files.createDirectories(node.paths.applicationDir("unbuilt"));
        Files.writeString(node.paths.appconf("unbuilt"), "<appconf/>");
        node.start(false, true);
        assertTrue(node.awaitAnswer("ECHO check=y", "UP", Duration.ofSeconds(20)),
                () -> "not formed alone in time; log:\n" + logText());
        assertTrue(awaitRegistered(), () -> "applications not registered; log:\n" + logText());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static String logText() {
        try {
            return node.logText();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static boolean awaitRegistered() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (node.send("APP_LIST").text().equals("held,web")) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static String ask(String request) throws Exception {
        return node.send(request).text();
    }

    @Test
    void formingAloneNeedsForceAndIsLogged() throws Exception {
        assertTrue(logText().contains("forming a one-node cluster since --force was given"), logText());
        assertTrue(logText().contains("Started local server on port " + node.port), logText());
        assertEquals("UP", ask("GET_NODE_STATE node=nodea"));
        assertEquals("DOWN", ask("GET_NODE_STATE node=nodeb"));
        assertTrue(ask("GET_NODE_STATE node=other").startsWith("ERROR"));
    }

    @Test
    void timeIsThisNodesUnixTime() throws Exception {
        long answer = Long.parseLong(ask("TIME"));
        assertTrue(Math.abs(answer - Instant.now().getEpochSecond()) <= 2, "TIME " + answer);
    }

    @Test
    void registryHoldsOnlyValidatedBuildsAndRediscoversRunningApplications() throws Exception {
        assertEquals("held,web", ask("APP_LIST"));
        assertTrue(logText().contains("No validated build for unbuilt - not registering with cluster"), logText());
        String held = ask("APP_STATUS app=held failoverinfo=yes nodeinfo=yes");
        assertTrue(held.startsWith("STARTED,nodea,0,"), held);
        assertTrue(held.endsWith(",0,No,nodea+nodeb"), "no fail-over while nodeb is out: " + held);
        assertEquals("DOWN,N/A,0,0,0", ask("APP_STATUS app=web"));
        assertEquals("NOT_REGISTERED", ask("APP_STATUS app=unbuilt"));
        assertTrue(ask("APP_STATUS").startsWith("MISSING_ARG"), "app= is required");
        assertEquals("OK held", ask("AUTOSTARTLIST"));
        assertEquals("OK held", ask("DEPENDS_ON app=web"));
        assertEquals("ERROR_NO_APP", ask("DEPENDS_ON app=nothing"));
        assertEquals("OK nodea", ask("PNODE app=web"));
    }

    @Test
    void checksumAnswersTheRecordedBuild() throws Exception {
        String md5 = Files.readString(node.paths.applicationBuildChecksum("web")).split("\\s+")[0];
        assertEquals(md5, ask("CHECKSUM app=web"));
        assertEquals("NO_SUCH_FILE", ask("CHECKSUM app=unbuilt"));
        assertEquals("NO_SUCH_APP", ask("CHECKSUM app=none"));
        assertTrue(ask("CHECKSUM").startsWith("MISSING_ARG"));
    }

    @Test
    void validNodesAreSetCheckedAndReset() throws Exception {
        assertEquals("OK nodea,nodeb", ask("GETVALIDNODES app=web"));
        assertEquals("OK", ask("SETVALIDNODES app=web nodes=nodeb"));
        assertEquals("NO", ask("ISVALID app=web"));
        assertEquals("INVALID_NODE", ask("START_APP app=web"), "a node not valid does not start it");
        assertTrue(ask("SETVALIDNODES app=web nodes=nodez").startsWith("ERROR"));
        assertEquals("OK", ask("SETVALIDNODES app=web"));
        assertEquals("YES", ask("ISVALID app=web"));
        assertEquals("NOT_REGISTERED", ask("ISVALID app=none"));
    }

    @Test
    void stateReportsOfTheToolsMoveTheApplication() throws Exception {
        assertEquals("NOT_RUNNING", ask("STOP_APP app=web"), "STOP_APP works only where it runs");
        assertEquals("OK", ask("STARTING_APP app=web node=nodea"));
        assertEquals("ALREADY_STARTING", ask("STARTING_APP app=web node=nodeb"));
        assertEquals("OK", ask("STARTED_APP app=web"));
        assertTrue(ask("APP_STATUS app=web").startsWith("STARTED,nodea,0,"));
        assertEquals("ALREADY_STARTED", ask("STARTING_APP app=web node=nodea"));
        assertEquals("ALREADY_STARTED", ask("START_APP app=web"));
        assertEquals("OK", ask("STOPPING_APP app=web"));
        assertTrue(ask("APP_STATUS app=web").startsWith("STOPPING,nodea,"));
        assertEquals("OK", ask("STOPPED_APP app=web"));
        assertEquals("DOWN,N/A,0,0,0", ask("APP_STATUS app=web"));
        assertEquals("NOT_REGISTERED", ask("STARTED_APP app=none"));
    }

    @Test
    void startAppWithoutTheApplicationToolsFailsClearlyAndLeavesItDown() throws Exception {
        assertEquals("OK", ask("START_APP app=web"));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!ask("APP_STATUS app=web").startsWith("DOWN") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(ask("APP_STATUS app=web").startsWith("DOWN"));
        assertTrue(logText().contains("clstartapp is not part of this build of linuxha"), logText());
    }

    @Test
    void staleFlagsAreCreatedAndRemoved() throws Exception {
        Path status = node.paths.configDir().resolve(".status/web");
        assertEquals("OK", ask("FLAG_UNSYNC app=web vg=app01vg lv=docs invalid=local"));
        assertTrue(Files.exists(status.resolve("app01vg.docs.nodea.STALE")));
        assertTrue(ask("APP_STATUS app=web").endsWith(",1"), "consistency counts the flag");
        assertEquals("OK", ask("FLAG_SYNC app=web vg=app01vg lv=docs valid=local"));
        assertFalse(Files.exists(status.resolve("app01vg.docs.nodea.STALE")));
        assertEquals("NOT_REGISTERED", ask("FLAG_SYNC app=none vg=a lv=b"));
    }

    @Test
    void deregisterAndRegisterAgain() throws Exception {
        node.application("extra", "127.0.0.78", false);
        assertEquals("OK", ask("REG_APP app=extra"));
        assertTrue(ask("APP_LIST").contains("extra"));
        assertEquals("OK", ask("DEREG_APP app=extra"));
        assertEquals("NOT_REGISTERED", ask("DEREG_APP app=extra"));
        assertEquals("MISSING_FILE", ask("REG_APP app=none"));
        assertEquals("NOT_CONFIGURED", ask("REG_APP app=unbuilt"));
    }

    @Test
    void housekeepingRequests() throws Exception {
        List<String> help = node.send("HELP").fields();
        assertTrue(help.contains("ECHO") && help.contains("NETWORK_FAILED") && help.size() == 37, help.toString());
        assertTrue(ask("LOADAVERAGE").matches("[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+/[0-9]+"));
        assertEquals("OK LOGGING=OFF", ask("VERBOSE off=true"));
        assertEquals("OK LOGGING=ON", ask("VERBOSE on=true"));
        assertEquals("OK", ask("LOGCYCLE count=2"));
        assertTrue(Files.exists(Path.of(node.log + ".000")));
        assertTrue(ask("NO_SUCH_REQUEST").startsWith("ERROR"));
    }

    @Test
    void garbageAndForgedMessagesChangeNothingAndTheDaemonKeepsAnswering() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", node.port), 1000);
            OutputStream out = s.getOutputStream();
            for (int i = 0; i < 200; i++) {
                out.write(("garbage line " + i + " zz%%\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (java.io.IOException closedByDaemon) {
            // The daemon drops the connection at the first bad line: that is the point.
        }
        WireContext real = node.wire();
        WireContext forged = new WireContext(WireKey.derive("not-the-key"), real.settings(), real.clock(),
                real.random());
        Exception refused = null;
        try {
            new WireClient(new InetSocketAddress("127.0.0.1", node.port), "test", forged).send("ABORT");
        } catch (Exception e) {
            refused = e;
        }
        assertTrue(refused != null, "a message under another key is not answered");
        assertEquals("UP", ask("ECHO"));
        assertEquals("held,web", ask("APP_LIST").replace(",extra", ""));
    }

    @Test
    void requestsAreAnsweredInOrderUnderLoad() throws Exception {
        for (int i = 0; i < 50; i++) {
            Reply r = node.send("ECHO check=y");
            assertEquals("UP", r.text());
        }
    }
}
