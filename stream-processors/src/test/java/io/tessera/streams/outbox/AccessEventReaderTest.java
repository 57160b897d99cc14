package io.tessera.streams.outbox;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.tessera.core.events.EventPublisher;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AccessEventReaderTest {

    private final AccessEventReader events = new AccessEventReader();

    private static Map<String, AttributeValue> user(String role, boolean enabled) {
        return Map.of("pk", new AttributeValue("TENANT#acme"), "sk", new AttributeValue("USER#u1"), "type", new AttributeValue("USER"),
                "userId", new AttributeValue("u1"), "role", new AttributeValue(role), "enabled", new AttributeValue().withBOOL(enabled));
    }

    private static Map<String, AttributeValue> tenant(String status) {
        return Map.of("pk", new AttributeValue("TENANT#acme"), "sk", new AttributeValue("PROFILE"), "type", new AttributeValue("TENANT"),
                "tenantId", new AttributeValue("acme"), "status", new AttributeValue(status));
    }

    private static DynamodbEvent.DynamodbStreamRecord record(String name, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID("event-1");
        record.setEventName(name);
        record.setDynamodb(new StreamRecord().withOldImage(before).withNewImage(after).withApproximateCreationDateTime(new Date(0)));
        return record;
    }

    private String changeOf(Optional<EventPublisher.Event> event) {
        return ((AccessEventReader.UserAccessChanged) event.orElseThrow().detail()).change();
    }

    @Test
    void aUserWhoIsDisabledEnabledRemovedOrGivenAnotherRoleIsAnAccessChange() {
        assertThat(changeOf(events.of(record("MODIFY", user("members", true), user("members", false))))).isEqualTo("disabled");
        assertThat(changeOf(events.of(record("MODIFY", user("members", false), user("members", true))))).isEqualTo("enabled");
        assertThat(changeOf(events.of(record("MODIFY", user("tenant-admins", true), user("members", true))))).isEqualTo("role_changed");
        assertThat(changeOf(events.of(record("REMOVE", user("members", true), null)))).isEqualTo("removed");
    }

    @Test
    void aUserWhoSignedOutEverywhereIsAnAccessChange() {
        Map<String, AttributeValue> signedOut = new HashMap<>(user("members", true));
        signedOut.put("accessChangedAt", new AttributeValue("2026-11-29T12:00:01Z"));

        assertThat(changeOf(events.of(record("MODIFY", user("members", true), signedOut)))).isEqualTo("signed_out");
    }

    @Test
    void aTenantWhoseStatusChangedIsATenantStatusChange() {
        EventPublisher.Event event = events.of(record("MODIFY", tenant("active"), tenant("suspended"))).orElseThrow();

        assertThat(event.detailType()).isEqualTo("TenantStatusChanged");
        assertThat(((AccessEventReader.TenantStatusChanged) event.detail()).tenantId()).isEqualTo("acme");
        assertThat(((AccessEventReader.TenantStatusChanged) event.detail()).status()).isEqualTo("suspended");
    }

    @Test
    void aConfirmedSignupOnboardsTheTenantWithItsNameAndTier() {
        Map<String, AttributeValue> active = new HashMap<>(tenant("active"));
        active.put("name", new AttributeValue("Acme"));
        active.put("tier", new AttributeValue("standard"));

        EventPublisher.Event event = events.of(record("MODIFY", tenant("pending"), active)).orElseThrow();

        assertThat(event.detailType()).isEqualTo("TenantOnboarded");
        assertThat((AccessEventReader.TenantOnboarded) event.detail())
                .isEqualTo(new AccessEventReader.TenantOnboarded("event-1", "acme", "Acme", "standard", Instant.EPOCH));
    }

    @Test
    void newItemsAndChangesThatLeaveAccessAsItWasAreNoEvent() {
        assertThat(events.of(record("INSERT", null, user("members", true)))).isEmpty();
        assertThat(events.of(record("MODIFY", user("members", true), user("members", true)))).isEmpty();
        assertThat(events.of(record("MODIFY", tenant("active"), tenant("active")))).isEmpty();
    }
}
