package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.list;
import static dev.recourse.server.http.shape.Shape.matching;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.text;
import static dev.recourse.server.http.shape.Shape.whole;

import dev.recourse.core.FieldError;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.json.Json;
import dev.recourse.core.json.JsonPath;
import dev.recourse.core.policy.ContentEvent;
import dev.recourse.core.policy.ContentHash;
import dev.recourse.core.policy.Policy;
import dev.recourse.core.policy.PolicyBook;
import dev.recourse.server.http.shape.Fields;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import dev.recourse.server.policy.RuleWorker;
import dev.recourse.store.intake.IntakeSteps;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Event intake over HTTP ({@code POST /v1/events}): batches of content events for the rule worker, each answered
 * with what came of it; and the shadow report of a policy ({@code GET /v1/policies/{id}/shadow}).
 */
public final class ContentEvents {
    /** The most events a batch holds. */
    static final int MAX_EVENTS = 1_000;

    /** The texts of an event: field name to text. */
    private static final Shape TEXTS = new Shape.Delegated(Json.object().put("type", "object")
            .put("additionalProperties", Json.object().put("type", "string").put("maxLength", Json.of(100_000)).build())
            .put("description", "The texts rules search, by field name (1 to 100 characters), each up to 100,000 characters.")
            .build(), ContentEvents::checkTexts);

    /** The attributes of an event. */
    private static final Shape ATTRIBUTES = new Shape.Delegated(Json.object().put("type", "object")
            .put("description", "Further facts for conditions, by name: a string, number, boolean or list of strings.")
            .build(), ContentEvents::checkAttributes);

    /** A content event, as the rule worker takes it over HTTP and from Kafka. */
    public static final Shape EVENT = object("Something that happened on the platform, for rules to judge.",
            required("id", text(1, 200, "The platform's id of the event; an event sent again with the same id is a"
                    + " duplicate and does nothing.")),
            required("type", matching("[A-Za-z0-9._:/-]{1,100}", 100, "The event's type, e.g. post.created.")),
            required("subject", Subjects.SUBJECT),
            optional("texts", TEXTS),
            optional("hashes", list(matching("[0-9a-fA-F]{64}", 64, "A SHA-256 of the content, 64 hex digits."), 0, 100,
                    "SHA-256 hashes of the content (images, files), compared with hash lists.")),
            optional("attributes", ATTRIBUTES),
            optional("at", formatted(Format.DATE_TIME, 40, "When it happened; absent: when it is received.")));

    /** The body of {@code POST /v1/events}. */
    static final Shape BATCH = Batches.of(EVENT, MAX_EVENTS, "Up to " + MAX_EVENTS + " content events, each processed on its own.");

    /** What one processed event answers. */
    static final Shape.Obj HANDLED = object("What came of one content event.",
            required("id", text(1, 200, "The event's id.")),
            required("status", Shape.choice("processed now, or a duplicate of an event processed before (nothing done).",
                    List.of("processed", "duplicate"))),
            optional("acted", list(object("A rule that acted.",
                    required("rule", text(3, 200, "The rule's id@version.")),
                    required("effect", Shape.choice("decided, proposed (for people to decide), refused by the core, or"
                            + " carried out by an earlier attempt.", List.of("decided", "proposed", "refused", "earlier"))),
                    required("problems", list(text(1, 2000, "A problem."), 0, 100, "Why the core refused it."))),
                    0, 10_000, "The rules that acted.")),
            optional("shadowed", list(text(3, 200, "A rule's id@version."), 0, 10_000,
                    "The shadow rules that matched: recorded for the shadow report only.")),
            optional("withheld", list(object("A rule that could not judge the event.",
                    required("rule", text(3, 200, "The rule's id@version.")),
                    required("reason", text(1, 2000, "Why."))), 0, 10_000, "The rules that could not judge it.")));

    /** What {@code POST /v1/events} answers. */
    static final Shape.Obj BATCH_HANDLED = Batches.answered(HANDLED, MAX_EVENTS);

    /** The shadow report of a policy. */
    static final Shape.Obj SHADOW = object("What the policy's shadow rules would have done.",
            required("policy", text(1, 128, "The policy's name.")),
            required("rules", list(object("A rule version that matched in shadow mode.",
                    required("rule", text(3, 200, "Its id@version.")),
                    required("count", whole(0, Json.Num.MAX_EXACT, "How many events it matched, counted by every instance.")),
                    required("samples", list(object("One of its first " + IntakeSteps.SHADOW_SAMPLES + " matches.",
                            required("event", text(1, 200, "The event's id.")),
                            required("subject", Subjects.REF),
                            required("at", formatted(Format.DATE_TIME, 40, "When."))), 0, 1000, "The first matches."))),
                    0, 10_000, "Per rule version.")));

    private final RuleWorker worker;
    private final PolicyBook book;
    private final InstantSource clock;

    /** Event intake through {@code worker}, whose policies are {@code book}'s. */
    public ContentEvents(RuleWorker worker, PolicyBook book, InstantSource clock) {
        this.worker = worker;
        this.book = book;
        this.clock = clock;
    }

    /** The rule worker that processes the events. */
    public RuleWorker worker() {
        return worker;
    }

    /** {@code POST /v1/events}: processes each event of the batch. */
    public Answer submit(Call call) throws Exception {
        return Batches.run(call, EVENT, this::one);
    }

    /** One event of a batch, checked against {@link #EVENT}. */
    private Answer one(Call call) {
        RuleWorker.Handled handled = worker.handle(event(call.body(), clock.instant()));
        return Answer.json(200, json(handled));
    }

    /** {@code fields}, checked against {@link #EVENT}, as a content event; {@code received} if it says not when. */
    public static ContentEvent event(Fields fields, Instant received) {
        Map<String, String> texts = new HashMap<>();
        fields.optionalJson("texts").ifPresent(t -> ((Json.Obj) t).members()
                .forEach((name, text) -> texts.put(name, ((Json.Str) text).value())));
        Set<ContentHash> hashes = new LinkedHashSet<>();
        if (fields.has("hashes")) {
            fields.texts("hashes").forEach(h -> hashes.add(new ContentHash(h.toLowerCase(Locale.ROOT))));
        }
        Map<String, Object> attributes = new HashMap<>();
        fields.optionalJson("attributes").ifPresent(a -> ((Json.Obj) a).members()
                .forEach((name, value) -> attributes.put(name, attribute(value))));
        return new ContentEvent(fields.text("id"), fields.text("type"), Subjects.subject(fields.object("subject")), texts,
                hashes, attributes, fields.optionalText("at").map(Instant::parse).orElse(received));
    }

    /** What came of an event, as {@link #HANDLED}. */
    public static Json.Obj json(RuleWorker.Handled handled) {
        return switch (handled) {
            case RuleWorker.Handled.Duplicate d -> Json.object().put("id", d.eventId()).put("status", "duplicate").build();
            case RuleWorker.Handled.Processed p -> Json.object().put("id", p.eventId()).put("status", "processed")
                    .put("acted", p.acted().stream().map(a -> (Json) Json.object().put("rule", a.rule().toString())
                            .put("effect", a.effect().name().toLowerCase(Locale.ROOT))
                            .put("problems", Json.strings(a.problems())).build()).toList())
                    .put("shadowed", Json.strings(p.shadowed().stream().map(Versioned::toString).toList()))
                    .put("withheld", p.withheld().stream().map(w -> (Json) Json.object().put("rule", w.rule().toString())
                            .put("reason", w.reason()).build()).toList())
                    .build();
        };
    }

    /** {@code GET /v1/policies/{id}/shadow}: the shadow report of the policy named {@code id}. */
    public Answer shadow(Call call) {
        String name = call.pathParameter("id");
        List<Versioned> versions = book.versions(name);
        if (versions.isEmpty()) {
            return call.answer(Problem.of(ProblemType.NOT_FOUND, "no policy " + name));
        }
        Set<Versioned> rules = new LinkedHashSet<>();
        for (Versioned v : versions) {
            book.version(v).map(Policy::rules).orElse(List.of()).forEach(r -> rules.add(r.id()));
        }
        List<Json> out = new ArrayList<>();
        for (IntakeSteps.ShadowMatches matches : worker.shadowReport(rules)) {
            List<Json> samples = new ArrayList<>();
            for (IntakeSteps.ShadowSample s : matches.samples()) {
                samples.add(Json.object().put("event", s.eventId()).put("subject", Subjects.json(s.subject()))
                        .put("at", s.at().toString()).build());
            }
            out.add(Json.object().put("rule", matches.rule().toString()).put("count", Json.of(matches.matched()))
                    .put("samples", samples).build());
        }
        return Answer.json(200, Json.object().put("policy", name).put("rules", out).build());
    }

    private static Object attribute(Json value) {
        return switch (value) {
            case Json.Str s -> s.value();
            case Json.Bool b -> b.value();
            case Json.Num n -> n.value() == Math.rint(n.value()) && Math.abs(n.value()) <= Json.Num.MAX_EXACT
                    ? (Object) (long) n.value() : (Object) n.value();
            case Json.Arr a -> a.elements().stream().map(e -> ((Json.Str) e).value()).toList();
            case Json.Obj o -> throw new IllegalArgumentException("an attribute is checked not to be an object");
            case Json.Null x -> throw new IllegalArgumentException("an attribute is checked not to be null");
        };
    }

    private static void checkTexts(Json value, JsonPath at, List<FieldError> errors) {
        if (!(value instanceof Json.Obj obj)) {
            errors.add(Shape.error(at, "is an object of field names to texts"));
            return;
        }
        if (obj.members().size() > 100) {
            errors.add(Shape.error(at, "has at most 100 texts"));
        }
        obj.members().forEach((name, text) -> {
            if (name.isEmpty() || name.length() > 100) {
                errors.add(Shape.error(at.member(name), "is named with 1 to 100 characters"));
            } else if (!(text instanceof Json.Str s) || s.value().length() > 100_000) {
                errors.add(Shape.error(at.member(name), "is a text of at most 100,000 characters"));
            }
        });
    }

    private static void checkAttributes(Json value, JsonPath at, List<FieldError> errors) {
        if (!(value instanceof Json.Obj obj)) {
            errors.add(Shape.error(at, "is an object of attributes"));
            return;
        }
        if (obj.members().size() > 200) {
            errors.add(Shape.error(at, "has at most 200 attributes"));
        }
        obj.members().forEach((name, attribute) -> {
            boolean ok = switch (attribute) {
                case Json.Str s -> s.value().length() <= 10_000;
                case Json.Bool b -> true;
                case Json.Num n -> true;
                case Json.Arr a -> a.elements().size() <= 1000 && a.elements().stream().allMatch(Json.Str.class::isInstance);
                case Json.Obj o -> false;
                case Json.Null x -> false;
            };
            if (!ok) {
                errors.add(Shape.error(at.member(name), "is a string, number, boolean or list of strings"));
            }
        });
    }
}
