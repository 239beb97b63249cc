package dev.recourse.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // RFC 8785 appendix B and the reference implementation's test file samples.
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4340000000000001, 9007199254740994",
        "4340000000000002, 9007199254740996",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void numbersAreSerializedAsEcmaScriptDoes(String ieeeHex, String expected) {
        double x = Double.longBitsToDouble(HexFormat.fromHexDigitsToLong(ieeeHex));
        assertThat(CanonicalJson.write(Json.of(x))).isEqualTo(expected);
    }

    @Test
    void numbersUsePlainNotationBetweenOneMillionthAndTenToTheTwentyOne() {
        assertThat(List.of(1e30, 4.50, 6.0, 2e-3, 1e-27, 1e-7, 1e20, 123.0, 0.1, -1.5e-6).stream()
                .map(x -> CanonicalJson.write(Json.of(x))).toList())
                .containsExactly("1e+30", "4.5", "6", "0.002", "1e-27", "1e-7", "100000000000000000000", "123", "0.1", "-0.0000015");
    }

    @Property(tries = 2000)
    void numbersRoundTrip(@ForAll double x) {
        if (!Double.isFinite(x)) {
            return;
        }
        String text = CanonicalJson.write(Json.of(x));
        assertThat(Double.parseDouble(text)).isEqualTo(x == 0 ? 0.0 : x);
        assertThat(text).doesNotContain("E").doesNotStartWith("+");
    }

    @Test
    void integersBeyondTwoToTheFiftyThreeAreRefused() {
        assertThatThrownBy(() -> Json.of((1L << 53) + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CanonicalJson.write(Json.of(1L << 53))).isEqualTo("9007199254740992");
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        assertThatThrownBy(() -> Json.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.of(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringsEscapeOnlyWhatEcmaScriptEscapes() {
        String input = "\u20ac$\u000F\nA'B\"\\\\\"/";
        assertThat(CanonicalJson.write(Json.of(input))).isEqualTo("\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"");
        assertThat(CanonicalJson.write(Json.of("\b\t\n\f\r\u0000\u001f\u007f</script>")))
                .isEqualTo("\"\\b\\t\\n\\f\\r\\u0000\\u001f\u007f</script>\"");
    }

    @Test
    void loneSurrogatesAreRefused() {
        assertThatThrownBy(() -> CanonicalJson.write(Json.of("a\ud800b"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Json.of("\ude02"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void membersAreSortedByUtf16CodeUnits() {
        // The reference implementation's "weird.json".
        Json.Obj obj = Json.object()
                .put("\u20ac", "Euro Sign")
                .put("1", "One")
                .put("\u0080", "Control\u007f")
                .put("\ud83d\ude02", "Smiley")
                .put("\u00f6", "Latin Small Letter O With Diaeresis")
                .put("\ufb33", "Hebrew Letter Dalet With Dagesh")
                .put("</script>", "Browser Challenge")
                .build();
        assertThat(CanonicalJson.write(obj)).isEqualTo(
                "{\"1\":\"One\",\"</script>\":\"Browser Challenge\",\"\u0080\":\"Control\u007f\","
                        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                        + "\"\ud83d\ude02\":\"Smiley\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void theRfcSampleIsCanonicalizedByteForByte() {
        Json.Obj obj = Json.object()
                .put("numbers", List.of(Json.of(1e30), Json.of(4.50), Json.of(6), Json.of(2e-3), Json.of(1e-27)))
                .put("escaping", "\u20ac$\u000F\nA'B\"\\\\\"/")
                .put("other", List.of(Json.NULL, Json.of(true), Json.of(false)))
                .build();
        assertThat(HexFormat.of().formatHex(CanonicalJson.utf8(obj))).isEqualTo((""
                + "7b 22 65 73 63 61 70 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30 30 66 5c 6e 41 27 42 5c 22 5c 5c"
                + "5c 5c 5c 22 2f 22 2c 22 6e 75 6d 62 65 72 73 22 3a 5b 31 65 2b 33 30 2c 34 2e 35 2c 36 2c 30 2e"
                + "30 30 32 2c 31 65 2d 32 37 5d 2c 22 6f 74 68 65 72 22 3a 5b 6e 75 6c 6c 2c 74 72 75 65 2c 66 61"
                + "6c 73 65 5d 7d").replace(" ", ""));
    }

    @Test
    void nestedStructuresAreSortedAtEveryLevelAndArraysKeepTheirOrder() {
        Json.Obj inner = Json.object().put("b", Json.of(2)).put("a", Json.of(1)).build();
        Json.Obj outer = Json.object().put("z", List.of(Json.of(3), inner, Json.of("x"))).put("y", Json.NULL).build();
        assertThat(CanonicalJson.write(outer)).isEqualTo("{\"y\":null,\"z\":[3,{\"a\":1,\"b\":2},\"x\"]}");
        assertThat(new String(CanonicalJson.utf8(Json.of("ö")), StandardCharsets.UTF_8)).isEqualTo("\"ö\"");
    }

    @Test
    void aNameIsPutOnce() {
        assertThatThrownBy(() -> Json.object().put("a", "1").put("a", "2")).isInstanceOf(IllegalArgumentException.class);
    }
}
