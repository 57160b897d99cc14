package io.tessera.local.server;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;

import java.util.function.Consumer;

/**
 * A Micronaut {@link NettyServerCustomizer} that applies one change to every connection's stream
 * pipeline once Micronaut has built it: the listener's customizer is specialized for each accepted
 * channel, and the change gets that channel's pipeline.
 */
record StreamPipelineChange(Consumer<ChannelPipeline> change, @Nullable Channel channel) implements NettyServerCustomizer {

    /** @param change what to do to each connection's pipeline, once its handlers are in place */
    static StreamPipelineChange of(Consumer<ChannelPipeline> change) {
        return new StreamPipelineChange(change, null);
    }

    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
        return role == ChannelRole.LISTENER ? this : new StreamPipelineChange(change, channel);
    }

    @Override
    public void onStreamPipelineBuilt() {
        if (channel != null) {
            change.accept(channel.pipeline());
        }
    }
}
