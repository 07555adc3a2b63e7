package net.linuxha.common.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Whether something accepts connections on a port of this node (loopback): a daemon there is up. */
public final class LocalPort {

    /** A local daemon accepts at once or not at all. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

    private LocalPort() {
    }

    /** True when a connection to {@code 127.0.0.1:port} is accepted. */
    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
