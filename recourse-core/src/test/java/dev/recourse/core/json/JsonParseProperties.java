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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Json#parse} reads back what {@link CanonicalJson} writes, and never throws on anything else. */
class JsonParseProperties {

    @Provide
    Arbitrary<Json> values() {
        return JsonArbitraries.values();
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
        return JsonArbitraries.edited(JsonArbitraries.values().map(CanonicalJson::write));
    }

    @Property(tries = 200)
    void anyBytesAreReadOrRefused(@ForAll byte[] bytes) {
        Validation<Json> result = Json.parseUtf8(bytes);
        assertThat(result.isValid() || result.errors().size() == 1).isTrue();
    }

    @Property(tries = 400)
    void bytesReadAsTheTextOfTheirStrictUtf8DecodingOrAreRefusedAsNotUtf8(@ForAll("nearlyUtf8") byte[] bytes) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        Validation<Json> result = Json.parseUtf8(bytes);
        try {
            String text = strict.decode(ByteBuffer.wrap(bytes)).toString();
            assertThat(result).isEqualTo(Json.parse(text));
        } catch (CharacterCodingException e) {
            assertThat(result.errors()).singleElement().satisfies(error -> assertThat(error.problem()).endsWith("not UTF-8"));
        }
    }

    /** JSON texts in UTF-8 (any text in their strings, U+FFFD too), some with a byte changed, and bytes at random. */
    @Provide
    Arbitrary<byte[]> nearlyUtf8() {
        Arbitrary<byte[]> documents = JsonArbitraries.values().map(CanonicalJson::utf8);
        Arbitrary<byte[]> withText = Arbitraries.of("a", "\u00e9", "\u00a7", "\u0641", "\ufffd", "\ud83d\ude00", "\"", "\\").list().ofMaxSize(8)
                .map(pieces -> CanonicalJson.utf8(Json.object().put("text", String.join("", pieces)).build()));
        Arbitrary<byte[]> changed = Arbitraries.oneOf(documents, withText).filter(b -> b.length > 0).flatMap(b -> Arbitraries.integers()
                .between(0, b.length - 1).flatMap(at -> Arbitraries.bytes().map(by -> {
                    byte[] copy = b.clone();
                    copy[at] = by;
                    return copy;
                })));
        return Arbitraries.oneOf(documents, withText, changed, Arbitraries.bytes().array(byte[].class).ofMaxSize(16));
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
