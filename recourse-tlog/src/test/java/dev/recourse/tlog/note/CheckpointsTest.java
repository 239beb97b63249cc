package dev.recourse.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.TreeSize;
import dev.recourse.tlog.note.NoteVectors.KeyVector;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CheckpointsTest {
    private static final Ed25519NoteSigner LOG = TestKeys.log("example.com/log", 1);
    private static final Checkpoint CHECKPOINT =
            new Checkpoint(LOG.name(), TreeSize.of(5), Hash.fromBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));
    private static final CosignatureSigner W1 = TestKeys.witness("w1.example", 11);
    private static final CosignatureSigner W2 = TestKeys.witness("w2.example", 12);
    private static final WitnessPolicy BOTH = new WitnessPolicy(List.of(W1.verifier(), W2.verifier()), 2);

    @ParameterizedTest
    @MethodSource(NoteVectors.ALL)
    void theVectorCheckpointIsValid(KeyVector vector) {
        NoteVerifier key = VerifierKeys.parse(vector.verifierKey()).orElseThrow();

        assertThat(Checkpoints.open(vector.checkpoint(), key, Optional.empty()))
                .isInstanceOfSatisfying(CheckpointResult.Valid.class, valid -> {
                    assertThat(valid.checkpoint().size()).isEqualTo(TreeSize.of(vector.treeSize()));
                    assertThat(valid.checkpoint().origin()).isEqualTo(vector.origin());
                    assertThat(valid.noteText()).isEqualTo(vector.checkpoint());
                });
    }

    @Test
    void aCheckpointSignedByTheLogIsValid() {
        String note = Note.sign(CHECKPOINT.body(), List.of(LOG));

        assertThat(Checkpoints.open(note, LOG.verifier(), Optional.empty()))
                .isEqualTo(new CheckpointResult.Valid(CHECKPOINT, note));
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsInvalid() {
        Ed25519NoteSigner other = TestKeys.log(LOG.name(), 2);
        String note = Note.sign(CHECKPOINT.body(), List.of(other));

        assertThat(Checkpoints.open(note, LOG.verifier(), Optional.empty())).isInstanceOf(CheckpointResult.Invalid.class);
    }

    @Test
    void aCheckpointOfAnotherOriginIsInvalid() {
        Checkpoint foreign = new Checkpoint("example.com/another-log", CHECKPOINT.size(), CHECKPOINT.root());
        String note = Note.sign(foreign.body(), List.of(LOG));

        assertThat(Checkpoints.open(note, LOG.verifier(), Optional.empty())).isInstanceOf(CheckpointResult.Invalid.class);
    }

    @Test
    void aSignedNoteThatIsNoCheckpointIsInvalid() {
        String note = Note.sign("example.com/log\nnot a size\n", List.of(LOG));

        assertThat(Checkpoints.open(note, LOG.verifier(), Optional.empty())).isInstanceOf(CheckpointResult.Invalid.class);
    }

    @Test
    void aWitnessedCheckpointIsValidUnderThePolicy() {
        String note = Note.sign(CHECKPOINT.body(), List.of(LOG, W1, W2));

        assertThat(Checkpoints.open(note, LOG.verifier(), Optional.of(BOTH))).isInstanceOf(CheckpointResult.Valid.class);
    }

    @Test
    void anUnderWitnessedCheckpointIsInvalidUnderThePolicy() {
        String note = Note.sign(CHECKPOINT.body(), List.of(LOG, W1));

        assertThat(Checkpoints.open(note, LOG.verifier(), Optional.of(BOTH))).isInstanceOf(CheckpointResult.Invalid.class);
        assertThat(Checkpoints.open(note, LOG.verifier(), Optional.empty())).isInstanceOf(CheckpointResult.Valid.class);
    }

    @Test
    void witnessesAloneDoNotMakeACheckpointValid() {
        String note = Note.sign(CHECKPOINT.body(), List.of(W1, W2));

        assertThat(Checkpoints.open(note, LOG.verifier(), Optional.of(BOTH))).isInstanceOf(CheckpointResult.Invalid.class);
    }

    @Test
    void theUnverifiedCheckpointIsTheOneTheNoteStatesWhoeverSignedIt() {
        String note = Note.sign(CHECKPOINT.body(), List.of(TestKeys.log(LOG.name(), 2)));

        assertThat(Checkpoints.parseUnverified(note)).isEqualTo(Parsed.ok(CHECKPOINT));
    }

    @Test
    void readingUnverifiedRequiresASignedNote() {
        assertThat(Checkpoints.parseUnverified(CHECKPOINT.body())).isInstanceOfSatisfying(Parsed.Malformed.class,
                m -> assertThat(m.reason()).startsWith("not a signed note: "));
    }

    @Test
    void readingUnverifiedRequiresACheckpoint() {
        assertThat(Checkpoints.parseUnverified(Note.sign("hello\n", List.of(LOG)))).isInstanceOfSatisfying(Parsed.Malformed.class,
                m -> assertThat(m.reason()).startsWith("the signed note is not a checkpoint: "));
    }
}
