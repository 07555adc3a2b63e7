package net.linuxha.common.wire;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one way a server gets rid of bad input: one WARN naming the peer and the reason, then close. */
final class BadInput {

    private static final Logger LOG = LoggerFactory.getLogger(BadInput.class);
    private static final AttributeKey<Boolean> DROPPED = AttributeKey.valueOf("linuxha.wire.dropped");

    private BadInput() {
    }

    /** True once {@link #drop} has run for this channel: anything still buffered on it is ignored unlogged. */
    static boolean dropped(Channel channel) {
        return Boolean.TRUE.equals(channel.attr(DROPPED).get());
    }

    static void drop(Channel channel, String reason) {
        if (channel.attr(DROPPED).setIfAbsent(Boolean.TRUE) == null) {
            LOG.warn("Dropped message from {}: {}; closing the connection", channel.remoteAddress(), reason);
        }
        channel.close();
    }
}
