package dev.recourse.server.http.shape;

import dev.recourse.core.FieldError;
import dev.recourse.core.json.Json;
import dev.recourse.core.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of a JSON request: one declaration that both checks a body, naming every field at fault by its JSON
 * path, and describes it as JSON Schema (2020-12, as OpenAPI 3.1 uses it). An endpoint reads a body only after its
 * shape holds, through {@link Fields}, so the checks here MUST cover everything the core's value types refuse in
 * their constructors (lengths, control characters, codes, formats).
 *
 * <p>{@code null} is taken as absent, as core's DSA form reader takes it.
 */
public sealed interface Shape {
    /** Adds to {@code errors} every way {@code value}, found at {@code at}, does not hold. */
    void check(Json value, JsonPath at, List<FieldError> errors);

    /** The shape as a JSON Schema. */
    Json.Obj schema();

    /** Every way {@code value} does not hold; empty if it holds. */
    default List<FieldError> problems(Json value) {
        List<FieldError> errors = new ArrayList<>();
        check(value, JsonPath.ROOT, errors);
        return List.copyOf(errors);
    }

    /**
     * A string of {@code minLength} to {@code maxLength} characters (UTF-16 units) in {@code format}. With
     * {@code minLength} at least 1, a blank string does not hold. Control characters do not hold, except line
     * breaks and tabs where {@code multiline}.
     */
    record Text(int minLength, int maxLength, boolean multiline, Format format, Optional<Pattern> pattern,
            String description) implements Shape {
        public Text {
            if (minLength < 0 || maxLength < minLength) {
                throw new IllegalArgumentException("lengths " + minLength + " to " + maxLength);
            }
        }

        @Override
        public void check(Json value, JsonPath at, List<FieldError> errors) {
            if (!(value instanceof Json.Str str)) {
                errors.add(error(at, "is a string"));
                return;
            }
            String text = str.value();
            if (text.length() < minLength || text.length() > maxLength) {
                errors.add(error(at, maxLength == minLength
                        ? "is " + minLength + " characters long"
                        : "is " + minLength + " to " + maxLength + " characters long, not " + text.length()));
            } else if (minLength > 0 && text.isBlank()) {
                errors.add(error(at, "is blank"));
            } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')))) {
                errors.add(error(at, multiline ? "holds control characters other than line breaks and tabs" : "holds control characters"));
            } else if (!format.holds(text)) {
                errors.add(error(at, "is " + format.description()));
            } else if (pattern.isPresent() && !pattern.get().matcher(text).matches()) {
                errors.add(error(at, "does not match " + pattern.get().pattern()));
            }
        }

        @Override
        public Json.Obj schema() {
            Json.ObjBuilder s = Json.object().put("type", "string");
            if (minLength > 0) {
                s.put("minLength", Json.of(minLength));
            }
            s.put("maxLength", Json.of(maxLength));
            format.schemaFormat().ifPresent(f -> s.put("format", f));
            pattern.ifPresent(p -> s.put("pattern", "^" + p.pattern() + "$"));
            return described(s, description);
        }
    }

    /** One of a fixed set of strings. */
    record Choice(List<String> values, String description) implements Shape {
        public Choice {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a choice has at least one value");
            }
        }

        @Override
        public void check(Json value, JsonPath at, List<FieldError> errors) {
            if (!(value instanceof Json.Str str) || !values.contains(str.value())) {
                errors.add(error(at, "is one of " + String.join(", ", values)));
            }
        }

        @Override
        public Json.Obj schema() {
            return described(Json.object().put("type", "string").put("enum", Json.strings(values)), description);
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    record Whole(long min, long max, String description) implements Shape {
        public Whole {
            if (max < min || Math.abs(min) > Json.Num.MAX_EXACT || Math.abs(max) > Json.Num.MAX_EXACT) {
                throw new IllegalArgumentException("bounds " + min + " to " + max);
            }
        }

        @Override
        public void check(Json value, JsonPath at, List<FieldError> errors) {
            if (!(value instanceof Json.Num num) || num.value() != Math.rint(num.value())
                    || num.value() < min || num.value() > max) {
                errors.add(error(at, "is a whole number from " + min + " to " + max));
            }
        }

        @Override
        public Json.Obj schema() {
            return described(Json.object().put("type", "integer").put("minimum", Json.of(min)).put("maximum", Json.of(max)),
                    description);
        }
    }

    /** {@code true} or {@code false}; with {@code only}, just that value. */
    record Flag(Optional<Boolean> only, String description) implements Shape {
        @Override
        public void check(Json value, JsonPath at, List<FieldError> errors) {
            if (!(value instanceof Json.Bool bool)) {
                errors.add(error(at, only.map(b -> "is " + b).orElse("is true or false")));
            } else if (only.isPresent() && bool.value() != only.get()) {
                errors.add(error(at, "is " + only.get()));
            }
        }

        @Override
        public Json.Obj schema() {
            Json.ObjBuilder s = Json.object().put("type", "boolean");
            only.ifPresent(b -> s.put("const", Json.of(b)));
            return described(s, description);
        }
    }

    /** An array of {@code minItems} to {@code maxItems} elements of {@code items}, each different where {@code unique}. */
    record Items(Shape items, int minItems, int maxItems, boolean unique, String description) implements Shape {
        public Items {
            if (minItems < 0 || maxItems < minItems) {
                throw new IllegalArgumentException("item counts " + minItems + " to " + maxItems);
            }
        }

        @Override
        public void check(Json value, JsonPath at, List<FieldError> errors) {
            if (!(value instanceof Json.Arr arr)) {
                errors.add(error(at, "is an array"));
                return;
            }
            List<Json> elements = arr.elements();
            if (elements.size() < minItems || elements.size() > maxItems) {
                errors.add(error(at, "has " + minItems + " to " + maxItems + " elements, not " + elements.size()));
                return;
            }
            Set<Json> seen = new HashSet<>();
            for (int i = 0; i < elements.size(); i++) {
                items.check(elements.get(i), at.index(i), errors);
                if (unique && !seen.add(elements.get(i))) {
                    errors.add(error(at.index(i), "repeats an earlier element"));
                }
            }
        }

        @Override
        public Json.Obj schema() {
            Json.ObjBuilder s = Json.object().put("type", "array").put("items", items.schema());
            if (minItems > 0) {
                s.put("minItems", Json.of(minItems));
            }
            s.put("maxItems", Json.of(maxItems));
            if (unique) {
                s.put("uniqueItems", Json.of(true));
            }
            return described(s, description);
        }
    }

    /**
     * An object with exactly these fields, in this order; none other. Of each group in {@code exactlyOne}, one
     * field and only one is present.
     */
    record Obj(List<Field> fields, List<List<String>> exactlyOne, String description) implements Shape {
        public Obj {
            fields = List.copyOf(fields);
            exactlyOne = exactlyOne.stream().map(List::copyOf).toList();
            Set<String> names = new HashSet<>();
            for (Field f : fields) {
                if (!names.add(f.name())) {
                    throw new IllegalArgumentException("field " + f.name() + " is declared twice");
                }
            }
            for (List<String> group : exactlyOne) {
                for (String name : group) {
                    if (!names.contains(name) || fields.stream().anyMatch(f -> f.name().equals(name) && f.required())) {
                        throw new IllegalArgumentException(name + " is not an optional field of this object");
                    }
                }
            }
        }

        @Override
        public void check(Json value, JsonPath at, List<FieldError> errors) {
            if (!(value instanceof Json.Obj obj)) {
                errors.add(error(at, "is an object"));
                return;
            }
            Map<String, Field> byName = new LinkedHashMap<>();
            fields.forEach(f -> byName.put(f.name(), f));
            for (String name : obj.members().keySet()) {
                if (!byName.containsKey(name)) {
                    errors.add(error(at.member(name), "is not a field here; the fields are " + String.join(", ", byName.keySet())));
                }
            }
            for (Field f : fields) {
                Json member = obj.get(f.name());
                if (member == null || member instanceof Json.Null) {
                    if (f.required()) {
                        errors.add(error(at.member(f.name()), "is required"));
                    }
                } else {
                    f.shape().check(member, at.member(f.name()), errors);
                }
            }
            for (List<String> group : exactlyOne) {
                long present = group.stream().filter(name -> Fields.present(obj, name)).count();
                if (present != 1) {
                    errors.add(error(at, "has exactly one of " + String.join(", ", group) + ", not " + present));
                }
            }
        }

        /** This object with {@code more} fields after its own, described as {@code description}. */
        public Obj with(String description, Field... more) {
            List<Field> all = new ArrayList<>(fields);
            all.addAll(List.of(more));
            return new Obj(all, exactlyOne, description);
        }

        /** This object, in which exactly one of {@code names} is present. */
        public Obj exactlyOne(String... names) {
            List<List<String>> groups = new ArrayList<>(exactlyOne);
            groups.add(List.of(names));
            return new Obj(fields, groups, description);
        }

        @Override
        public Json.Obj schema() {
            Json.ObjBuilder properties = Json.object();
            fields.forEach(f -> properties.put(f.name(), f.shape().schema()));
            Json.ObjBuilder s = Json.object().put("type", "object").put("properties", properties.build());
            List<String> required = fields.stream().filter(Field::required).map(Field::name).toList();
            if (!required.isEmpty()) {
                s.put("required", Json.strings(required));
            }
            s.put("additionalProperties", Json.of(false));
            if (exactlyOne.size() == 1) {
                s.put("oneOf", exactlyOne.getFirst().stream()
                        .<Json>map(name -> Json.object().put("required", Json.strings(List.of(name))).build()).toList());
            } else if (exactlyOne.size() > 1) {
                s.put("allOf", exactlyOne.stream().<Json>map(group -> Json.object().put("oneOf", group.stream()
                        .<Json>map(name -> Json.object().put("required", Json.strings(List.of(name))).build()).toList())
                        .build()).toList());
            }
            return described(s, description);
        }
    }

    /**
     * A shape checked by another reader: for parts of a request that a core parser reads with its own rules (the
     * DSA statement fields). {@code schema} describes what {@code checker} takes.
     */
    record Delegated(Json.Obj schema, Checker checker) implements Shape {
        @Override
        public void check(Json value, JsonPath at, List<FieldError> errors) {
            checker.check(value, at, errors);
        }
    }

    /** Checks a value for {@link Delegated}. */
    @FunctionalInterface
    interface Checker {
        /** Adds to {@code errors} every way {@code value}, found at {@code at}, does not hold. */
        void check(Json value, JsonPath at, List<FieldError> errors);
    }

    /** One field of an {@link Obj}. */
    record Field(String name, Shape shape, boolean required) {}

    /** A single-line text of {@code minLength} to {@code maxLength} characters. */
    static Text text(int minLength, int maxLength, String description) {
        return new Text(minLength, maxLength, false, Format.NONE, Optional.empty(), description);
    }

    /** A text of {@code minLength} to {@code maxLength} characters that may have line breaks and tabs. */
    static Text prose(int minLength, int maxLength, String description) {
        return new Text(minLength, maxLength, true, Format.NONE, Optional.empty(), description);
    }

    /** A single-line text in {@code format}, at most {@code maxLength} characters. */
    static Text formatted(Format format, int maxLength, String description) {
        return new Text(1, maxLength, false, format, Optional.empty(), description);
    }

    /** A single-line text of at most {@code maxLength} characters matching {@code regex} whole. */
    static Text matching(String regex, int maxLength, String description) {
        return new Text(1, maxLength, false, Format.NONE, Optional.of(Pattern.compile(regex)), description);
    }

    /** One of {@code values}. */
    static Choice choice(String description, List<String> values) {
        return new Choice(values, description);
    }

    /** A whole number from {@code min} to {@code max}. */
    static Whole whole(long min, long max, String description) {
        return new Whole(min, max, description);
    }

    /** {@code true} or {@code false}. */
    static Flag flag(String description) {
        return new Flag(Optional.empty(), description);
    }

    /** {@code true} and nothing else: a statement the sender MUST make. */
    static Flag affirmed(String description) {
        return new Flag(Optional.of(true), description);
    }

    /** An array of {@code minItems} to {@code maxItems} different elements of {@code items}. */
    static Items distinct(Shape items, int minItems, int maxItems, String description) {
        return new Items(items, minItems, maxItems, true, description);
    }

    /** An array of {@code minItems} to {@code maxItems} elements of {@code items}. */
    static Items list(Shape items, int minItems, int maxItems, String description) {
        return new Items(items, minItems, maxItems, false, description);
    }

    /** An object with exactly {@code fields}. */
    static Obj object(String description, Field... fields) {
        return new Obj(List.of(fields), List.of(), description);
    }

    /** A field that MUST be present. */
    static Field required(String name, Shape shape) {
        return new Field(name, shape, true);
    }

    /** A field that MAY be present. */
    static Field optional(String name, Shape shape) {
        return new Field(name, shape, false);
    }

    /** The error at {@code at}. */
    static FieldError error(JsonPath at, String problem) {
        return new FieldError(at.toString(), problem);
    }

    private static Json.Obj described(Json.ObjBuilder schema, String description) {
        if (!description.isBlank()) {
            schema.put("description", description);
        }
        return schema.build();
    }
}
