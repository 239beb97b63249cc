package dev.recourse.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.note.NoteVectors.KeyVector;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ed25519NoteSignerTest {
    @ParameterizedTest
    @MethodSource(NoteVectors.ALL)
    void parsesTheVectorSignerKeyAndWritesItBack(KeyVector vector) {
        Ed25519NoteSigner signer = Ed25519NoteSigner.parse(vector.signerKey()).orElseThrow();

        assertThat(signer.name()).isEqualTo(vector.origin());
        assertThat(signer.keyId().toHex()).isEqualTo(vector.keyId());
        assertThat(signer.signerKey()).isEqualTo(vector.signerKey());
        assertThat(signer.verifierKey()).isEqualTo(vector.verifierKey());
    }

    @ParameterizedTest
    @MethodSource(NoteVectors.ALL)
    void theSeedGivesTheVectorKeys(KeyVector vector) {
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromSeed(vector.origin(), vector.seed());

        assertThat(signer.signerKey()).isEqualTo(vector.signerKey());
        assertThat(signer.verifierKey()).isEqualTo(vector.verifierKey());
        assertThat(signer.keyId().toHex()).isEqualTo(vector.keyId());
    }

    @ParameterizedTest
    @MethodSource(NoteVectors.ALL)
    void signingTheCheckpointReproducesTheVectorNoteByteForByte(KeyVector vector) {
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromSeed(vector.origin(), vector.seed());

        assertThat(Note.sign(vector.body(), List.of(signer))).isEqualTo(vector.checkpoint());
    }

    @ParameterizedTest
    @MethodSource(NoteVectors.ALL)
    void itsVerifierVerifiesItsSignatures(KeyVector vector) {
        Ed25519NoteSigner signer = Ed25519NoteSigner.parse(vector.signerKey()).orElseThrow();
        byte[] message = "hello\n".getBytes(StandardCharsets.UTF_8);

        assertThat(signer.verifier().verify(message, signer.sign(message))).isTrue();
        assertThat(signer.verifier().keyId()).isEqualTo(signer.keyId());
        assertThat(signer.verifier().name()).isEqualTo(signer.name());
    }

    @Test
    void aVerifierRejectsASignatureByAnotherKey() {
        Ed25519NoteSigner alice = TestKeys.log("example.com/log", 1);
        Ed25519NoteSigner mallory = TestKeys.log("example.com/log", 2);
        byte[] message = "hello\n".getBytes(StandardCharsets.UTF_8);

        assertThat(alice.verifier().verify(message, mallory.sign(message))).isFalse();
    }

    @Test
    void aVerifierRejectsASignatureOfAnotherMessage() {
        Ed25519NoteSigner signer = TestKeys.log("example.com/log", 1);

        byte[] signature = signer.sign("hello\n".getBytes(StandardCharsets.UTF_8));

        assertThat(signer.verifier().verify("hullo\n".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void aVerifierRejectsSignaturesOfTheWrongLength() {
        Ed25519NoteSigner signer = TestKeys.log("example.com/log", 1);
        byte[] message = "hello\n".getBytes(StandardCharsets.UTF_8);
        byte[] signature = signer.sign(message);

        assertThat(signer.verifier().verify(message, Arrays.copyOf(signature, 63))).isFalse();
        assertThat(signer.verifier().verify(message, Arrays.copyOf(signature, 65))).isFalse();
        assertThat(signer.verifier().verify(message, new byte[0])).isFalse();
    }

    @Test
    void aGeneratedKeyRoundTripsThroughItsSignerKey() {
        Ed25519NoteSigner generated = Ed25519NoteSigner.generate("example.com/fresh", new SecureRandom());

        Ed25519NoteSigner parsed = Ed25519NoteSigner.parse(generated.signerKey()).orElseThrow();

        assertThat(parsed.verifierKey()).isEqualTo(generated.verifierKey());
        assertThat(parsed.keyId()).isEqualTo(generated.keyId());
    }

    @Test
    void toStringShowsTheVerifierKeyNeverTheSecret() {
        Ed25519NoteSigner signer = TestKeys.log("example.com/log", 1);

        assertThat(signer.toString()).isEqualTo(signer.verifierKey()).doesNotContain("PRIVATE");
    }

    @Test
    void fromSeedRejectsASeedOfTheWrongLength() {
        assertThatThrownBy(() -> Ed25519NoteSigner.fromSeed("example.com/log", new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a+b", "a b", "a\tb", "a\u00a0b", "a\u2003b", "a\nb"})
    void fromSeedRejectsAnInvalidName(String name) {
        assertThatThrownBy(() -> Ed25519NoteSigner.fromSeed(name, TestKeys.seed(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseRejectsAKeyWithoutThePrivatePrefix() {
        String vkey = NoteVectors.keys().get(0).signerKey().substring("PRIVATE+KEY+".length());

        assertThat(Ed25519NoteSigner.parse(vkey)).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void parseRejectsAVerifierKey() {
        assertThat(Ed25519NoteSigner.parse(NoteVectors.keys().get(0).verifierKey())).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void parseRejectsUppercaseHexInTheKeyId() {
        KeyVector vector = NoteVectors.keys().get(0);
        String upper = vector.signerKey().replace(vector.keyId(), vector.keyId().toUpperCase());

        assertThat(upper).isNotEqualTo(vector.signerKey());
        assertThat(Ed25519NoteSigner.parse(upper)).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void parseRejectsAKeyIdThatDoesNotMatchTheKey() {
        KeyVector vector = NoteVectors.keys().get(0);
        String wrongId = vector.signerKey().replace(vector.keyId(), "00000000");

        assertThat(Ed25519NoteSigner.parse(wrongId)).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void parseRejectsAKeyUnderAnotherName() {
        KeyVector vector = NoteVectors.keys().get(0);
        String renamed = vector.signerKey().replace(vector.origin(), "example.com/other");

        assertThat(Ed25519NoteSigner.parse(renamed)).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void parseRejectsTheCosignatureType() {
        String cosigner = TestKeys.witness("example.com/witness", 1).signerKey();

        assertThat(Ed25519NoteSigner.parse(cosigner)).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void parseRejectsASeedOfTheWrongLength() {
        String name = "example.com/log";
        byte[] typed = new byte[32];
        typed[0] = 0x01;
        String key = "PRIVATE+KEY+" + name + "+00000000+" + Base64.getEncoder().encodeToString(typed);

        assertThat(Ed25519NoteSigner.parse(key)).isInstanceOf(Parsed.Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a+b", "a b", "a\tb", "a\nb", "a\u00a0b", "a\u0001b"})
    void namesThatCannotNameAKeyAreSaidWhy(String name) {
        assertThat(Ed25519NoteSigner.invalidName(name)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com/log", "caf\u00e9/\u2014"})
    void validNamesHaveNoProblem(String name) {
        assertThat(Ed25519NoteSigner.invalidName(name)).isEmpty();
    }
}
