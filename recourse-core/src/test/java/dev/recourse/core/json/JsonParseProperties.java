package dev.recourse.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** {@link Json#parse} reads back what {@link CanonicalJson} writes, and never throws on anything else. */
class JsonParseProperties {

    // ---- generated values -----------------------------------------------------------------------------------

    @Provide
    static Arbitrary<Json> values() {
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
    private static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(8),
                Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0000\u001f\u2028\u00e9\ud83d\ude02").ofMaxLength(6),
                Arbitraries.strings().ofMaxLength(8))
                .filter(JsonParseProperties::isUnicodeText);
    }

    private static boolean isUnicodeText(String s) {
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

    // ---- round trips ----------------------------------------------------------------------------------------

    @Property(tries = 200)
    void parsingTheCanonicalTextGivesTheValueBack(@ForAll("values") Json value) {
        assertThat(Json.parse(CanonicalJson.write(value))).isEqualTo(new Validation.Valid<>(value));
        assertThat(Json.parseUtf8(CanonicalJson.utf8(value))).isEqualTo(new Validation.Valid<>(value));
    }

    @Property(tries = 200)
    void canonicalTextReadsAndWritesBackToItself(@ForAll("values") Json value) {
        String canonical = CanonicalJson.write(value);
        assertThat(CanonicalJson.write(Json.parse(canonical).orElseThrow())).isEqualTo(canonical);
    }

    @Property(tries = 200)
    void anySpacingAndMemberOrderReadsAsTheSameValue(@ForAll("values") Json value, @ForAll("spaces") List<String> spaces) {
        String loose = new Loose(spaces).write(value);
        assertThat(Json.parse(loose).orElseThrow()).isEqualTo(value);
    }

    @Provide
    Arbitrary<List<String>> spaces() {
        return Arbitraries.strings().withChars(" \t\n\r").ofMaxLength(3).list().ofMinSize(1).ofMaxSize(10);
    }

    /** Writes a value with members in reverse order, every escape spelled out, and whitespace between all tokens. */
    private static final class Loose {
        private final List<String> spaces;
        private int next;

        Loose(List<String> spaces) {
            this.spaces = spaces;
        }

        private String space() {
            return spaces.get(next++ % spaces.size());
        }

        String write(Json value) {
            return space() + switch (value) {
                case Json.Obj obj -> {
                    List<String> members = new ArrayList<>();
                    obj.members().reversed().forEach((name, v) -> members.add(space() + string(name) + space() + ":" + write(v)));
                    yield "{" + String.join(",", members) + space() + "}";
                }
                case Json.Arr arr -> "[" + String.join(",", arr.elements().stream().map(this::write).toList()) + space() + "]";
                case Json.Str str -> string(str.value());
                case Json.Num num -> Double.toString(num.value()).replace("E", "e");
                case Json.Bool bool -> Boolean.toString(bool.value());
                case Json.Null ignored -> "null";
            } + space();
        }

        private static String string(String s) {
            StringBuilder out = new StringBuilder("\"");
            s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? String.valueOf((char) c) : String.format("\\u%04X", c)));
            return out.append('"').toString();
        }
    }

    // ---- fuzzing ----------------------------------------------------------------------------------------------

    @Property(tries = 400)
    void anyStringIsReadOrRefusedWithItsPlace(@ForAll("junk") String text) {
        checkReadOrRefused(text);
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("{}[],:\"\\ \n0123456789.eE+-truefalsn\u0000\ud800\udc00/u").ofMaxLength(40));
    }

    @Property(tries = 400)
    void anyEditOfAValidDocumentIsReadOrRefusedWithItsPlace(@ForAll("edited") String text) {
        checkReadOrRefused(text);
    }

    @Provide
    Arbitrary<String> edited() {
        return Combinators.combine(values().map(CanonicalJson::write), edits().list().ofMinSize(1).ofMaxSize(3)).as((text, edits) -> {
            String edited = text;
            for (Edit edit : edits) {
                edited = edit.applyTo(edited);
            }
            return edited;
        });
    }

    /** Removes {@code removed} characters at a fraction {@code at} of the text and puts {@code insert} there. */
    record Edit(double at, int removed, String insert) {
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

    @Property(tries = 200)
    void anyBytesAreReadOrRefused(@ForAll byte[] bytes) {
        Validation<Json> result = Json.parseUtf8(bytes);
        assertThat(result.isValid() || result.errors().size() == 1).isTrue();
    }

    private static void checkReadOrRefused(String text) {
        Validation<Json> result = Json.parse(text);
        switch (result) {
            case Validation.Valid<Json> valid -> assertThat(Json.parse(CanonicalJson.write(valid.value())).orElseThrow()).isEqualTo(valid.value());
            case Validation.Invalid<Json> invalid -> {
                FieldError error = invalid.errors().getFirst();
                assertThat(error.field()).startsWith("$");
                int offset = Integer.parseInt(error.problem().replaceFirst("^at character (\\d+): .*$", "$1"));
                assertThat(offset).isBetween(0, text.length());
            }
        }
        agreesWithJackson(text, result);
    }

    // ---- a second opinion ------------------------------------------------------------------------------------

    private static final ObjectMapper JACKSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JACKSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Json.MAX_DEPTH).build());
    }

    /**
     * Jackson, held strictly, refuses what this parser refuses except lone surrogates and numbers beyond a double,
     * which Jackson lets through; and what both read, they read alike.
     */
    private static void agreesWithJackson(String text, Validation<Json> ours) {
        JsonNode theirs;
        try {
            theirs = JACKSON.readTree(text);
        } catch (Exception refused) {
            assertThat(ours.isValid()).as("Jackson refuses %s: %s", text, refused.getMessage()).isFalse();
            return;
        }
        if (theirs == null || theirs.isMissingNode()) {
            assertThat(ours.isValid()).as("Jackson reads no value in %s", text).isFalse();
            return;
        }
        switch (ours) {
            case Validation.Valid<Json> valid -> assertThat(valid.value()).isEqualTo(fromJackson(theirs));
            case Validation.Invalid<Json> invalid -> assertThat(invalid.errors().getFirst().problem())
                    .as("Jackson reads %s", text).containsAnyOf("surrogate", "beyond the range of a double");
        }
    }

    private static Json fromJackson(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Json> members = new LinkedHashMap<>();
                node.properties().forEach(e -> members.put(e.getKey(), fromJackson(e.getValue())));
                yield Json.object(members);
            }
            case ARRAY -> {
                List<Json> elements = new ArrayList<>();
                node.forEach(e -> elements.add(fromJackson(e)));
                yield new Json.Arr(elements);
            }
            case STRING -> Json.of(node.textValue());
            case NUMBER -> Json.of(node.isBigInteger() ? node.bigIntegerValue().doubleValue() : node.doubleValue());
            case BOOLEAN -> Json.of(node.booleanValue());
            case NULL -> Json.NULL;
            default -> throw new IllegalStateException("Jackson read a " + node.getNodeType());
        };
    }
}
