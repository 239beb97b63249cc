package dev.recourse.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Json#parse}: RFC 8259 exactly, every rule with its refusal. */
class JsonParseTest {
    private static final String HIGH = "\ud83d";
    private static final String LOW = "\ude02";

    private static Json ok(String text) {
        Validation<Json> result = Json.parse(text);
        assertThat(result.errors()).as(text).isEmpty();
        return result.orElseThrow();
    }

    private static FieldError refused(String text) {
        Validation<Json> result = Json.parse(text);
        assertThat(result.isValid()).as("%s is refused", text).isFalse();
        assertThat(result.errors()).hasSize(1);
        return result.errors().getFirst();
    }

    @Test
    void readsEveryKindOfValue() {
        Json value = ok(" {\"a\" : [1, -2.5e3, true, false, null, \"x\"],\r\n\t\"b\":{}, \"c\":[]} ");
        assertThat(value).isEqualTo(Json.object()
                .put("a", List.of(Json.of(1), Json.of(-2500.0), Json.of(true), Json.of(false), Json.NULL, Json.of("x")))
                .put("b", Json.object().build()).put("c", List.of()).build());
    }

    @Test
    void readsAScalarAsTheWholeDocument() {
        assertThat(ok("\"text\"")).isEqualTo(Json.of("text"));
        assertThat(ok("42")).isEqualTo(Json.of(42));
        assertThat(ok("null")).isEqualTo(Json.NULL);
    }

    @Test
    void readsEveryEscape() {
        assertThat(ok("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u00E9 \\ud83d\\ude02\""))
                .isEqualTo(Json.of("\" \\ / \b \f \n \r \t é é \ud83d\ude02"));
    }

    @Test
    void readsARawSurrogatePair() {
        assertThat(ok("\"\ud83d\ude02\"")).isEqualTo(Json.of("\ud83d\ude02"));
    }

    @Test
    void readsNumbersAsTheNearestDouble() {
        assertThat(ok("0")).isEqualTo(Json.of(0));
        assertThat(ok("-0")).isEqualTo(Json.of(0));
        assertThat(ok("1E2")).isEqualTo(Json.of(100));
        assertThat(ok("1e-2")).isEqualTo(Json.of(0.01));
        assertThat(ok("0.1")).isEqualTo(Json.of(0.1));
        assertThat(ok("9007199254740992")).isEqualTo(Json.of(1L << 53));
        assertThat(ok("-9007199254740992")).isEqualTo(Json.of(-(1L << 53)));
        assertThat(ok("1.7976931348623157e308")).isEqualTo(Json.of(Double.MAX_VALUE));
    }

    @Test
    void roundsIntegersBeyondTwoToTheFiftyThreeToTheNearestDouble() {
        // 2^53 + 1 lies halfway between two doubles; ties go to the even one, 2^53.
        assertThat(ok("9007199254740993")).isEqualTo(Json.of(1L << 53));
        assertThat(ok("123456789012345670000")).isEqualTo(Json.of(1.2345678901234567e20));
    }

    @Test
    void underflowsTinyNumbersToZero() {
        assertThat(ok("1e-400")).isEqualTo(Json.of(0));
    }

    @Test
    void refusesNumbersBeyondTheRangeOfADouble() {
        assertThat(refused("[1e309]")).isEqualTo(new FieldError("$[0]", "at character 1: the number is beyond the range of a double"));
        assertThat(refused("-1e400").problem()).contains("beyond the range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "-01", "00", "1.", ".5", "-", "+1", "1e", "1e+", "1.e3", "0x10", "1_000", "- 1", "NaN", "Infinity",
            "-Infinity", "1.5.2"})
    void refusesNumbersOutsideTheGrammar(String text) {
        refused(text);
    }

    @Test
    void refusesALeadingZeroAtItsDigit() {
        assertThat(refused("[-012]")).isEqualTo(new FieldError("$[0]", "at character 3: a number MUST NOT have a leading zero"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,]", "[1,,2]", "[,1]", "{\"a\":1,}", "{,\"a\":1}", "{\"a\":1,,\"b\":2}"})
    void refusesStrayCommas(String text) {
        refused(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"// c\n1", "/* c */ 1", "[1 /* c */]", "1 # c", "{\"a\":1} // c"})
    void refusesComments(String text) {
        refused(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"True", "FALSE", "nul", "tru", "nulll", "undefined", "'a'", "{a:1}", "{'a':1}", "[1 2]", "{\"a\" 1}",
            "{\"a\":1 \"b\":2}", "[", "{", "[1", "{\"a\"", "{\"a\":", "\"abc", "]", "}"})
    void refusesOtherBrokenSyntax(String text) {
        refused(text);
    }

    @Test
    void refusesAnEmptyDocument() {
        assertThat(refused("")).isEqualTo(new FieldError("$", "at character 0: expected a value, found the end of the text"));
        assertThat(refused(" \n ").problem()).isEqualTo("at character 3: expected a value, found the end of the text");
    }

    @Test
    void refusesAnythingAfterTheValue() {
        assertThat(refused("{} {}")).isEqualTo(new FieldError("$", "at character 3: expected the end of the text after the value, found '{'"));
        assertThat(refused("1 2").problem()).startsWith("at character 2:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00a0", "\f", "\u000b", "\u2028", "\ufeff"})
    void refusesWhitespaceOtherThanTheFourOfTheRfc(String space) {
        refused(space + "1");
        refused("[1," + space + "2]");
    }

    @Test
    void refusesAByteOrderMark() {
        assertThat(refused("\ufeff{}")).isEqualTo(new FieldError("$", "at character 0: expected a value, found U+FEFF"));
        assertThat(Json.parseUtf8(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'}).isValid()).isFalse();
    }

    @Test
    void refusesUnescapedControlCharactersInStrings() {
        assertThat(refused("{\"a\":\"x\ny\"}")).isEqualTo(new FieldError("$.a", "at character 7: a control character U+000A in a string MUST be escaped"));
        refused("\"\u0000\"");
        refused("\"\u001f\"");
        assertThat(ok("\"\u007f\"")).isEqualTo(Json.of("\u007f"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\x41\"", "\"\\'\"", "\"\\a\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\U0041\"", "\"\\", "\"\\u", "\"\\u00e"})
    void refusesUnknownOrShortEscapes(String text) {
        refused(text);
    }

    @Test
    void refusesAnEscapedHighSurrogateWithoutItsLowSurrogate() {
        assertThat(refused("[\"ab\\ud83d\"]")).isEqualTo(new FieldError("$[0]",
                "at character 4: the escaped high surrogate \\ud83d is not followed by an escaped low surrogate: not Unicode text"));
        refused("\"\\ud83d\\u0041\"");
        refused("\"\\ud83d\\ud83d\"");
        refused("\"\\ud83dx\"");
    }

    @Test
    void refusesAnEscapedLowSurrogateOnItsOwn() {
        assertThat(refused("\"\\ude02\"").problem()).isEqualTo("at character 1: the escaped low surrogate \\ude02 follows no high surrogate: not Unicode text");
    }

    @Test
    void refusesRawLoneSurrogates() {
        assertThat(refused("\"a\ud83d\"").problem()).isEqualTo("at character 2: a lone surrogate U+D83D is not Unicode text");
        refused("\"\ude02\"");
        refused("\"\ude02\ud83d\"");
    }

    @Test
    void refusesAPairHalfRawHalfEscaped() {
        refused("\"" + HIGH + "\\" + "ude02\"");
        refused("\"\\" + "ud83d" + LOW + "\"");
    }

    @Test
    void refusesRawLoneSurrogatesOutsideStrings() {
        refused("\ud83d");
        refused("[1,\ude02]");
    }

    @Test
    void refusesADuplicateMemberNameAtTheSecondOne() {
        assertThat(refused("{\"a\":1,\"b\":{\"c\":1,\"c\":2}}")).isEqualTo(new FieldError("$.b.c", "at character 18: a second member with this name"));
    }

    @Test
    void comparesMemberNamesAfterUnescaping() {
        assertThat(refused("{\"a\":1,\"\\u0061\":2}").field()).isEqualTo("$.a");
        assertThat(ok("{\"a\":1,\"A\":2}")).isInstanceOf(Json.Obj.class);
    }

    @Test
    void nestsUpToTheLimitAndNoDeeper() {
        int limit = Json.MAX_DEPTH;
        assertThat(ok("[".repeat(limit) + "]".repeat(limit))).isInstanceOf(Json.Arr.class);
        FieldError tooDeep = refused("[".repeat(limit + 1) + "]".repeat(limit + 1));
        assertThat(tooDeep.problem()).isEqualTo("at character " + limit + ": arrays and objects nest deeper than 512 levels");
        assertThat(tooDeep.field()).startsWith("$[0][0]").endsWith("[0]");
        refused("{\"a\":".repeat(limit + 1) + "1" + "}".repeat(limit + 1));
    }

    @Test
    void refusesAMillionOpeningBracketsWithoutOverflowingTheStack() {
        assertThat(refused("[".repeat(1_000_000)).problem()).contains("deeper than 512");
    }

    @Test
    void namesTheMemberPathOfAProblem() {
        assertThat(refused("{\"a b\":[{\"c\":tru}]}").field()).isEqualTo("$[\"a b\"][0].c");
    }

    @Test
    void readsUtf8() {
        assertThat(Json.parseUtf8("{\"ö\":\"\ud83d\ude02\"}".getBytes(StandardCharsets.UTF_8)).orElseThrow())
                .isEqualTo(Json.object().put("ö", "\ud83d\ude02").build());
    }

    @Test
    void refusesInvalidUtf8AtItsByte() {
        byte[] overlong = {'"', 'a', (byte) 0xc0, (byte) 0xaf, '"'};
        assertThat(Json.parseUtf8(overlong).errors()).containsExactly(new FieldError("$", "at byte 2: not UTF-8"));
        byte[] encodedSurrogate = {'"', (byte) 0xed, (byte) 0xa0, (byte) 0xbd, '"'};
        assertThat(Json.parseUtf8(encodedSurrogate).isValid()).isFalse();
        byte[] truncated = {'"', (byte) 0xe2, (byte) 0x82};
        assertThat(Json.parseUtf8(truncated).errors()).containsExactly(new FieldError("$", "at byte 1: not UTF-8"));
    }
}
