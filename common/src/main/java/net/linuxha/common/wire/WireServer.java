package net.linuxha.common.wire;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon's listening socket: binds the {@link WirePipelineInitializer} on a Netty NIO event loop. Event loop
 * threads are daemon threads; a daemon's main thread waits with {@link #awaitClosed()} if it has nothing else to
 * do. {@link #close()} stops listening, closes connections and ends the threads.
 */
public final class WireServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WireServer.class);
    private static final int EVENT_LOOP_THREADS = 2;

    private final String daemon;
    private final EventLoopGroup group;
    private final Channel channel;

    private WireServer(String daemon, EventLoopGroup group, Channel channel) {
        this.daemon = daemon;
        this.group = group;
        this.channel = channel;
    }

    /**
     * Listens on {@code bind} (port 0 picks a free port) for requests of {@code vocabulary}.
     *
     * @throws IOException naming the address and the daemon when it cannot listen (port in use, bad address)
     */
    public static <R extends Request> WireServer start(InetSocketAddress bind, WireContext context,
                                                       Vocabulary<R> vocabulary, RequestHandler<R> handler)
            throws IOException {
        String daemon = vocabulary.daemon();
        EventLoopGroup group = new NioEventLoopGroup(EVENT_LOOP_THREADS,
                new DefaultThreadFactory("wire-" + daemon.replace(' ', '-'), true));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new WirePipelineInitializer<>(context, ReplayGuard.of(context), vocabulary, handler));
        ChannelFuture bound = bootstrap.bind(bind).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            throw new IOException("The " + daemon + " cannot listen on " + bind + ": " + bound.cause().getMessage()
                    + "; is another one already running, or is the port in clconf.xml taken by something else?",
                    bound.cause());
        }
        LOG.info("The {} listens on {}", daemon, bound.channel().localAddress());
        return new WireServer(daemon, group, bound.channel());
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Blocks until the server has been closed. */
    public void awaitClosed() throws InterruptedException {
        channel.closeFuture().sync();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        LOG.info("The {} stopped listening", daemon);
    }
}
