package net.linuxha.lems.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.RemoteShell;

/**
 * Whether a TCP port is free for a Lems to listen on: here by trying to bind it, on the other node by asking
 * {@code ss} over ssh (or, where ss is missing, by connecting to it with bash's /dev/tcp).
 */
public final class PortProbe {

    /** Prints the listening sockets on port $1; empty output means none. */
    static final String REMOTE_SCRIPT = "if command -v ss >/dev/null 2>&1; then ss -Hltn \"sport = :$1\"; "
            + "else (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && echo \"listening on $1\"; fi; exit 0";
    private static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(20);

    private PortProbe() {
    }

    /** Empty when {@code port} can be bound here; otherwise why not. */
    public static Optional<String> localProblem(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("port " + port + " is in use on this node (" + e.getMessage() + ")");
        }
    }

    /** Empty when nothing listens on {@code port} on the other node; otherwise what does, or why it is unknown. */
    public static Optional<String> remoteProblem(RemoteShell remote, int port) {
        Objects.requireNonNull(remote, "remote");
        CommandResult result = remote.run(Command.of("bash", "-c", REMOTE_SCRIPT, "probe", Integer.toString(port))
                .withTimeout(REMOTE_TIMEOUT));
        if (!result.succeeded()) {
            return Optional.of("cannot check port " + port + " on " + remote.node() + ": "
                    + result.describeFailure() + "; root must reach it with ssh without a password (Appendix C)");
        }
        String listening = result.stdout().strip();
        if (!listening.isEmpty()) {
            return Optional.of("port " + port + " is in use on " + remote.node() + " (" + listening.lines()
                    .findFirst().orElse("") + ")");
        }
        return Optional.empty();
    }
}
