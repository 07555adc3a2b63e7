package net.linuxha.cli.checks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Whether something accepts TCP connections at a host and port: how a tool sees that a daemon is running. */
@FunctionalInterface
public interface PortProbe {

    boolean accepting(String host, int port);

    /** A real TCP connect with {@code timeout}; an unresolvable host or refused connection is "not accepting". */
    static PortProbe tcp(Duration timeout) {
        return (host, port) -> {
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                return false;
            }
            try (Socket socket = new Socket()) {
                socket.connect(address, (int) timeout.toMillis());
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }
}
