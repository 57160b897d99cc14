package io.tessera.local.server;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.tessera.core.push.Closing;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/**
 * Caps what a client may send on the local WebSocket as API Gateway caps it: 128 KB per message
 * (frames are capped at 32 KB by the local WebSocket endpoint). Micronaut joins a fragmented
 * message's frames without a limit, so a guard counts them first, in front of the WebSocket
 * handler, and closes the connection with 1009 (message too big, RFC 6455 §7.4.1) before the
 * rest is read into memory. Like API Gateway, the endpoint offers no permessage-deflate
 * (RFC 7692): Micronaut's compression handler inflates frames without a bound, so a small
 * compressed frame could stand for any size.
 */
@Singleton
@Requires(env = "local")
class InboundMessageLimit implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final int MAX_MESSAGE_BYTES = 128 * 1024;
    private static final String GUARD = "tessera-websocket-message-limit";
    /** What Micronaut names the WebSocket compression handler in a request pipeline. */
    private static final String COMPRESSION = "WebSocketServerCompressionHandler";
    /** How long a refused client has to answer the close frame before the connection is dropped. */
    private static final long CLOSE_GRACE_SECONDS = 2;

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** Puts a guard in every request pipeline, right before the handler that a WebSocket handler is later placed before. */
    private record Customizer(@Nullable Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.LISTENER ? this : new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(COMPRESSION) != null) {
                pipeline.remove(COMPRESSION);
            }
            if (pipeline.get(GUARD) == null && pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, GUARD, new Guard());
            }
        }
    }

    /**
     * Counts the bytes of the message being received; passes everything else through untouched.
     * A refused client gets the close frame, then a moment to answer it (its own close frame goes
     * on to Micronaut, which ends the connection) while the rest of its data is dropped.
     */
    private static final class Guard extends ChannelInboundHandlerAdapter {

        private long messageBytes;
        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (!(message instanceof WebSocketFrame frame) || !isDataFrame(frame)) {
                context.fireChannelRead(message);
                return;
            }
            if (refused) {
                ReferenceCountUtil.release(frame);
                return;
            }
            messageBytes = (frame instanceof ContinuationWebSocketFrame ? messageBytes : 0) + frame.content().readableBytes();
            if (messageBytes > MAX_MESSAGE_BYTES) {
                refused = true;
                ReferenceCountUtil.release(frame);
                context.writeAndFlush(new CloseWebSocketFrame(Closing.MESSAGE_TOO_BIG,
                        "Messages are limited to " + MAX_MESSAGE_BYTES / 1024 + " KB."));
                context.executor().schedule(() -> context.close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
                return;
            }
            context.fireChannelRead(frame);
        }

        private static boolean isDataFrame(WebSocketFrame frame) {
            return frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame || frame instanceof ContinuationWebSocketFrame;
        }
    }
}
