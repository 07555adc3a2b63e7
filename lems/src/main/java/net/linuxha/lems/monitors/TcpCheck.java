package net.linuxha.lems.monitors;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import net.linuxha.lems.model.Seconds;
import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.spi.MonitorFactory;

/**
 * {@code tcp_check host:port [seconds]}: a test transaction of the simplest kind (Reference 21.2.4): return code 0
 * when a TCP connection to the address is accepted within the timeout (default 5 seconds), 1 otherwise with RCDATA
 * {@code host:port}. IPv6 addresses go in brackets: {@code [::1]:80}. Detail: {@code host:port,OK} or
 * {@code host:port,FAILED reason}.
 */
public final class TcpCheck implements Monitor {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final String host;
    private final int port;
    private final Duration timeout;
    private volatile String last = "not checked yet";

    TcpCheck(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public CheckResult check() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            last = "OK";
            return CheckResult.of(0);
        } catch (IOException e) {
            last = "FAILED " + e.getMessage();
            return CheckResult.of(1, target());
        }
    }

    @Override
    public String detail() {
        return target() + "," + last;
    }

    private String target() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Makes {@code tcp_check} monitors. */
    public static final class Factory implements MonitorFactory {
        @Override
        public String moduleName() {
            return "tcp_check";
        }

        @Override
        public Monitor create(List<String> arguments, MonitorContext context) throws MonitorCreationException {
            if (arguments.isEmpty() || arguments.size() > 2) {
                throw new MonitorCreationException("tcp_check needs host:port and optionally a timeout in "
                        + "seconds, e.g. tcp_check 192.168.0.102:80 5");
            }
            String target = arguments.get(0);
            int colon = target.lastIndexOf(':');
            if (colon <= 0) {
                throw new MonitorCreationException("tcp_check target '" + target + "' is not host:port");
            }
            String host = target.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(target.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65_535) {
                throw new MonitorCreationException("tcp_check port in '" + target + "' must be 1 to 65535");
            }
            Duration timeout = DEFAULT_TIMEOUT;
            if (arguments.size() == 2) {
                try {
                    timeout = Seconds.parse(arguments.get(1), "the tcp_check timeout");
                } catch (IllegalArgumentException e) {
                    throw new MonitorCreationException(e.getMessage(), e);
                }
            }
            return new TcpCheck(host, port, timeout);
        }
    }
}
