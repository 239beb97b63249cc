package dev.recourse.core.entry;

import dev.recourse.core.Validation;
import dev.recourse.core.event.Event;
import dev.recourse.core.json.CanonicalString;
import dev.recourse.core.json.CanonicalWriter;
import dev.recourse.core.json.Json;
import dev.recourse.core.json.JsonPath;
import java.util.Optional;
import java.util.Set;

/**
 * The stored form of events: the private record of {@link LogEntry}, that is the canonical JSON (RFC 8785, UTF-8) of
 * <pre>{"event": {"variant": TYPE, ...components}, "type": TYPE}</pre>
 * with the whole event, personal data included, as {@code RecordJson} writes records (see its rules: components by
 * name, {@code variant} for variants of sealed types, id types as their value, empty optionals left out, sets sorted,
 * enums by name, times and ids as ISO or canonical text). A store keeps exactly these bytes; they are also what the
 * log's commitment {@code SHA-256(salt || private record)} covers.
 *
 * <p><b>Type names.</b> {@link #type} is the simple name of the event's record ({@code DecisionTaken}), unique among
 * all events (checked when this class loads). It stays the same when a record moves to another package or sealed
 * sub-interface; renaming a record, or a component or enum constant anywhere in an event, changes the stored format:
 * the golden tests fail, and stored events need a migration.
 *
 * <p><b>Decoding</b> is strict and generic: it accepts any JSON text of the right shape (member order and whitespace
 * do not matter) and refuses, naming the JSON path of the first problem: text that is not strict JSON, a member of the
 * wrong type, a missing component, an unknown variant or enum name, a {@code type} that differs from the event's
 * {@code variant}, an element repeated in a set, a time or id not in its canonical text, and any member that is not a
 * component. Unknown members are refused rather than skipped, so that nothing stored is silently dropped; a component
 * added to an event later MUST therefore be an {@code Optional} (an old record without it reads as empty), and a
 * component removed needs a migration of the stored records. Each record is built through its canonical constructor,
 * so a value its compact constructor refuses is an error, never a half-built event.
 */
public final class EventCodec {
    private static final Set<String> MEMBERS = Set.of("type", "event");
    private static final CanonicalString EVENT = CanonicalString.of("event");
    private static final CanonicalString TYPE = CanonicalString.of("type");

    static {
        RecordJson.check(Event.class); // every event type has a form and a unique name, or the core cannot start
    }

    private EventCodec() {}

    /** The stable type name of {@code event}: its record's simple name, as in {@link Event#type()}. */
    public static String type(Event event) {
        return event.type();
    }

    /**
     * The stored form of {@code event}.
     *
     * @throws IllegalArgumentException if the event holds what JSON cannot (a lone surrogate in a text, a long beyond
     *     2^53)
     */
    public static byte[] encode(Event event) {
        CanonicalWriter out = new CanonicalWriter(1024);
        encode(event, out);
        return out.toByteArray();
    }

    /** Writes the stored form of {@code event} to {@code out}: what {@link #encode} returns. */
    static void encode(Event event, CanonicalWriter out) {
        out.beginObject().name(EVENT);
        RecordJson.write(event, out);
        out.name(TYPE).string(type(event)).endObject();
    }

    /**
     * The event {@code record} holds, or the first problem with the JSON path where it lies; never throws. The caller
     * bounds the size of {@code record}.
     */
    public static Validation<Event> decode(byte[] record) {
        return switch (Json.parseUtf8(record)) {
            case Validation.Valid<Json> valid -> decode(valid.value());
            case Validation.Invalid<Json> invalid -> new Validation.Invalid<>(invalid.errors());
        };
    }

    /** {@code {"type": ..., "event": ...}}: the JSON of {@link #encode}. */
    static Json.Obj json(Event event) {
        return Json.object().put("type", type(event)).put("event", RecordJson.write(event)).build();
    }

    private static Validation<Event> decode(Json json) {
        JsonPath root = JsonPath.ROOT;
        if (!(json instanceof Json.Obj obj)) {
            return Validation.invalid(root.toString(), "expected an object with the members type and event");
        }
        for (String member : obj.members().keySet()) {
            if (!MEMBERS.contains(member)) {
                return Validation.invalid(root.member(member).toString(), "is not a member of a stored event (type, event)");
            }
        }
        if (!(obj.get("type") instanceof Json.Str type)) {
            return Validation.invalid(root.member("type").toString(), obj.get("type") == null ? "is missing" : "expected a string");
        }
        Optional<Class<? extends Event>> eventType = RecordJson.variant(Event.class, type.value());
        if (eventType.isEmpty()) {
            return Validation.invalid(root.member("type").toString(), "\"" + type.value() + "\" is not a type of event");
        }
        if (obj.get("event") == null) {
            return Validation.invalid(root.member("event").toString(), "is missing");
        }
        return RecordJson.read(obj.get("event"), eventType.get(), root.member("event")).map(Event.class::cast);
    }
}
