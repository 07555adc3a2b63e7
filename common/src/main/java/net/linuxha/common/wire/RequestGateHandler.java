package net.linuxha.common.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipeline stage after line framing: runs the {@link RequestGate} on each line and passes on only verified
 * {@link Frame}s. Any failure, including an over-long line, drops the connection through {@link BadInput}.
 */
final class RequestGateHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGateHandler.class);

    private final RequestGate gate;

    RequestGateHandler(RequestGate gate) {
        this.gate = gate;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf line = (ByteBuf) msg;
        try {
            if (BadInput.dropped(ctx.channel())) {
                return;
            }
            FrameResult result = gate.check(ByteBufUtil.getBytes(line));
            if (result instanceof FrameResult.Accepted accepted) {
                ctx.fireChannelRead(accepted.frame());
            } else {
                BadInput.drop(ctx.channel(), ((FrameResult.Rejected) result).describe());
            }
        } finally {
            line.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            BadInput.drop(ctx.channel(), RejectReason.TOO_LONG + " (" + cause.getMessage() + "): "
                    + RejectReason.TOO_LONG.explanation());
        } else if (cause instanceof IOException) {
            // A peer that resets its connection is not bad input.
            LOG.debug("Connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        } else {
            BadInput.drop(ctx.channel(), "unexpected " + cause);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            LOG.debug("Closing idle connection from {}", ctx.channel().remoteAddress());
            ctx.close();
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }
}
