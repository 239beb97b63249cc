package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.ApiRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContentEventsTest {
    private static final String SCAM_IMAGE = "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";
    @RegisterExtension
    static final TestApi api = new TestApi();

    @BeforeAll
    static void start() throws IOException {
        String source;
        try (InputStream in = ContentEventsTest.class.getResourceAsStream("/policies/scams.yaml")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("mode: propose", "mode: shadow");
        }
        Client.Reply submitted = api.post(ApiRole.POLICY_AUTHOR, "/v1/policies", Json.object().put("source", source).build());
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
    }

    private static Json.Obj event(String id, String type, String subject, String text) {
        return Json.object().put("id", id).put("type", type).put("subject", Bodies.subject(subject, "owner-" + subject))
                .put("texts", Json.object().put("body", text).build()).build();
    }

    private static Client.Reply send(String idempotencyKey, Json... events) {
        return api.client().post("/v1/events").key(api.key(ApiRole.PLATFORM)).idempotencyKey(idempotencyKey)
                .json(Json.object().put("items", List.of(events)).build()).send();
    }

    private static List<Json.Obj> items(Client.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return ((Json.Arr) reply.json().get("items")).elements().stream().map(Json.Obj.class::cast).toList();
    }

    private static String text(Json.Obj obj, String... path) {
        Json at = obj;
        for (String name : path) {
            at = ((Json.Obj) at).get(name);
        }
        return ((Json.Str) at).value();
    }

    private static long stored(Class<? extends CaseEvent> type) {
        return api.store().events().readAll(0, 100_000).stream().filter(e -> type.isInstance(e.event())).count();
    }

    @Test
    void anEventSentTwiceActsOnceAndTheSecondIsADuplicate() {
        long detections = stored(CaseEvent.DetectionRecorded.class);
        long decisions = stored(CaseEvent.DecisionTaken.class);
        Json.Obj scam = event("evt-twice", "comment.created", "post-twice", "Free money! bit.ly/abc123");

        List<Json.Obj> first = items(send(UUID.randomUUID().toString(), scam, scam));
        List<Json.Obj> again = items(send(UUID.randomUUID().toString(), scam));

        assertThat(text(first.get(0), "body", "status")).isEqualTo("processed");
        assertThat(text((Json.Obj) ((Json.Arr) ((Json.Obj) first.get(0).get("body")).get("acted")).elements().getFirst(), "rule"))
                .isEqualTo("crypto-giveaway@3");
        assertThat(text(first.get(1), "body", "status")).isEqualTo("duplicate");
        assertThat(text(again.get(0), "body", "status")).isEqualTo("duplicate");
        assertThat(stored(CaseEvent.DetectionRecorded.class)).isEqualTo(detections + 1);
        assertThat(stored(CaseEvent.DecisionTaken.class)).isEqualTo(decisions + 1);
    }

    @Test
    void aBatchRetriedWithItsIdempotencyKeyGetsTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        Json.Obj scam = event("evt-retried", "comment.created", "post-retried", "crypto giveaway tinyurl.com/x1");

        Client.Reply first = send(key, scam);
        Client.Reply retry = send(key, scam);

        assertThat(text(items(retry).getFirst(), "body", "status")).isEqualTo("processed");
        assertThat(retry.text()).isEqualTo(first.text());
    }

    @Test
    void aBadEventIsRejectedNamingTheFieldAndTheOthersAreProcessed() {
        Json.Obj bad = Bodies.with(event("evt-bad", "post.created", "post-bad", "hello"), "hashes", Json.strings(List.of("not-a-hash")));
        Json.Obj good = event("evt-good", "comment.created", "post-good", "nothing to see");

        List<Json.Obj> results = items(send(UUID.randomUUID().toString(), bad, good));

        assertThat(((Json.Num) results.get(0).get("status")).value()).isEqualTo(422);
        assertThat(results.get(0).get("problem").toString()).contains("$.items[0].hashes[0]");
        assertThat(text(results.get(1), "body", "status")).isEqualTo("processed");
    }

    @Test
    void aShadowRuleOnlyCountsAndTheShadowReportShowsIt() {
        long decisions = stored(CaseEvent.DecisionTaken.class) + stored(CaseEvent.DecisionProposed.class);
        Json.Obj image = Bodies.with(event("evt-image", "post.created", "post-image", "look"), "hashes",
                Json.strings(List.of(SCAM_IMAGE)));

        List<Json.Obj> results = items(send(UUID.randomUUID().toString(), image));
        Client.Reply report = api.get(ApiRole.AUDITOR, "/v1/policies/scams/shadow");

        assertThat(((Json.Obj) results.getFirst().get("body")).get("shadowed")).isEqualTo(Json.strings(List.of("known-scam-image@1")));
        assertThat(stored(CaseEvent.DecisionTaken.class) + stored(CaseEvent.DecisionProposed.class)).isEqualTo(decisions);
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        Json.Obj rule = (Json.Obj) ((Json.Arr) report.json().get("rules")).elements().getFirst();
        assertThat(text(rule, "rule")).isEqualTo("known-scam-image@1");
        assertThat(((Json.Num) rule.get("count")).value()).isEqualTo(1);
        assertThat(rule.get("samples").toString()).contains("evt-image");
    }

    @Test
    void aModeratorCannotSendEvents() {
        Client.Reply reply = api.post(ApiRole.MODERATOR, "/v1/events", Json.object().put("items", List.of(event("evt-m",
                "comment.created", "post-m", "x"))).build());

        assertThat(reply.status()).isEqualTo(403);
    }
}
