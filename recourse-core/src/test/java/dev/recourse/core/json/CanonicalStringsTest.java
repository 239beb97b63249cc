package dev.recourse.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The canonical writer's fast ways against simple references: strings encoded by the JDK and looked at eight bytes at
 * a time against an escaper that goes code point by code point; names and strings made once ({@link CanonicalString})
 * against the same strings written each time; objects of many members against their names' sorted order; instants
 * against their {@code toString}.
 */
class CanonicalStringsTest {

    /** RFC 8785's escaping, the ECMAScript JSON.stringify rules, one code point at a time; refuses lone surrogates. */
    private static byte[] reference(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isSurrogate(s.charAt(i)) && Character.charCount(cp) == 1) {
                throw new IllegalArgumentException("lone surrogate");
            }
            i += Character.charCount(cp);
            String escaped = switch (cp) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\b' -> "\\b";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\f' -> "\\f";
                case '\r' -> "\\r";
                default -> cp < 0x20 ? String.format("\\u%04x", cp) : Character.toString(cp);
            };
            out.writeBytes(escaped.getBytes(StandardCharsets.UTF_8));
        }
        out.write('"');
        return out.toByteArray();
    }

    /**
     * Strings of every kind: any chars (lone surrogates too); the characters JSON escapes among ASCII, Latin-1, BMP and
     * non-BMP letters and '?'; long ASCII runs with one escaped character anywhere, so that every byte of a word is tried.
     */
    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0000\u001f\u007f\u0080\u00e9\u00ff\u0100\u07ff\u0800\u2028\uffff?a"
                        + "\ud83d\ude02\ud800\udfff").ofMaxLength(40),
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(8).ofMaxLength(70),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(70),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40).flatMap(plain -> Arbitraries.integers()
                        .between(0, plain.length()).flatMap(at -> Arbitraries.of('"', '\\', '\u0000', '\u001f', '\n', '\u00e9', '\ud800')
                                .map(c -> plain.substring(0, at) + c + plain.substring(at)))));
    }

    @Property(tries = 3000)
    void aStringIsWrittenAsTheReferenceEscapesIt(@ForAll("strings") String s) {
        byte[] expected;
        try {
            expected = reference(s);
        } catch (IllegalArgumentException loneSurrogate) {
            assertThatThrownBy(() -> new CanonicalWriter(1).string(s)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lone surrogate");
            return;
        }
        assertThat(new CanonicalWriter(1).string(s).toByteArray()).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void aStringMadeOnceIsWrittenAsTheStringEachTime(@ForAll("strings") String s) {
        if (!JsonArbitraries.isUnicodeText(s)) {
            assertThatThrownBy(() -> CanonicalString.of(s)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        CanonicalString once = CanonicalString.of(s);
        byte[] each = new CanonicalWriter().beginObject().name(s).beginArray().string(s).string(s).endArray().endObject().toByteArray();
        byte[] made = new CanonicalWriter().beginObject().name(once).beginArray().string(once).string(s).endArray().endObject()
                .toByteArray();
        assertThat(made).isEqualTo(each);
    }

    @Property(tries = 200)
    void membersOfALargeObjectInAnyOrderComeOutSortedByTheirNames(@ForAll @IntRange(min = 0, max = 90) int count, @ForAll long seed) {
        Random random = new Random(seed);
        TreeMap<String, Integer> sorted = new TreeMap<>();
        while (sorted.size() < count) {
            sorted.put(Integer.toString(random.nextInt(1_000), 7 + random.nextInt(30)), sorted.size());
        }
        List<String> names = new ArrayList<>(sorted.keySet());
        Collections.shuffle(names, random);
        CanonicalWriter shuffled = new CanonicalWriter().beginObject();
        names.forEach(name -> shuffled.name(name).integer(sorted.get(name)));
        CanonicalWriter inOrder = new CanonicalWriter().beginObject();
        sorted.forEach((name, value) -> inOrder.name(name).integer(value));
        assertThat(shuffled.endObject().toByteArray()).isEqualTo(inOrder.endObject().toByteArray());
    }

    @Test
    void aQuestionMarkBesideLettersBeyondAsciiIsWrittenAsItIs() {
        assertThat(new String(new CanonicalWriter().string("Warum? Grüße").toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo("\"Warum? Grüße\"");
    }

    @Test
    void aLoneSurrogateBesideAQuestionMarkIsRefused() {
        assertThatThrownBy(() -> new CanonicalWriter().string("?\udc00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate at index 1");
    }

    @Test
    void aNameWrittenTwiceAmongManyIsRefused() {
        CanonicalWriter out = new CanonicalWriter().beginObject();
        for (int i = 40; i > 0; i--) {
            out.name("m" + i).integer(i);
        }
        out.name(CanonicalString.of("m7")).integer(7);
        assertThatThrownBy(out::endObject).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"m7\"");
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000), Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
                Arbitraries.just(0));
        Arbitrary<Long> seconds = Arbitraries.oneOf(Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                Arbitraries.longs().between(-62_167_219_200L - 86_400, 253_402_300_799L + 86_400),
                Arbitraries.of(-62_167_219_201L, -62_167_219_200L, 0L, -1L, 253_402_300_799L, 253_402_300_800L));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    @Property(tries = 3000)
    void anInstantIsWrittenAsTheStringOfItsToString(@ForAll("instants") Instant instant) {
        assertThat(new CanonicalWriter(1).instant(instant).toByteArray()).isEqualTo(new CanonicalWriter().string(instant.toString()).toByteArray());
    }
}
