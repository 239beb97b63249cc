package dev.recourse.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.tlog.Parsed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CosignatureTest {
    private static final String CHECKPOINT = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    private static final byte[] MESSAGE = CHECKPOINT.getBytes(StandardCharsets.UTF_8);
    private static final CosignatureSigner WITNESS = TestKeys.witness("witness.example.com/w1", 4);

    @Test
    void aCosignatureIsTheTimestampThenTheEd25519Signature() {
        byte[] cosignature = WITNESS.sign(MESSAGE);

        assertThat(cosignature).hasSize(72);
        assertThat(ByteBuffer.wrap(cosignature).getLong()).isEqualTo(TestKeys.NOW.getEpochSecond());
    }

    @Test
    void theSignedMessageIsTheHeaderTheTimeLineAndTheCheckpoint() {
        byte[] cosignature = WITNESS.sign(MESSAGE);
        Ed25519NoteSigner sameKey = Ed25519NoteSigner.fromSeed("any", TestKeys.seed(4));
        String signed = "cosignature/v1\ntime " + TestKeys.NOW.getEpochSecond() + "\n" + CHECKPOINT;

        assertThat(Arrays.copyOfRange(cosignature, 8, 72)).isEqualTo(sameKey.sign(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCosignatureVerifiesWithTheWitnessKey() {
        assertThat(WITNESS.verifier().verify(MESSAGE, WITNESS.sign(MESSAGE))).isTrue();
    }

    @Test
    void aCosignedNoteOpensAndTellsTheTime() {
        String note = Note.sign(CHECKPOINT, List.of(WITNESS));

        assertThat(Note.open(note, List.of(WITNESS.verifier())))
                .isInstanceOfSatisfying(OpenedNote.Opened.class, o -> assertThat(o.verified()).singleElement()
                        .satisfies(s -> assertThat(CosignatureVerifier.timestamp(s)).contains(TestKeys.NOW)));
    }

    @Test
    void theTimestampIsTruncatedToTheSecond() {
        CosignatureSigner witness = CosignatureSigner.fromSeed(
                "w", TestKeys.seed(4), InstantSource.fixed(Instant.parse("2026-07-01T12:00:00.999Z")));
        NoteSignature signature = Note.signature(CHECKPOINT, witness);

        assertThat(CosignatureVerifier.timestamp(signature)).contains(TestKeys.NOW);
    }

    @Test
    void aChangedTimestampDoesNotVerify() {
        byte[] cosignature = WITNESS.sign(MESSAGE);
        cosignature[7] ^= 1;

        assertThat(WITNESS.verifier().verify(MESSAGE, cosignature)).isFalse();
    }

    @Test
    void aTimestampAbove2To63Minus1DoesNotVerify() {
        byte[] cosignature = WITNESS.sign(MESSAGE);
        cosignature[0] |= (byte) 0x80;

        assertThat(WITNESS.verifier().verify(MESSAGE, cosignature)).isFalse();
        assertThat(CosignatureVerifier.timestamp(new NoteSignature("w", new KeyId(0), cosignature))).isEmpty();
    }

    @Test
    void aCosignatureOfAnotherCheckpointDoesNotVerify() {
        byte[] other = CHECKPOINT.replace("20852163", "20852164").getBytes(StandardCharsets.UTF_8);

        assertThat(WITNESS.verifier().verify(other, WITNESS.sign(MESSAGE))).isFalse();
    }

    @Test
    void aCosignatureByAnotherWitnessDoesNotVerify() {
        CosignatureSigner other = TestKeys.witness(WITNESS.name(), 5);

        assertThat(WITNESS.verifier().verify(MESSAGE, other.sign(MESSAGE))).isFalse();
    }

    @Test
    void aPlainEd25519SignatureIsNoCosignature() {
        Ed25519NoteSigner sameKey = Ed25519NoteSigner.fromSeed(WITNESS.name(), TestKeys.seed(4));

        assertThat(WITNESS.verifier().verify(MESSAGE, sameKey.sign(MESSAGE))).isFalse();
        assertThat(sameKey.keyId()).isNotEqualTo(WITNESS.keyId());
    }

    @Test
    void cosignaturesOfTheWrongLengthDoNotVerify() {
        byte[] cosignature = WITNESS.sign(MESSAGE);

        assertThat(WITNESS.verifier().verify(MESSAGE, Arrays.copyOf(cosignature, 71))).isFalse();
        assertThat(WITNESS.verifier().verify(MESSAGE, Arrays.copyOf(cosignature, 73))).isFalse();
        assertThat(CosignatureVerifier.timestamp(new NoteSignature("w", new KeyId(0), new byte[64]))).isEmpty();
    }

    @Test
    void theKeyIdUsesType4() {
        byte[] publicKey = Ed25519KeyPair.fromSeed(TestKeys.seed(4)).publicKey().encoded();

        assertThat(WITNESS.keyId()).isEqualTo(KeyId.of(WITNESS.name(), (byte) 0x04, publicKey));
        assertThat(WITNESS.verifier().keyId()).isEqualTo(WITNESS.keyId());
    }

    @Test
    void theSignerKeyRoundTrips() {
        CosignatureSigner parsed = CosignatureSigner.parse(WITNESS.signerKey(), TestKeys.CLOCK).orElseThrow();

        assertThat(parsed.verifierKey()).isEqualTo(WITNESS.verifierKey());
        assertThat(parsed.sign(MESSAGE)).isEqualTo(WITNESS.sign(MESSAGE));
    }

    @Test
    void aGeneratedWitnessCosigns() {
        CosignatureSigner witness = CosignatureSigner.generate("example.com/w", new SecureRandom(), TestKeys.CLOCK);

        NoteVerifier verifier = VerifierKeys.parse(witness.verifierKey()).orElseThrow();

        assertThat(verifier.verify(MESSAGE, witness.sign(MESSAGE))).isTrue();
    }

    @Test
    void parseRejectsAnEd25519SignerKey() {
        String logKey = TestKeys.log("example.com/log", 1).signerKey();

        assertThat(CosignatureSigner.parse(logKey, TestKeys.CLOCK)).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void signingBefore1970IsRefused() {
        CosignatureSigner early = CosignatureSigner.fromSeed("w", TestKeys.seed(4), InstantSource.fixed(Instant.parse("1969-12-31T23:59:59Z")));

        assertThatThrownBy(() -> early.sign(MESSAGE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEpochItselfCanBeSigned() {
        CosignatureSigner epoch = CosignatureSigner.fromSeed("w", TestKeys.seed(4), InstantSource.fixed(Instant.EPOCH));

        assertThat(epoch.verifier().verify(MESSAGE, epoch.sign(MESSAGE))).isTrue();
    }
}
