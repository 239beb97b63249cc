package dev.recourse.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "AA==", "AAA=", "AAAA", "+/+/", "YWJj"})
    void decodesCanonicalBase64(String text) {
        assertThat(Canonical.parseBase64(text).isOk()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AA", "AAA", "AB==", "AAB=", "A===", "====", "AA=A", "AA==AAAA", "AA AA", "AA\nAA", "-_-_",
        "AAAA=", "\u00c0AAA"})
    void rejectsBase64ThatIsNotCanonical(String text) {
        assertThat(Canonical.parseBase64(text)).isInstanceOf(Parsed.Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "10", "73894", "9223372036854775807"})
    void readsDecimalNumbers(String text) {
        assertThat(Canonical.parseDecimal(text)).isEqualTo(Parsed.ok(Long.parseLong(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "01", "-1", "+1", " 1", "1 ", "1_000", "1e3", "0x10", "9223372036854775808",
        "99999999999999999999", "\u0661"})
    void rejectsAnyOtherSpellingOfANumber(String text) {
        assertThat(Canonical.parseDecimal(text)).isInstanceOf(Parsed.Malformed.class);
    }

    @Property(tries = 500)
    void base64DecodingNeverThrowsAndAcceptsOnlyCanonicalSpellings(@ForAll("text") String text) {
        if (Canonical.parseBase64(text) instanceof Parsed.Ok<byte[]>(byte[] bytes)) {
            assertThat(Canonical.base64(bytes)).isEqualTo(text);
        }
    }

    @Property(tries = 300)
    void base64RoundTrips(@ForAll byte[] bytes) {
        assertThat(Canonical.parseBase64(Canonical.base64(bytes)).orElseThrow()).isEqualTo(bytes);
    }

    @Property(tries = 500)
    void decimalsNeverThrowAndAcceptOnlyTheirOwnSpelling(@ForAll("text") String text) {
        if (Canonical.parseDecimal(text) instanceof Parsed.Ok<Long>(Long number)) {
            assertThat(Long.toString(number)).isEqualTo(text);
        }
    }

    @Property(tries = 300)
    void decimalsRoundTrip(@ForAll("nonNegative") long number) {
        assertThat(Canonical.parseDecimal(Long.toString(number))).isEqualTo(Parsed.ok(number));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("AZaz09+/= -\n").ofMaxLength(24),
                Arbitraries.strings().numeric().ofMaxLength(21));
    }

    @Provide
    Arbitrary<Long> nonNegative() {
        return Arbitraries.longs().greaterOrEqual(0);
    }
}
