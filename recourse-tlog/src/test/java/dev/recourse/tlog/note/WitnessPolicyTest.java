package dev.recourse.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.tlog.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WitnessPolicyTest {
    private static final String CHECKPOINT = "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    private static final Ed25519NoteSigner LOG = TestKeys.log("example.com/log", 1);
    private static final CosignatureSigner W1 = TestKeys.witness("w1.example", 11);
    private static final CosignatureSigner W2 = TestKeys.witness("w2.example", 12);
    private static final CosignatureSigner W3 = TestKeys.witness("w3.example", 13);
    private static final WitnessPolicy TWO_OF_THREE = new WitnessPolicy(List.of(W1.verifier(), W2.verifier(), W3.verifier()), 2);

    @Test
    void holdsWhenEnoughWitnessesCosigned() {
        assertThat(TWO_OF_THREE.check(Note.sign(CHECKPOINT, List.of(LOG, W1, W3)))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void holdsWhenAllWitnessesCosigned() {
        assertThat(TWO_OF_THREE.check(Note.sign(CHECKPOINT, List.of(LOG, W1, W2, W3))).holds()).isTrue();
    }

    @Test
    void failsWithTooFewCosignatures() {
        assertThat(TWO_OF_THREE.check(Note.sign(CHECKPOINT, List.of(LOG, W2)))).isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void failsWithNoCosignature() {
        assertThat(TWO_OF_THREE.check(Note.sign(CHECKPOINT, List.of(LOG)))).isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void aRepeatedCosignatureDoesNotCountTwice() {
        String once = Note.sign(CHECKPOINT, List.of(LOG, W1));
        String w1Line = once.substring(once.indexOf("\u2014 w1.example"));

        assertThat(TWO_OF_THREE.check(once + w1Line)).isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void cosignaturesByUnknownWitnessesDoNotCount() {
        CosignatureSigner stranger = TestKeys.witness("stranger.example", 20);
        CosignatureSigner impostor = TestKeys.witness(W2.name(), 21);

        assertThat(TWO_OF_THREE.check(Note.sign(CHECKPOINT, List.of(LOG, W1, stranger, impostor))))
                .isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void aBadCosignatureByAKnownWitnessFails() {
        SignedNote note = new SignedNote(CHECKPOINT, List.of(
                Note.signature(CHECKPOINT, W1),
                Note.signature(CHECKPOINT, W2),
                new NoteSignature(W3.name(), W3.keyId(), W3.sign("another checkpoint\n".getBytes()))));

        assertThat(TWO_OF_THREE.check(note.text())).isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void theLogsOwnSignatureIsNoCosignature() {
        WitnessPolicy logAsWitness = new WitnessPolicy(List.of(W1.verifier(), LOG.verifier()), 2);

        assertThat(logAsWitness.check(Note.sign(CHECKPOINT, List.of(LOG, W1))).holds()).isTrue();
        assertThat(TWO_OF_THREE.check(Note.sign(CHECKPOINT, List.of(LOG, W1)))).isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void failsOnAMalformedNote() {
        assertThat(TWO_OF_THREE.check(CHECKPOINT)).isInstanceOf(Verdict.Fails.class);
    }

    @Test
    void aThresholdOfZeroIsRefused() {
        assertThatThrownBy(() -> new WitnessPolicy(List.of(W1.verifier()), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aThresholdAboveTheWitnessCountIsRefused() {
        assertThatThrownBy(() -> new WitnessPolicy(List.of(W1.verifier(), W2.verifier()), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicateWitnessesAreRefused() {
        assertThatThrownBy(() -> new WitnessPolicy(List.of(W1.verifier(), W2.verifier(), W1.verifier()), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWitnessListIsCopied() {
        List<NoteVerifier> witnesses = new ArrayList<>(List.of(W1.verifier()));
        WitnessPolicy policy = new WitnessPolicy(witnesses, 1);

        witnesses.add(W2.verifier());

        assertThat(policy.witnesses()).hasSize(1);
    }
}
