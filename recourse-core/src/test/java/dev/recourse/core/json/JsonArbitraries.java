package dev.recourse.core.json;

import java.util.LinkedHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generated JSON values and Unicode texts, for properties of JSON readers and writers. */
public final class JsonArbitraries {
    private JsonArbitraries() {}

    /** Any JSON value, nested at most four levels deep. */
    public static Arbitrary<Json> values() {
        return values(4);
    }

    private static Arbitrary<Json> values(int depth) {
        Arbitrary<Json> leaves = Arbitraries.oneOf(
                texts().map(Json::of),
                Arbitraries.doubles().map(Json::of),
                Arbitraries.longs().between(-Json.Num.MAX_EXACT, Json.Num.MAX_EXACT).map(Json::of),
                Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE, 1e21, 1e-7, 5e-324, 0.1).map(Json::of),
                Arbitraries.of(Json.of(true), Json.of(false), Json.NULL));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<Json> inner = values(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaves),
                Tuple.of(1, inner.list().ofMaxSize(4).map(Json.Arr::new)),
                Tuple.of(1, Arbitraries.maps(texts(), inner).ofMaxSize(4).map(m -> new Json.Obj(new LinkedHashMap<>(m)))));
    }

    /** Unicode text: any characters but lone surrogates, with the ones JSON escapes made likely. */
    public static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(8),
                Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0000\u001f\u2028\u00e9\ud83d\ude02").ofMaxLength(6),
                Arbitraries.strings().ofMaxLength(8))
                .filter(JsonArbitraries::isUnicodeText);
    }

    /** Whether {@code s} holds no lone surrogate. */
    public static boolean isUnicodeText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** One to three edits of each of {@code documents}: characters removed and JSON-ish pieces put in their place. */
    public static Arbitrary<String> edited(Arbitrary<String> documents) {
        return Combinators.combine(documents, edits().list().ofMinSize(1).ofMaxSize(3)).as((text, edits) -> {
            String edited = text;
            for (Edit edit : edits) {
                edited = edit.applyTo(edited);
            }
            return edited;
        });
    }

    /** Removes {@code removed} characters at a fraction {@code at} of the text and puts {@code insert} there. */
    private record Edit(double at, int removed, String insert) {
        String applyTo(String text) {
            int from = (int) (at * text.length());
            return text.substring(0, from) + insert + text.substring(Math.min(text.length(), from + removed));
        }
    }

    private static Arbitrary<Edit> edits() {
        Arbitrary<String> inserts = Arbitraries.oneOf(
                Arbitraries.of("", ",", ":", "{", "}", "[", "]", "\"", "\\", "\\u", "\\ud83d", "\\ude02", "\ud83d", "0", "-", "e", ".",
                        " ", "\u0000", "\n", "true", "null", "1e999", "\"a\":1,", "[[[[", "//", "/*", "NaN"),
                Arbitraries.strings().ofMaxLength(3));
        return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 4), inserts).as(Edit::new);
    }
}
