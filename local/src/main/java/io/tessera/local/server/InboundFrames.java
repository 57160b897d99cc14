package io.tessera.local.server;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.tessera.core.push.Closing;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/**
 * What the local WebSocket accepts from a client, as API Gateway does, checked in front of the
 * WebSocket handler:
 * <ul>
 *   <li>messages of at most 128 KB (frames are capped at 32 KB by the local WebSocket endpoint):
 *       Micronaut joins a fragmented message's frames without a limit, so they are counted first,
 *       and the connection is closed with 1009 (message too big, RFC 6455 §7.4.1) before the rest
 *       is read into memory;</li>
 *   <li>no reserved bits (RSV1-3) set, as no extension was negotiated: 1002 (protocol error, §5.2);</li>
 *   <li>text that is valid UTF-8, across fragments too: 1007 (§8.1), by Netty's own validator;</li>
 *   <li>no permessage-deflate (RFC 7692), like API Gateway: Micronaut's compression handler inflates
 *       frames without a bound, so a small compressed frame could stand for any size.</li>
 * </ul>
 */
@Singleton
@Requires(env = "local")
class InboundFrames implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final int MAX_MESSAGE_BYTES = 128 * 1024;
    private static final String GUARD = "tessera-websocket-inbound-frames";
    private static final String UTF8_VALIDATOR = "tessera-websocket-utf8";
    /** What Micronaut names the WebSocket compression handler in a request pipeline. */
    private static final String COMPRESSION = "WebSocketServerCompressionHandler";
    /** How long a refused client has to answer the close frame before the connection is dropped. */
    private static final long CLOSE_GRACE_SECONDS = 2;

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(StreamPipelineChange.of(InboundFrames::addGuard));
        return event.getBean();
    }

    /** Puts a guard in every request pipeline, right before the handler that a WebSocket handler is later placed before. */
    private static void addGuard(ChannelPipeline pipeline) {
        if (pipeline.get(COMPRESSION) != null) {
            pipeline.remove(COMPRESSION);
        }
        if (pipeline.get(GUARD) == null && pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null) {
            pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, GUARD, new Guard());
            pipeline.addBefore(GUARD, UTF8_VALIDATOR, new Utf8FrameValidator(true));
        }
    }

    /**
     * Checks the reserved bits and counts the bytes of the message being received; passes
     * everything else through untouched. A refused client gets the close frame, then a moment to
     * answer it (its own close frame goes on to Micronaut, which ends the connection) while the
     * rest of its data is dropped.
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
            if (frame.rsv() != 0) {
                refuse(context, frame, WebSocketCloseStatus.PROTOCOL_ERROR.code(), "No extension was negotiated; reserved bits must be 0.");
                return;
            }
            messageBytes = (frame instanceof ContinuationWebSocketFrame ? messageBytes : 0) + frame.content().readableBytes();
            if (messageBytes > MAX_MESSAGE_BYTES) {
                refuse(context, frame, Closing.MESSAGE_TOO_BIG, "Messages are limited to " + MAX_MESSAGE_BYTES / 1024 + " KB.");
                return;
            }
            context.fireChannelRead(frame);
        }

        /** Netty's UTF-8 validator, in front, has already closed the connection with 1007: a client's fault, not an error. */
        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            if (cause instanceof CorruptedWebSocketFrameException) {
                return;
            }
            context.fireExceptionCaught(cause);
        }

        private void refuse(ChannelHandlerContext context, WebSocketFrame frame, int code, String reason) {
            refused = true;
            ReferenceCountUtil.release(frame);
            context.writeAndFlush(new CloseWebSocketFrame(code, reason));
            context.executor().schedule(() -> context.close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
        }

        private static boolean isDataFrame(WebSocketFrame frame) {
            return frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame || frame instanceof ContinuationWebSocketFrame;
        }
    }
}
