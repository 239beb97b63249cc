package dev.recourse.server.http;

import dev.recourse.core.json.Json;
import java.util.List;

/** Request bodies of an ordinary case, as a platform and its moderators send them. */
final class Bodies {
    private Bodies() {}

    static Json.Obj subjectRef(String id) {
        return Json.object().put("kind", "content").put("id", id).build();
    }

    static Json.Obj subject(String id, String owner) {
        return Json.object()
                .put("kind", "content").put("id", id).put("owner", owner).put("reach", Json.of(120))
                .put("language", "de").put("territory", "DE").put("since", "2025-03-01")
                .build();
    }

    static Json.Obj notifier(String id) {
        return Json.object().put("id", id).put("name", "Erika Mustermann").put("email", "erika@example.org").build();
    }

    /** A user's notice about post {@code id} of {@code owner}, with every element DSA Art. 16 requires. */
    static Json.Obj notice(String id, String owner) {
        return Json.object()
                .put("subject", subject(id, owner))
                .put("location", "https://platform.example/p/" + id)
                .put("explanation", "It insults my neighbour by name.")
                .put("notifier", notifier("user-7"))
                .put("goodFaith", Json.of(true))
                .build();
    }

    /** {@code body} without the member {@code name}, or with it set to {@code value} when given. */
    static Json.Obj with(Json.Obj body, String name, Json value) {
        Json.ObjBuilder copy = Json.object();
        body.members().forEach((n, v) -> {
            if (!n.equals(name)) {
                copy.put(n, v);
            }
        });
        if (value != null) {
            copy.put(name, value);
        }
        return copy.build();
    }

    /** The reasons of removing illegal hate speech, in the DSA's names and spellings. */
    static Json.Obj illegalReasons() {
        return Json.object()
                .put("decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT")
                .put("illegal_content_legal_ground", "§ 130 StGB")
                .put("illegal_content_explanation", "Incites hatred against a religious group.")
                .put("content_type", Json.strings(List.of("CONTENT_TYPE_TEXT")))
                .put("category", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH")
                .put("decision_facts", "Reported by a user; reviewed against the law.")
                .build();
    }

    /** A decision to remove post {@code id} everywhere for {@code reasons}, answering {@code notice}. */
    static Json.Obj removal(String id, String notice, Json.Obj reasons) {
        return Json.object()
                .put("subject", subjectRef(id))
                .put("notices", Json.strings(List.of(notice)))
                .put("restrict", Json.object()
                        .put("restrictions", List.of(Json.object().put("visibility", "DECISION_VISIBILITY_CONTENT_REMOVED").build()))
                        .put("reasons", reasons)
                        .build())
                .build();
    }

    /** A court's order about post {@code id} under Art. 9 DSA, disclosed at once. */
    static Json.Obj authorityOrder(String id) {
        return Json.object()
                .put("subject", subject(id, "owner-" + id))
                .put("kind", "order")
                .put("authority", Json.object().put("name", "Landgericht Berlin").put("country", "DE").build())
                .put("legalBasis", "Art. 9 DSA with § 130 StGB")
                .put("explanation", "Remove the post; it incites hatred.")
                .build();
    }
}
