package net.linuxha.common.wire;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last pipeline stage: reads a verified frame against the daemon's vocabulary and hands the typed request to the
 * daemon's {@link RequestHandler}; writes its reply back. A request the vocabulary does not accept comes from a
 * peer that holds the key, so it is answered ({@code MISSING_ARG ...} or {@code ERROR ...} with the syntax) and
 * logged once, and the connection stays open.
 */
final class RequestDispatcher<R extends Request> extends SimpleChannelInboundHandler<Frame> {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private final Vocabulary<R> vocabulary;
    private final RequestHandler<R> handler;

    RequestDispatcher(Vocabulary<R> vocabulary, RequestHandler<R> handler) {
        super(Frame.class);
        this.vocabulary = vocabulary;
        this.handler = handler;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
        SocketAddress peer = ctx.channel().remoteAddress();
        ParseResult<R> parsed = vocabulary.parse(frame.body());
        if (parsed instanceof ParseResult.Failed<R> failed) {
            LOG.warn("Refused request from {}: {}", peer, failed.error());
            ctx.writeAndFlush(new Answer(frame.nonce(), failed.error().toReply()));
            return;
        }
        R request = ((ParseResult.Parsed<R>) parsed).request();
        CompletionStage<Reply> stage;
        try {
            stage = handler.handle(request, peer);
            if (stage == null) {
                stage = CompletableFuture.failedFuture(new IllegalStateException("handler returned no answer"));
            }
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((reply, error) -> {
            Reply out = reply;
            if (error != null || reply == null) {
                Throwable cause = error != null ? error : new IllegalStateException("handler answered null");
                LOG.error("The {} failed to handle {} from {}", vocabulary.daemon(), request.keyword(), peer, cause);
                out = Reply.error("internal error in the " + vocabulary.daemon() + " handling "
                        + request.keyword() + ": " + cause + "; see its log");
            }
            ctx.writeAndFlush(new Answer(frame.nonce(), out));
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        try {
            handler.connectionClosed(ctx.channel().remoteAddress());
        } catch (RuntimeException e) {
            LOG.error("The {} failed to note the close of the connection from {}", vocabulary.daemon(),
                    ctx.channel().remoteAddress(), e);
        }
        super.channelInactive(ctx);
    }
}
