package net.linuxha.common.wire;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The one pipeline every daemon serves: idle timeout, line framing with the length limit, the request gate (hex,
 * decrypt, digest, kind, timestamp, replay), answer framing, then the vocabulary and the daemon's handler.
 *
 * <pre>
 *  socket -&gt; idle -&gt; lines -&gt; gate -&gt; [answers] -&gt; dispatch -&gt; RequestHandler (daemon)
 *                                      ^ outbound: Answer -&gt; hex line
 * </pre>
 */
public final class WirePipelineInitializer<R extends Request> extends ChannelInitializer<Channel> {

    private final WireContext context;
    private final ReplayGuard replayGuard;
    private final Vocabulary<R> vocabulary;
    private final RequestHandler<R> handler;

    /** @param replayGuard shared by all connections of one server, so a replay on a new connection is caught */
    public WirePipelineInitializer(WireContext context, ReplayGuard replayGuard, Vocabulary<R> vocabulary,
                                   RequestHandler<R> handler) {
        this.context = context;
        this.replayGuard = replayGuard;
        this.vocabulary = vocabulary;
        this.handler = handler;
    }

    @Override
    protected void initChannel(Channel channel) {
        FrameCodec codec = context.newCodec();
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("idle", new IdleStateHandler(0, 0, context.settings().idleTimeout().toMillis(),
                TimeUnit.MILLISECONDS));
        pipeline.addLast("lines", new LineBasedFrameDecoder(context.settings().maxLineLength(), true, true));
        pipeline.addLast("gate", new RequestGateHandler(new RequestGate(codec, replayGuard)));
        pipeline.addLast("answers", new AnswerEncoder(codec));
        pipeline.addLast("dispatch", new RequestDispatcher<>(vocabulary, handler));
    }
}
