package net.linuxha.common.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Frames answers; runs on the channel's event loop, so it may share the channel's codec with the gate. */
final class AnswerEncoder extends MessageToByteEncoder<Answer> {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerEncoder.class);

    private final FrameCodec codec;

    AnswerEncoder(FrameCodec codec) {
        super(Answer.class);
        this.codec = codec;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Answer answer, ByteBuf out) {
        byte[] line;
        try {
            line = codec.encode(FrameKind.ANSWER, answer.nonce(), answer.reply().text());
        } catch (IllegalArgumentException tooLong) {
            LOG.warn("Answer to {} too long, sent an error instead: {}", ctx.channel().remoteAddress(),
                    tooLong.getMessage());
            line = codec.encode(FrameKind.ANSWER, answer.nonce(), "ERROR answer too long: " + tooLong.getMessage()
                    + "; raise maxLineLength on both ends or ask for less (e.g. name one monitor)");
        }
        out.writeBytes(line);
    }
}
