package dev.recourse.server.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
    @Test
    void aKeyReadsBackWithTheSameHash() {
        ApiKey key = ApiKey.generate(new SecureRandom());

        ApiKey read = ApiKey.parse(key.reveal()).orElseThrow();

        assertThat(read.hash()).isEqualTo(key.hash());
        assertThat(key.reveal()).matches("rk_[A-Za-z0-9_-]{43}");
    }

    @Test
    void theHashIsTheSha256OfTheKeysBytes() {
        ApiKey zero = ApiKey.parse("rk_" + "A".repeat(43)).orElseThrow();

        // SHA-256 of 32 zero bytes.
        assertThat(HexFormat.of().formatHex(zero.hash())).isEqualTo("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925");
    }

    @Test
    void keysDrawnAreDifferent() {
        SplittableRandom random = new SplittableRandom(7);

        assertThat(ApiKey.generate(random).reveal()).isNotEqualTo(ApiKey.generate(random).reveal());
    }

    @Test
    void aKeyIsNeverShownByToString() {
        ApiKey key = ApiKey.generate(new SecureRandom());

        assertThat(key.toString()).doesNotContain(key.reveal().substring(3));
    }

    @Test
    void aSecondSpellingOfTheSameBytesIsRefused() {
        // The last character carries 4 bits of the key and 2 that MUST be zero: B sets one of those.
        assertThat(ApiKey.parse("rk_" + "A".repeat(42) + "B")).isEmpty();
    }

    @Property(tries = 500)
    void anyTextIsAKeyOrNotButNeverAnError(@ForAll String text) {
        ApiKey.parse(text).ifPresent(k -> assertThat(k.reveal()).isEqualTo(text));
    }
}
