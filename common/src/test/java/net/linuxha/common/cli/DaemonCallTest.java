package net.linuxha.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.wire.ControlRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tools' one request: a daemon that is not there is exit 4 in the Reference's words; one that takes the
 * connection and says nothing is exit 6; an answer is printed as given, flushed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DaemonCallTest {

    private static final WireContext WIRE = WireContext.production(WireKey.derive("daemon-call-test"));

    private static WireContext quick() {
        return WIRE.withSettings(WIRE.settings().withConnectTimeout(Duration.ofSeconds(1))
                .withRequestTimeout(Duration.ofMillis(500)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void nothingListeningIsNotRunning() throws Exception {
        WireClient daemon = new WireClient(new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort()),
                "lock daemon", quick());
        ToolException e = assertThrows(ToolException.class, () -> DaemonCall.send(daemon, new ControlRequest.Echo()));
        assertEquals(ExitCode.NOT_RUNNING, e.exitCode());
        assertTrue(e.getMessage().startsWith("Unable to contact lock daemon.\n"), e.getMessage());
    }

    @Test
    void aSilentDaemonIsNoAnswer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            WireClient daemon = new WireClient((InetSocketAddress) silent.getLocalSocketAddress(), "lock daemon",
                    quick());
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(5000);
                } catch (IOException | InterruptedException done) {
                    // the test is over
                }
            });
            acceptor.start();
            ToolException e = assertThrows(ToolException.class, () -> DaemonCall.send(daemon, "ECHO"));
            assertEquals(ExitCode.NO_ANSWER, e.exitCode(), e.getMessage());
            acceptor.interrupt();
        }
    }

    @Test
    void anAnswerIsPrintedAsGiven() {
        StringWriter out = new StringWriter();
        DaemonCall.print(new PrintWriter(out), Reply.of("public,eth0,up\nprivate,eth1,up\n"));
        assertEquals("public,eth0,up\nprivate,eth1,up" + System.lineSeparator(), out.toString());
    }
}
