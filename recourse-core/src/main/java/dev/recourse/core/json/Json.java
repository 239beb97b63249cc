package dev.recourse.core.json;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
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
    /** How deeply {@link #parse} lets arrays and objects nest: a document {@code [[...]]} may have this many levels. */
    int MAX_DEPTH = 512;

    /**
     * Reads JSON text strictly by RFC 8259: the result, or the first problem as a {@link FieldError} whose field is the
     * {@link JsonPath} where it was found and whose problem starts with {@code at character N:} (N counts UTF-16 code
     * units from 0). It never throws; the caller bounds the size of the text.
     *
     * <p>The rules:
     * <ul>
     *   <li>one value, with only space, tab, line feed and carriage return around and between tokens: no comments, no
     *       byte order mark, no trailing commas, nothing after the value;</li>
     *   <li>literals {@code true}, {@code false}, {@code null} in lower case; no {@code NaN} or {@code Infinity};</li>
     *   <li>numbers by the grammar {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}: no leading zeros, no
     *       {@code +}, no bare {@code .}; read as the nearest double (ties to even), as RFC 8785 and ECMAScript read
     *       them, so integers up to 2^53 in magnitude are exact and {@code -0} is 0; a number whose magnitude rounds
     *       beyond the largest double is refused;</li>
     *   <li>strings with every control character below U+0020 escaped, escapes only <code>\" \\ \/ \b \f \n \r \t
     *       &#92;uXXXX</code>; surrogates only in pairs, both raw or both escaped: a lone surrogate cannot be encoded in UTF-8 and
     *       is refused, raw or escaped;</li>
     *   <li>member names unique within their object, compared after unescaping;</li>
     *   <li>arrays and objects nested at most {@link #MAX_DEPTH} levels deep.</li>
     * </ul>
     */
    static Validation<Json> parse(String text) {
        return JsonParser.parse(text);
    }

    /**
     * Reads JSON from UTF-8 bytes: invalid UTF-8 (overlong forms, encoded surrogates, truncated sequences) is refused
     * with {@code at byte N: not UTF-8}; the text is then read as {@link #parse(String)} reads it.
     */
    static Validation<Json> parseUtf8(byte[] utf8) {
        return JsonParser.parseUtf8(utf8);
    }

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

    /** A JSON number: a finite double; -0 is held as 0, since JSON text (RFC 8785) does not tell them apart. */
    record Num(double value) implements Json {
        /** The largest integer a double holds exactly: 2^53. */
        public static final long MAX_EXACT = 1L << 53;

        public Num {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("JSON has no " + value);
            }
            value += 0.0; // -0 + 0 is +0
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
