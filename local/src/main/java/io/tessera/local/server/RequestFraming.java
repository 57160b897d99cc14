package io.tessera.local.server;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Refuses requests whose framing two HTTP parsers could read differently (RFC 9112 §6.1): a
 * {@code Transfer-Encoding} other than exactly {@code chunked}, or one together with a
 * {@code Content-Length}. Netty would read such a body by its length and take what follows as
 * the next request, the first step of request smuggling. The request gets a 400 problem and the
 * connection is closed, so nothing after it on the connection is read. In AWS, API Gateway parses
 * requests before Tessera sees them; this guards the local server.
 */
@Singleton
@Requires(env = "local")
class RequestFraming implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final String GUARD = "tessera-request-framing";
    private static final String PROBLEM = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"The request's framing is ambiguous: send Transfer-Encoding: chunked without Content-Length, or Content-Length alone."}""";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(StreamPipelineChange.of(RequestFraming::addGuard));
        return event.getBean();
    }

    private static void addGuard(ChannelPipeline pipeline) {
        if (pipeline.get(GUARD) == null && pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
            pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, GUARD, new Guard());
        }
    }

    private static final class Guard extends ChannelInboundHandlerAdapter {

        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (refused) {
                ReferenceCountUtil.release(message);
                return;
            }
            if (message instanceof HttpRequest request && isAmbiguous(request)) {
                refused = true;
                ReferenceCountUtil.release(message);
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                        Unpooled.copiedBuffer(PROBLEM, StandardCharsets.UTF_8));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            context.fireChannelRead(message);
        }

        private static boolean isAmbiguous(HttpRequest request) {
            List<String> encodings = request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
            if (encodings.isEmpty()) {
                return false;
            }
            return encodings.size() > 1 || !HttpHeaderValues.CHUNKED.contentEqualsIgnoreCase(encodings.getFirst().strip())
                    || request.headers().contains(HttpHeaderNames.CONTENT_LENGTH);
        }
    }
}
