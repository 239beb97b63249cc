package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.prose;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.text;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Role;
import dev.recourse.core.json.Json;
import dev.recourse.core.policy.CompiledPolicy;
import dev.recourse.core.policy.MatchList;
import dev.recourse.core.policy.Policy;
import dev.recourse.core.policy.PolicyBook;
import dev.recourse.core.policy.Rule;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import dev.recourse.server.policy.StoredPolicies;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** The endpoints of policies: submit a version (YAML), list the active versions, list a policy's versions. */
public final class Policies {
    private static final int MAX_SOURCE = 1_000_000;

    /** The body of a submission. */
    static final Shape SUBMISSION = object("A version of a policy.",
            required("source", prose(1, MAX_SOURCE, "The policy file, YAML (docs/policies.md): its id names the version.")));

    private static final Shape RULE = object("A rule of the policy.",
            required("id", text(3, 200, "The rule's id@version.")),
            required("mode", text(4, 7, "shadow, propose or enforce.")),
            required("events", Shape.list(text(1, 100, "An event type."), 1, 1000, "The event types it applies to.")));

    /** A policy version as listed. */
    static final Shape.Obj POLICY = object("A version of a policy.",
            required("id", text(3, 200, "The policy's id@version.")),
            required("lists", Shape.list(text(3, 200, "A list's id@version."), 0, 10_000, "Its lists.")),
            required("classifiers", Shape.list(text(3, 200, "A classifier's id@version."), 0, 1000, "Its classifiers.")),
            required("rules", Shape.list(RULE, 0, 10_000, "Its rules.")));

    /** The answer to a submission. */
    static final Shape.Obj SUBMITTED = POLICY.with("A version of a policy, accepted.",
            required("status", text(7, 12, "accepted (now active) or already-kept (this very version was kept before).")));

    /** The active versions. */
    static final Shape ACTIVE = object("The active version of each policy.",
            required("items", Shape.list(POLICY, 0, 10_000, "One per policy.")));

    private static final Shape VERSION = object("A kept version.",
            required("id", text(3, 200, "The policy's id@version.")),
            required("sha256", text(64, 64, "The SHA-256 of its source.")),
            required("submittedAt", formatted(Format.DATE_TIME, 40, "When it was submitted.")),
            optional("submittedBy", text(1, 300, "Who submitted it: a key's holder, or file: and the file's name.")));

    /** Every kept version of a policy. */
    static final Shape VERSIONS = object("Every kept version of a policy, oldest first; the last is active.",
            required("items", Shape.list(VERSION, 1, 100_000, "The versions.")));

    private final StoredPolicies stored;

    /** The endpoints of {@code stored}. */
    public Policies(StoredPolicies stored) {
        this.stored = stored;
    }

    /** The policies these endpoints serve. */
    public StoredPolicies stored() {
        return stored;
    }

    /** {@code POST /v1/policies}: a new version, active if it compiles; refused with every problem otherwise. */
    public Answer submit(Call call) throws SQLException {
        Validation<StoredPolicies.Submitted> v = stored.submit(call.body().text("source"), call.caller().name().value(),
                new Person(call.caller().name(), Role.ADMINISTRATOR));
        return switch (v) {
            case Validation.Invalid<StoredPolicies.Submitted> invalid -> {
                List<FieldError> errors = invalid.errors().stream().map(e -> new FieldError("$.source", e.toString())).toList();
                yield call.answer(Problems.invalid(errors));
            }
            case Validation.Valid<StoredPolicies.Submitted> ok -> {
                Json.ObjBuilder body = Json.object();
                json(ok.value().policy()).members().forEach(body::put);
                body.put("status", ok.value().submission() == PolicyBook.Submission.ACCEPTED ? "accepted" : "already-kept");
                yield Answer.json(ok.value().submission() == PolicyBook.Submission.ACCEPTED ? 201 : 200, body.build())
                        .withHeader("Location", "/v1/policies/" + ok.value().policy().id().name() + "/versions");
            }
        };
    }

    /** {@code GET /v1/policies}: the active version of each policy. */
    public Answer active(Call call) {
        List<Json> items = stored.book().active().stream().map(CompiledPolicy::policy).<Json>map(Policies::json).toList();
        return Answer.json(200, Json.object().put("items", items).build());
    }

    /** {@code GET /v1/policies/{id}/versions}: every kept version of a policy. */
    public Answer versions(Call call) throws SQLException {
        List<StoredPolicies.StoredVersion> versions = stored.versions(call.pathParameter("id"));
        if (versions.isEmpty()) {
            return call.answer(Problem.of(ProblemType.NOT_FOUND, "no policy " + call.pathParameter("id")));
        }
        List<Json> items = versions.stream().<Json>map(v -> Json.object().put("id", v.id().toString()).put("sha256", v.sha256())
                .put("submittedAt", v.submittedAt().toString()).put("submittedBy", v.submittedBy()).build()).toList();
        return Answer.json(200, Json.object().put("items", items).build());
    }

    private static Json.Obj json(Policy p) {
        return Json.object()
                .put("id", p.id().toString())
                .put("lists", Json.strings(p.lists().stream().map(MatchList::id).map(Object::toString).toList()))
                .put("classifiers", Json.strings(p.classifiers().stream().map(c -> c.model().toString()).toList()))
                .put("rules", p.rules().stream().<Json>map(Policies::json).toList())
                .build();
    }

    private static Json json(Rule r) {
        return Json.object().put("id", r.id().toString()).put("mode", r.mode().name().toLowerCase(Locale.ROOT))
                .put("events", Json.strings(r.eventTypes().stream().sorted().toList())).build();
    }
}
