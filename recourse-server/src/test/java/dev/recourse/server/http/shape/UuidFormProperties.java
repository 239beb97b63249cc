package dev.recourse.server.http.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Format#isUuid}, checked by hand, takes exactly the texts of the form its regular expression describes. */
class UuidFormProperties {
    /** The form as documented: lower-case hex, 8-4-4-4-12. */
    private static final Pattern DEFINITION = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Property(tries = 2000)
    void agreesWithTheDefinitionOnTextsNearTheForm(@ForAll("nearlyUuids") String text) {
        assertThat(Format.isUuid(text)).isEqualTo(DEFINITION.matcher(text).matches());
    }

    @Property
    void takesEveryUuidJavaWrites(@ForAll("uuids") UUID id) {
        assertThat(Format.isUuid(id.toString())).isTrue();
    }

    @Example
    void refusesUpperCaseHexAndMisplacedDashes() {
        assertThat(Format.isUuid("0191C5A8-7B3D-7E21-9F00-0A1B2C3D4E5F")).isFalse();
        assertThat(Format.isUuid("0191c5a87-b3d-7e21-9f00-0a1b2c3d4e5f")).isFalse();
        assertThat(Format.isUuid("0191c5a8-7b3d-7e21-9f00-0a1b2c3d4e5")).isFalse();
        assertThat(Format.isUuid("")).isFalse();
    }

    @Provide
    Arbitrary<UUID> uuids() {
        return Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()));
    }

    /** Texts of about a UUID's length from the characters a UUID is made of and a few it is not. */
    @Provide
    Arbitrary<String> nearlyUuids() {
        Arbitrary<String> mutated = uuids().map(UUID::toString).flatMap(text -> Arbitraries.integers().between(0, text.length() - 1)
                .flatMap(at -> Arbitraries.of('0', 'a', 'f', 'g', 'A', 'F', '-', ' ', 'é')
                        .map(c -> text.substring(0, at) + c + text.substring(at + 1))));
        Arbitrary<String> random = Arbitraries.strings().withChars("0123456789abcdefABG-").ofMinLength(34).ofMaxLength(38);
        return Arbitraries.oneOf(mutated, random, uuids().map(UUID::toString));
    }
}
