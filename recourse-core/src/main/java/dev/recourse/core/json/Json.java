package dev.recourse.core.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * A JSON value. Objects keep their members in insertion order (the canonical writer sorts them);
 * numbers are IEEE-754 doubles, as RFC 8785 requires, and MUST be finite.
 */
public sealed interface Json {

    /** A JSON object; member names are unique. */
    record Obj(SequencedMap<String, Json> members) implements Json {
        public Obj {
            members = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(members));
        }

        /** The member named {@code name}, or {@code null} when there is none. */
        public Json get(String name) {
            return members.get(name);
        }
    }

    /** A JSON array. */
    record Arr(List<Json> elements) implements Json {
        public Arr {
            elements = List.copyOf(elements);
        }
    }

    /** A JSON string. */
    record Str(String value) implements Json {
        public Str {
            if (value == null) {
                throw new IllegalArgumentException("a JSON string is not null; use Json.NULL");
            }
        }
    }

    /** A JSON number: a finite double. */
    record Num(double value) implements Json {
        /** The largest integer a double holds exactly: 2^53. */
        public static final long MAX_EXACT = 1L << 53;

        public Num {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("JSON has no " + value);
            }
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements Json {}

    /** {@code null}. */
    record Null() implements Json {}

    /** The {@code null} value. */
    Json NULL = new Null();

    /** A string value. */
    static Json of(String value) {
        return new Str(value);
    }

    /** A boolean value. */
    static Json of(boolean value) {
        return new Bool(value);
    }

    /**
     * An integer value.
     *
     * @throws IllegalArgumentException if a double cannot hold {@code value} exactly
     */
    static Json of(long value) {
        if (Math.abs(value) > Num.MAX_EXACT) {
            throw new IllegalArgumentException(value + " is beyond the integers JSON numbers hold exactly");
        }
        return new Num(value);
    }

    /** A number value; it MUST be finite. */
    static Json of(double value) {
        return new Num(value);
    }

    /** An array of strings. */
    static Json strings(List<String> values) {
        return new Arr(values.stream().map(Json::of).toList());
    }

    /** Starts an object whose members keep the order in which they are put. */
    static ObjBuilder object() {
        return new ObjBuilder();
    }

    /** Builds an {@link Obj}; a name MUST NOT be put twice. */
    final class ObjBuilder {
        private final LinkedHashMap<String, Json> members = new LinkedHashMap<>();

        private ObjBuilder() {}

        /** Adds a member. */
        public ObjBuilder put(String name, Json value) {
            if (members.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("member \"" + name + "\" is already set");
            }
            return this;
        }

        /** Adds a string member. */
        public ObjBuilder put(String name, String value) {
            return put(name, Json.of(value));
        }

        /** Adds an array member. */
        public ObjBuilder put(String name, List<Json> elements) {
            return put(name, new Arr(new ArrayList<>(elements)));
        }

        /** The object built so far. */
        public Obj build() {
            return new Obj(members);
        }
    }

    /** Shorthand for an object from a map, in the map's order. */
    static Obj object(Map<String, Json> members) {
        return new Obj(new LinkedHashMap<>(members));
    }
}
