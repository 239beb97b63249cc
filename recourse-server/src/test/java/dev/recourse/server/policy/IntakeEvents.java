package dev.recourse.server.policy;

import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.json.Json;
import dev.recourse.core.policy.PolicyBook;
import dev.recourse.store.RecourseStore;

/** Content events as a platform sends them, a book with the example policy, and counts of what the core stored. */
final class IntakeEvents {
    private IntakeEvents() {}

    /** A book whose active policy is the example of docs/policies.md. */
    static PolicyBook exampleBook() throws Exception {
        PolicyBook book = new PolicyBook();
        book.submit(PolicyYaml.read(PolicyYamlTest.example()).orElseThrow()).orElseThrow();
        return book;
    }

    /** A comment on post {@code post}; {@code scam} makes rule crypto-giveaway@3 enforce on it. */
    static Json.Obj comment(String id, String post, boolean scam) {
        return Json.object().put("id", id).put("type", "comment.created")
                .put("subject", Json.object().put("kind", "content").put("id", post).put("owner", "owner-" + post)
                        .put("reach", Json.of(120)).put("language", "de").put("territory", "DE").put("since", "2025-03-01").build())
                .put("texts", Json.object().put("body", scam ? "Free money! bit.ly/abc123" : "Nice photo").build())
                .build();
    }

    /** How many events of {@code type} {@code store} holds. */
    static long stored(RecourseStore store, Class<? extends CaseEvent> type) {
        return store.events().readAll(0, 1_000_000).stream().filter(e -> type.isInstance(e.event())).count();
    }
}
