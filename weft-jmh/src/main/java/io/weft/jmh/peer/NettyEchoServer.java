package io.weft.jmh.peer;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;

/**
 * A plain Netty 4.2 echo server, the reference Weft's echo is measured against. Benchmark peer only.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp weft-jmh/target/benchmarks.jar \
 *     io.weft.jmh.peer.NettyEchoServer [--host 127.0.0.1] [--port 7001] [--transport epoll|nio] [--threads 1]
 * </pre>
 *
 * <p>Written the way Netty's own examples are: one event loop group accepts and serves, TCP_NODELAY,
 * each received buffer is written straight back and flushed once per read batch. Reading pauses while
 * the outbound buffer is over its high-water mark, so a client that does not read cannot exhaust memory.
 * Prints one line once bound ("netty echo listening on PORT (epoll)"), then runs until killed.
 */
public final class NettyEchoServer {

    private NettyEchoServer() {
    }

    record Options(String host, int port, String transport, int threads) {

        static Options parse(String[] args) {
            String host = "127.0.0.1";
            int port = 7001;
            String transport = "epoll";
            int threads = 1;
            for (int i = 0; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : usage("missing value for " + args[i]);
                switch (args[i]) {
                    case "--host" -> host = value;
                    case "--port" -> port = Integer.parseInt(value);
                    case "--transport" -> transport = value;
                    case "--threads" -> threads = Integer.parseInt(value);
                    default -> usage("unknown option " + args[i]);
                }
            }
            if (!transport.equals("epoll") && !transport.equals("nio")) {
                usage("--transport must be epoll or nio, was " + transport);
            }
            return new Options(host, port, transport, threads);
        }

        private static String usage(String problem) {
            System.err.println(problem);
            System.err.println("usage: NettyEchoServer [--host ADDR] [--port N] [--transport epoll|nio] [--threads N]");
            System.exit(2);
            return null;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.parse(args);
        boolean epoll = options.transport().equals("epoll");
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(options.threads(), io);
        try {
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new EchoHandler())
                    .bind(options.host(), options.port())
                    .sync()
                    .channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            System.out.println("netty echo listening on " + port + " (" + options.transport() + ")");
            server.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }

    /** Stateless, so one instance serves every connection. */
    @Sharable
    static final class EchoHandler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg, ctx.voidPromise());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            ctx.channel().config().setAutoRead(ctx.channel().isWritable());
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
