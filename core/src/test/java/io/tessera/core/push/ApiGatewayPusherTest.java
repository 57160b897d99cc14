package io.tessera.core.push;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiServiceClientConfiguration;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.DeleteConnectionRequest;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.DeleteConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PostToConnectionRequest;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PostToConnectionResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulator never answers 410, so the AWS push path's handling of gone clients is proved here. */
class ApiGatewayPusherTest {

    /** The Management API as AWS behaves: connections in {@code gone} answer 410. */
    private static final class ManagementApi implements ApiGatewayManagementApiClient {
        private final List<String> gone;
        private final List<String> posted = Collections.synchronizedList(new ArrayList<>());
        private final List<String> deleted = new ArrayList<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger mostInFlight = new AtomicInteger();
        private long answerAfterMillis;
        /** What the service answers instead of GoneException for gone connections, if set. */
        private ApiGatewayManagementApiException goneAs;

        ManagementApi(List<String> gone) {
            this.gone = gone;
        }

        @Override
        public PostToConnectionResponse postToConnection(PostToConnectionRequest request) {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(answerAfterMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            if (gone.contains(request.connectionId())) {
                throw goneAs != null ? goneAs : GoneException.builder().statusCode(410).message("Gone").build();
            }
            posted.add(request.connectionId() + ":" + request.data().asUtf8String());
            return PostToConnectionResponse.builder().build();
        }

        @Override
        public DeleteConnectionResponse deleteConnection(DeleteConnectionRequest request) {
            if (gone.contains(request.connectionId())) {
                throw GoneException.builder().statusCode(410).message("Gone").build();
            }
            deleted.add(request.connectionId());
            return DeleteConnectionResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public ApiGatewayManagementApiServiceClientConfiguration serviceClientConfiguration() {
            return null;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aPushToALiveConnectionIsPostedAndReportedDelivered() {
        ManagementApi api = new ManagementApi(List.of());

        boolean delivered = new ApiGatewayPusher(api).send("live", "{\"type\":\"pong\"}");

        assertThat(delivered).isTrue();
        assertThat(api.posted).containsExactly("live:{\"type\":\"pong\"}");
    }

    @Test
    void aConnectionThatAnswers410IsReportedGoneSoItIsForgotten() {
        ManagementApi api = new ManagementApi(List.of("gone"));

        assertThat(new ApiGatewayPusher(api).send("gone", "{}")).isFalse();
    }

    @Test
    void a410WithoutItsErrorTypeCountsAsGoneAndOtherFailuresAreRethrown() {
        ManagementApi api = new ManagementApi(List.of("gone"));
        ApiGatewayPusher pusher = new ApiGatewayPusher(api);

        api.goneAs = (ApiGatewayManagementApiException) ApiGatewayManagementApiException.builder().statusCode(410).build();
        assertThat(pusher.send("gone", "{}")).isFalse();

        api.goneAs = (ApiGatewayManagementApiException) ApiGatewayManagementApiException.builder().statusCode(500).build();
        assertThatThrownBy(() -> pusher.send("gone", "{}")).isSameAs(api.goneAs);
    }

    @Test
    void disconnectingDeletesTheConnectionAndAGoneOneIsFine() {
        ManagementApi api = new ManagementApi(List.of("gone"));
        ApiGatewayPusher pusher = new ApiGatewayPusher(api);

        pusher.disconnect("live", Closing.tokenExpired());
        pusher.disconnect("gone", Closing.tokenExpired());

        assertThat(api.deleted).containsExactly("live");
    }

    @Test
    void aMessageForManyConnectionsGoesOutConcurrentlyWithinTheBoundAndReportsTheGoneOnes() {
        ManagementApi api = new ManagementApi(List.of("c-7", "c-700"));
        api.answerAfterMillis = 5;
        List<String> connections = IntStream.range(0, 1_000).mapToObj(i -> "c-" + i).toList();

        Set<String> gone = new ApiGatewayPusher(api).sendToAll(connections, "{}");

        assertThat(gone).containsExactlyInAnyOrder("c-7", "c-700");
        assertThat(api.posted).hasSize(998);
        assertThat(api.mostInFlight.get()).isGreaterThan(1).isLessThanOrEqualTo(ApiGatewayPusher.MAX_IN_FLIGHT);
    }
}
