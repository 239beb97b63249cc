package dev.recourse.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.note.NoteVectors.KeyVector;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VerifierKeysTest {
    @ParameterizedTest
    @MethodSource(NoteVectors.ALL)
    void parsesTheVectorVerifierKey(KeyVector vector) {
        NoteVerifier verifier = VerifierKeys.parse(vector.verifierKey()).orElseThrow();

        assertThat(verifier.name()).isEqualTo(vector.origin());
        assertThat(verifier.keyId().toHex()).isEqualTo(vector.keyId());
        assertThat(verifier).hasToString(vector.verifierKey());
    }

    @Test
    void aCosignatureKeyGivesACosignatureVerifier() {
        CosignatureSigner witness = TestKeys.witness("example.com/witness", 3);

        NoteVerifier verifier = VerifierKeys.parse(witness.verifierKey()).orElseThrow();

        assertThat(verifier).isInstanceOf(CosignatureVerifier.class);
        assertThat(verifier.keyId()).isEqualTo(witness.keyId());
        assertThat(verifier).hasToString(witness.verifierKey());
    }

    @Test
    void rejectsAnUnknownSignatureType() {
        byte[] key = new byte[32];
        key[0] = 9;

        assertThat(VerifierKeys.parse(keyString("example.com/log", (byte) 0x02, key))).isInstanceOf(Parsed.Malformed.class);
        assertThat(VerifierKeys.parse(keyString("example.com/log", (byte) 0x06, key))).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void rejectsAKeyIdThatDoesNotMatchTheKey() {
        KeyVector vector = NoteVectors.keys().get(0);
        String flipped = vector.verifierKey().replace(vector.keyId(), "cd6fc5f1");

        assertThat(flipped).isNotEqualTo(vector.verifierKey());
        assertThat(VerifierKeys.parse(flipped)).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void rejectsTheKeyUnderAnotherName() {
        KeyVector vector = NoteVectors.keys().get(0);

        assertThat(VerifierKeys.parse(vector.verifierKey().replace(vector.origin(), "example.com/other")))
                .isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void rejectsUppercaseHex() {
        KeyVector vector = NoteVectors.keys().get(0);
        String upper = vector.verifierKey().replace(vector.keyId(), vector.keyId().toUpperCase());

        assertThat(upper).isNotEqualTo(vector.verifierKey());
        assertThat(VerifierKeys.parse(upper)).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void rejectsAKeyOfTheWrongLength() {
        assertThat(VerifierKeys.parse(keyString("example.com/log", (byte) 0x01, new byte[31]))).isInstanceOf(Parsed.Malformed.class);
        assertThat(VerifierKeys.parse(keyString("example.com/log", (byte) 0x01, new byte[33]))).isInstanceOf(Parsed.Malformed.class);
        assertThat(VerifierKeys.parse(keyString("example.com/log", (byte) 0x04, new byte[31]))).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void rejectsBytesThatAreNoPointOfTheCurve() {
        // y = 2 has no x on edwards25519; y = 2^255 - 1 is not below the field prime.
        byte[] noPoint = new byte[32];
        noPoint[0] = 2;
        byte[] tooLarge = HexFormat.of().parseHex("ff".repeat(31) + "7f");

        assertThat(VerifierKeys.parse(keyString("example.com/log", (byte) 0x01, noPoint))).isInstanceOf(Parsed.Malformed.class);
        assertThat(VerifierKeys.parse(keyString("example.com/log", (byte) 0x01, tooLarge))).isInstanceOf(Parsed.Malformed.class);
        assertThat(VerifierKeys.parse(keyString("example.com/log", (byte) 0x04, noPoint))).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void rejectsAnInvalidName() {
        for (String name : List.of("", "a b", "a\u00a0b", "a\tb")) {
            assertThat(VerifierKeys.parse(keyString(name, (byte) 0x01, publicKey(5)))).as(name).isInstanceOf(Parsed.Malformed.class);
        }
    }

    @Test
    void rejectsASignerKey() {
        assertThat(VerifierKeys.parse(NoteVectors.keys().get(0).signerKey())).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void rejectsAKeyWithoutKeyMaterial() {
        String name = "example.com/log";
        assertThat(VerifierKeys.parse(name + "+00000000+")).isInstanceOf(Parsed.Malformed.class);
        assertThat(VerifierKeys.parse(name + "+00000000+AQ==")).isInstanceOf(Parsed.Malformed.class);
        assertThat(VerifierKeys.parse(name + "+00000000")).isInstanceOf(Parsed.Malformed.class);
        assertThat(VerifierKeys.parse(name)).isInstanceOf(Parsed.Malformed.class);
    }

    /** A key string with the right key ID for whatever key material it is given. */
    private static String keyString(String name, byte type, byte[] key) {
        byte[] typed = new byte[key.length + 1];
        typed[0] = type;
        System.arraycopy(key, 0, typed, 1, key.length);
        String id = name.isEmpty() ? "00000000" : KeyId.of(name, type, key).toHex();
        return name + "+" + id + "+" + Base64.getEncoder().encodeToString(typed);
    }

    private static byte[] publicKey(int number) {
        return Ed25519KeyPair.fromSeed(TestKeys.seed(number)).publicKey().encoded();
    }
}
