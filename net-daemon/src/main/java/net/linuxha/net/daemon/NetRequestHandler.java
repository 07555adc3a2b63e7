package net.linuxha.net.daemon;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.log.LogControl;
import net.linuxha.common.log.LogRequests;
import net.linuxha.common.wire.ControlRequest;
import net.linuxha.common.wire.NetRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.RequestHandler;

/**
 * The network daemon's side of the wire ({@code clnetdctl}, {@code clnetd --msg}): decodes nothing and decides
 * nothing, it hands each typed request to the daemon's loop or to logging and returns the answer.
 *
 * <ul>
 * <li>{@code REREAD [network=]}, {@code NET_STATUS [network=]}: answered by the decisions on the loop thread.</li>
 * <li>{@code ECHO}: {@code UP}. {@code HELP}: the request names, comma separated.</li>
 * <li>{@code ABORT}: {@code OK}, then the daemon stops (addresses stay where they are).</li>
 * <li>{@code VERBOSE}: {@code OK LOGGING=ON|OFF}. {@code LOGCYCLE count=N}: {@code OK}, on an I/O thread.</li>
 * </ul>
 */
public final class NetRequestHandler implements RequestHandler<NetRequest> {

    private final NetDaemon daemon;
    private final Optional<LogControl> logs;
    private final Executor io;
    private final Runnable abort;

    /**
     * @param logs  the daemon's logging, for VERBOSE and LOGCYCLE; empty when the caller manages logging itself
     * @param io    where blocking work (renaming log files) runs, off the wire's event loop
     * @param abort stops the daemon; run once the ABORT answer has gone out
     */
    public NetRequestHandler(NetDaemon daemon, Optional<LogControl> logs, Executor io, Runnable abort) {
        this.daemon = Objects.requireNonNull(daemon, "daemon");
        this.logs = Objects.requireNonNull(logs, "logs");
        this.io = Objects.requireNonNull(io, "io");
        this.abort = Objects.requireNonNull(abort, "abort");
    }

    @Override
    public CompletionStage<Reply> handle(NetRequest request, SocketAddress peer) {
        if (request instanceof NetRequest.Reread reread) {
            return decide("REREAD", reread.network());
        } else if (request instanceof NetRequest.NetStatus status) {
            return decide("NET_STATUS", status.network());
        } else if (request instanceof ControlRequest.Echo) {
            return done(Reply.of("UP"));
        } else if (request instanceof ControlRequest.Help) {
            return done(Reply.list(List.copyOf(NetRequest.VOCABULARY.keywords())));
        } else if (request instanceof ControlRequest.Abort) {
            // The answer is written after this stage completes; stop a moment later so it reaches the client.
            CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS, io).execute(abort);
            return done(Reply.ok());
        } else if (request instanceof ControlRequest.Verbose verbose) {
            if (logs.isEmpty()) {
                return done(Reply.error("this network daemon's logging is not adjustable"));
            }
            logs.get().setVerbose(verbose.on());
            return done(Reply.of(LogRequests.verboseAnswer(verbose.on())));
        } else if (request instanceof ControlRequest.LogCycle cycle) {
            return CompletableFuture.supplyAsync(() -> cycle(cycle.count()), io);
        }
        return done(Reply.error("the network daemon cannot handle " + request.keyword() + " yet"));
    }

    private CompletionStage<Reply> decide(String verb, Optional<String> network) {
        return daemon.control(verb, network.map(name -> List.of("network=" + name)).orElse(List.of()))
                .thenApply(Reply::of);
    }

    private Reply cycle(int count) {
        if (logs.isEmpty() || logs.get().logFile().isEmpty()) {
            return Reply.error("the network daemon logs to the terminal (--file -): there is no log file to cycle");
        }
        try {
            logs.get().cycle(count);
            return Reply.ok();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return Reply.error("cannot cycle the log " + logs.get().logFile().get() + ": " + e.getMessage());
        }
    }

    private static CompletionStage<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
