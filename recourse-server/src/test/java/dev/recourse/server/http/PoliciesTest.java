package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.decider.Versioned;
import dev.recourse.core.event.PolicyEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.json.Json;
import dev.recourse.core.policy.ContentHash;
import dev.recourse.server.http.auth.ApiRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PoliciesTest {
    @RegisterExtension
    static final TestApi api = new TestApi();

    private static String example(String name) throws IOException {
        try (InputStream in = PoliciesTest.class.getResourceAsStream("/policies/scams.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("policy: scams@4", "policy: " + name);
        }
    }

    private static Client.Reply submit(String source, ApiRole role) {
        return api.client().post("/v1/policies").key(api.key(role)).idempotencyKey(UUID.randomUUID().toString())
                .json(Json.object().put("source", source).build()).send();
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> activeIds() {
        Json.Obj active = api.get(ApiRole.AUDITOR, "/v1/policies").json();
        return ((Json.Arr) active.get("items")).elements().stream().map(p -> ((Json.Str) ((Json.Obj) p).get("id")).value()).toList();
    }

    @Test
    void aPolicyThatCompilesIsAcceptedAndActive() throws IOException {
        Client.Reply reply = submit(example("first@1"), ApiRole.POLICY_AUTHOR);

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(reply.string("status")).isEqualTo("accepted");
        assertThat(activeIds()).contains("first@1");
    }

    @Test
    void aBadNewVersionIsRefusedNamingTheRuleAndPositionAndThePreviousStaysActive() throws IOException {
        submit(example("second@1"), ApiRole.POLICY_AUTHOR);

        Client.Reply reply = submit(example("second@2").replace("subject.reach < 100000", "subject.reach <<< 100000"), ApiRole.POLICY_AUTHOR);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.fields()).containsOnly("$.source");
        assertThat(reply.text()).contains("rules[crypto-giveaway@3].condition: line 1, column");
        assertThat(activeIds()).contains("second@1").doesNotContain("second@2");
    }

    @Test
    void anAcceptedVersionIsInThePublicLogWithTheSubmittersPseudonymAndTheHashOfItsText() throws IOException {
        submit(example("fifth@1"), ApiRole.POLICY_AUTHOR);

        List<RecordedEvent> log = api.store().events().read(StreamId.ofPolicy(new Versioned("fifth", "1")));

        assertThat(log).singleElement().satisfies(e -> {
            PolicyEvent.PolicyVersionStored stored = (PolicyEvent.PolicyVersionStored) e.event();
            assertThat(stored.person().pseudonym().value()).isEqualTo("test-policy-author");
            assertThat(stored.source()).isEqualTo(ContentHash.of(sha256(example("fifth@1"))));
        });
    }

    @Test
    void everyVersionIsKept() throws IOException {
        submit(example("third@1"), ApiRole.POLICY_AUTHOR);
        submit(example("third@2"), ApiRole.POLICY_AUTHOR);

        Json.Obj versions = api.get(ApiRole.POLICY_AUTHOR, "/v1/policies/third/versions").json();

        assertThat(((Json.Arr) versions.get("items")).elements()).extracting(v -> ((Json.Str) ((Json.Obj) v).get("id")).value())
                .containsExactly("third@1", "third@2");
        assertThat(activeIds()).contains("third@2").doesNotContain("third@1");
    }

    @Test
    void theSameVersionSubmittedAgainChangesNothing() throws IOException {
        submit(example("fourth@1"), ApiRole.POLICY_AUTHOR);

        Client.Reply again = submit(example("fourth@1"), ApiRole.POLICY_AUTHOR);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.string("status")).isEqualTo("already-kept");
    }

    @Test
    void aModeratorCannotSubmitAPolicy() throws IOException {
        assertThat(submit(example("fifth@1"), ApiRole.MODERATOR).status()).isEqualTo(403);
    }

    @Test
    void theVersionsOfAnUnknownPolicyAreNotFound() {
        assertThat(api.get(ApiRole.AUDITOR, "/v1/policies/nothing/versions").status()).isEqualTo(404);
    }
}
