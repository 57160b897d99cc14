package io.tessera.faults;

import io.tessera.e2e.support.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tessera.faults.Queues.SQS;
import static io.tessera.faults.Queues.url;
import static io.tessera.faults.Queues.visible;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message its consumer can never process (JSON cut off in the middle), on every queue: it is retried up to the queue's budget,
 * then waits in the dead-letter queue; {@code scripts/redrive --dry-run} only says it would move it, and
 * {@code scripts/redrive} puts it back on its queue once, with SQS's message move task, where (still
 * poison) it uses its budget again. Faults below the API, so this talks to SQS directly.
 */
class PoisonMessageIT {

    private static final List<String> QUEUES = List.of("tessera-orders", "tessera-notify", "tessera-analytics-push", "tessera-uploads",
            "tessera-upload-media");
    private static final int MAX_RECEIVES = 5;
    private static final List<String> POISON = new ArrayList<>();

    @Test
    void aPoisonMessageInEachQueueEndsInItsDeadLetterQueueAndTheRedriveReplaysItOnce() throws Exception {
        Map<String, String> poisonByQueue = new LinkedHashMap<>();
        for (String queue : QUEUES) {
            String body = "{\"poison\": \"" + UUID.randomUUID() + "\", cut off";
            POISON.add(body);
            poisonByQueue.put(queue, body);
            SQS.sendMessage(request -> request.queueUrl(url(queue)).messageBody(body));
        }

        for (var poison : poisonByQueue.entrySet()) {
            Message dead = awaitIn(deadLetterQueue(poison.getKey()), poison.getValue());
            assertThat(Integer.parseInt(dead.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)))
                    .as("deliveries of the poison message from %s", poison.getKey()).isGreaterThanOrEqualTo(MAX_RECEIVES);
        }

        for (var poison : poisonByQueue.entrySet()) {
            String deadLetters = deadLetterQueue(poison.getKey());
            Scripts.Outcome dryRun = Scripts.run(Duration.ofSeconds(60), Map.of(), "redrive", "--dry-run", deadLetters);
            assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
            assertThat(dryRun.output()).containsPattern("dry run: would move [1-9][0-9]* message\\(s\\) from " + deadLetters + " to " + poison.getKey());
            assertThat(copiesIn(deadLetters, poison.getValue())).as("after the dry run").isEqualTo(1);

            Scripts.Outcome redrive = Scripts.run(Duration.ofSeconds(60), Map.of(), "redrive", deadLetters);
            assertThat(redrive.exitCode()).as(redrive.output()).isZero();
            assertThat(redrive.output()).contains("(SQS message move task)")
                    .containsPattern("moved [1-9][0-9]* message\\(s\\) from " + deadLetters + " back to " + poison.getKey());
            assertThat(copiesIn(deadLetters, poison.getValue())).as("right after the redrive").isZero();
        }

        for (var poison : poisonByQueue.entrySet()) {
            String deadLetters = deadLetterQueue(poison.getKey());
            awaitIn(deadLetters, poison.getValue());
            assertThat(copiesIn(deadLetters, poison.getValue())).as("copies replayed from " + deadLetters).isEqualTo(1);
        }
    }

    /** Nothing of this test is left for the next one to meet. */
    @AfterAll
    static void deleteThePoison() {
        for (String queue : QUEUES) {
            for (String holding : List.of(queue, deadLetterQueue(queue))) {
                Queues.deleteWhere(holding, message -> POISON.contains(message.body()));
            }
        }
    }

    private static String deadLetterQueue(String queue) {
        return queue + "-dlq";
    }

    private static Message awaitIn(String queue, String body) throws Exception {
        return Eventually.await(Duration.ofSeconds(90), "the poison message in " + queue, () ->
                visible(queue).stream().filter(message -> message.body().equals(body)).findFirst());
    }

    private static long copiesIn(String queue, String body) {
        return visible(queue).stream().filter(message -> message.body().equals(body)).count();
    }
}
