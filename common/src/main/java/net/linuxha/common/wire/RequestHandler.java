package net.linuxha.common.wire;

import java.net.SocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * What a daemon plugs into the wire server: given a verified, typed request, the answer. The wire layer decides
 * nothing about HA; a handler may answer at once ({@code CompletableFuture.completedFuture}) or later.
 *
 * <p>Called on a Netty event loop thread: a handler must not block; slow work goes to the daemon's own executor
 * and completes the stage from there. A handler that throws or fails its stage makes the client get
 * {@code ERROR internal error ...}, and the failure is logged.
 */
@FunctionalInterface
public interface RequestHandler<R extends Request> {

    CompletionStage<Reply> handle(R request, SocketAddress peer);

    /**
     * The connection from {@code peer} closed (either side, or it broke). Called on the connection's event loop
     * after every request it carried was handed to {@link #handle}; must not block. A daemon that ties state to a
     * connection (the lock daemon: a holder's locks die with its connection) drops it here.
     */
    default void connectionClosed(SocketAddress peer) {
    }
}
