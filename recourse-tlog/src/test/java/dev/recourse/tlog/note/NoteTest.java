package dev.recourse.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.note.NoteVectors.KeyVector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NoteTest {
    private static final String BODY = "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned \u00e8 subito sera.\n";
    private static final Ed25519NoteSigner LOG = TestKeys.log("example.com/log", 1);
    private static final Ed25519NoteSigner OTHER = TestKeys.log("example.com/other", 2);

    @ParameterizedTest
    @MethodSource(NoteVectors.ALL)
    void theVectorCheckpointOpensAgainstItsVerifierKey(KeyVector vector) {
        NoteVerifier key = VerifierKeys.parse(vector.verifierKey()).orElseThrow();

        OpenedNote opened = Note.open(vector.checkpoint(), List.of(key));

        assertThat(opened).isInstanceOfSatisfying(OpenedNote.Opened.class, o -> {
            assertThat(o.body()).isEqualTo(vector.body());
            assertThat(o.verified()).singleElement().satisfies(s -> {
                assertThat(s.name()).isEqualTo(vector.origin());
                assertThat(s.keyId().toHex()).isEqualTo(vector.keyId());
            });
            assertThat(o.unverified()).isEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource(NoteVectors.ALL)
    void theVectorCheckpointIsRejectedAgainstTheOtherKey(KeyVector vector) {
        KeyVector other = NoteVectors.keys().stream().filter(v -> v != vector).findFirst().orElseThrow();
        NoteVerifier otherKey = VerifierKeys.parse(other.verifierKey()).orElseThrow();

        assertThat(Note.open(vector.checkpoint(), List.of(otherKey))).isInstanceOf(OpenedNote.Rejected.class);
    }

    @ParameterizedTest
    @MethodSource(NoteVectors.ALL)
    void changingAnyByteOfTheVectorCheckpointRejectsIt(KeyVector vector) {
        NoteVerifier key = VerifierKeys.parse(vector.verifierKey()).orElseThrow();
        byte[] bytes = vector.checkpoint().getBytes(StandardCharsets.UTF_8);

        for (int i = 0; i < bytes.length; i++) {
            for (int flip : new int[] {0x01, 0x20, 0x80}) {
                byte[] changed = bytes.clone();
                changed[i] ^= (byte) flip;
                String text = new String(changed, StandardCharsets.UTF_8);

                assertThat(Note.open(text, List.of(key)))
                        .as("byte %d ^ 0x%02x", i, flip)
                        .isInstanceOf(OpenedNote.Rejected.class);
            }
        }
    }

    @Test
    void signThenOpenGivesTheBodyBack() {
        String note = Note.sign(BODY, List.of(LOG));

        assertThat(Note.open(note, List.of(LOG.verifier())))
                .isInstanceOfSatisfying(OpenedNote.Opened.class, o -> assertThat(o.body()).isEqualTo(BODY));
    }

    @Test
    void signWritesABlankLineAndOneEmDashLinePerSigner() {
        String note = Note.sign(BODY, List.of(LOG, OTHER));

        String[] signatureLines = note.substring(BODY.length() + 1).split("\n");
        assertThat(note).startsWith(BODY + "\n");
        assertThat(signatureLines).hasSize(2);
        assertThat(signatureLines[0]).startsWith("\u2014 example.com/log ");
        assertThat(signatureLines[1]).startsWith("\u2014 example.com/other ");
        assertThat(note).endsWith("\n");
    }

    @Test
    void signaturesByUnknownKeysAreIgnoredAndReportedUnverified() {
        String note = Note.sign(BODY, List.of(OTHER, LOG));

        OpenedNote opened = Note.open(note, List.of(LOG.verifier()));

        assertThat(opened).isInstanceOfSatisfying(OpenedNote.Opened.class, o -> {
            assertThat(o.verified()).extracting(NoteSignature::name).containsExactly("example.com/log");
            assertThat(o.unverified()).extracting(NoteSignature::name).containsExactly("example.com/other");
        });
    }

    @Test
    void allKnownSignaturesAreVerified() {
        String note = Note.sign(BODY, List.of(LOG, OTHER));

        assertThat(Note.open(note, List.of(LOG.verifier(), OTHER.verifier())))
                .isInstanceOfSatisfying(OpenedNote.Opened.class, o -> assertThat(o.verified()).hasSize(2));
    }

    @Test
    void aNoteWithoutASignatureByAKnownKeyIsRejected() {
        String note = Note.sign(BODY, List.of(OTHER));

        assertThat(Note.open(note, List.of(LOG.verifier()))).isInstanceOf(OpenedNote.Rejected.class);
        assertThat(Note.open(note, List.of())).isInstanceOf(OpenedNote.Rejected.class);
    }

    @Test
    void aKeySharingOnlyTheNameOfAKnownKeyIsIgnored() {
        Ed25519NoteSigner impostor = TestKeys.log(LOG.name(), 9);
        String note = Note.sign(BODY, List.of(impostor, LOG));

        assertThat(Note.open(note, List.of(LOG.verifier())))
                .isInstanceOfSatisfying(OpenedNote.Opened.class, o -> {
                    assertThat(o.verified()).singleElement().extracting(NoteSignature::keyId).isEqualTo(LOG.keyId());
                    assertThat(o.unverified()).singleElement().extracting(NoteSignature::keyId).isEqualTo(impostor.keyId());
                });
    }

    @Test
    void aKnownKeysSignatureThatFailsRejectsTheWholeNote() {
        NoteSigner forger = forger(LOG.name(), LOG.keyId());
        String note = Note.sign(BODY, List.of(OTHER, forger));

        assertThat(Note.open(note, List.of(LOG.verifier(), OTHER.verifier()))).isInstanceOf(OpenedNote.Rejected.class);
    }

    @Test
    void aKnownKeySigningTwiceRejectsTheNote() {
        String once = Note.sign(BODY, List.of(LOG));
        String twice = once + once.substring(BODY.length() + 1);

        assertThat(Note.open(twice, List.of(LOG.verifier()))).isInstanceOf(OpenedNote.Rejected.class);
    }

    @Test
    void repeatedUnknownSignaturesAreReportedOnce() {
        String note = Note.sign(BODY, List.of(LOG, OTHER));
        String otherLine = note.substring(note.indexOf("\u2014 example.com/other"));

        assertThat(Note.open(note + otherLine, List.of(LOG.verifier())))
                .isInstanceOfSatisfying(OpenedNote.Opened.class, o -> assertThat(o.unverified()).hasSize(1));
    }

    @Test
    void sixteenKnownSignaturesAreAccepted() {
        List<Ed25519NoteSigner> signers = IntStream.range(0, 16).mapToObj(i -> TestKeys.log("example.com/k" + i, 10 + i)).toList();
        String note = Note.sign(BODY, signers);

        assertThat(Note.open(note, signers.stream().map(Ed25519NoteSigner::verifier).toList()))
                .isInstanceOfSatisfying(OpenedNote.Opened.class, o -> assertThat(o.verified()).hasSize(16));
    }

    @Test
    void aHundredSignatureLinesAreAcceptedAndOneMoreIsNot() {
        String note = Note.sign(BODY, List.of(LOG));
        StringBuilder hundred = new StringBuilder(note);
        for (int i = 1; i < Note.MAX_SIGNATURES; i++) {
            hundred.append(unknownLine(i));
        }

        assertThat(Note.open(hundred.toString(), List.of(LOG.verifier())))
                .isInstanceOfSatisfying(OpenedNote.Opened.class, o -> assertThat(o.unverified()).hasSize(99));
        assertThat(Note.parse(hundred + unknownLine(1000))).isInstanceOf(Parsed.Malformed.class);
        assertThat(Note.open(hundred + unknownLine(1000), List.of(LOG.verifier()))).isInstanceOf(OpenedNote.Rejected.class);
    }

    @Test
    void parseSplitsAtTheLastBlankLine() {
        SignedNote note = Note.parse(Note.sign(BODY, List.of(LOG))).orElseThrow();

        assertThat(note.body()).isEqualTo(BODY);
        assertThat(note.signatures()).singleElement().extracting(NoteSignature::keyId).isEqualTo(LOG.keyId());
    }

    @Test
    void aBodyOfOnlyANewlineCanBeSignedAndOpened() {
        String note = Note.sign("\n", List.of(LOG));

        assertThat(Note.open(note, List.of(LOG.verifier())))
                .isInstanceOfSatisfying(OpenedNote.Opened.class, o -> assertThat(o.body()).isEqualTo("\n"));
    }

    @Test
    void aBodyEndingInABlankLineRoundTrips() {
        String body = "text\n\n";

        assertThat(Note.open(Note.sign(body, List.of(LOG)), List.of(LOG.verifier())))
                .isInstanceOfSatisfying(OpenedNote.Opened.class, o -> assertThat(o.body()).isEqualTo(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "text\n",
        "text\n\n",
        "text\n\n\u2014 example.com/log AAAAAAA=",
        "text\n\n\u2014 example.com/log AAAAAAA=\n\n",
        "text\n\n- example.com/log AAAAAAA=\n",
        "text\n\n\u2014example.com/log AAAAAAA=\n",
        "text\n\n\u2014  example.com/log AAAAAAA=\n",
        "text\n\n\u2014 example.com/log  AAAAAAA=\n",
        "text\n\n\u2014 example.com/log AAAAAAA= \n",
        "text\n\n\u2014 example.com/log\n",
        "text\n\n\u2014 example.com/log \n",
        "text\n\n\u2014 example.com+log AAAAAAA=\n",
        "text\n\n\u2014 example.com/log AAAAAA==\n",
        "text\n\n\u2014 example.com/log AAAAAAB=\n",
        "text\n\n\u2014 example.com/log AAAAAAA\n",
        "text\n\n\u2014 example.com/log AAAAAAA=\r\n",
        "te\txt\n\n\u2014 example.com/log AAAAAAA=\n",
        "te\ud800xt\n\n\u2014 example.com/log AAAAAAA=\n",
    })
    void parseRejectsMalformedNotes(String text) {
        assertThat(Note.parse(text)).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void parseAcceptsTheShortestSignature() {
        SignedNote note = Note.parse("text\n\n\u2014 example.com/log AAAAAAA=\n").orElseThrow();

        assertThat(note.signatures()).singleElement().satisfies(s -> assertThat(s.signature()).hasSize(1));
    }

    @Test
    void parseRejectsANoteLargerThanAMillionBytes() {
        String big = "\u00e9".repeat(Note.MAX_SIZE / 2) + "\n\n\u2014 example.com/log AAAAAAA=\n";

        assertThat(Note.parse(big)).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void signRejectsABodyWithoutTheFinalNewline() {
        assertThatThrownBy(() -> Note.sign("text", List.of(LOG))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signRejectsABodyWithAControlCharacter() {
        assertThatThrownBy(() -> Note.sign("te\u0007xt\n", List.of(LOG))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signRejectsNoSigners() {
        assertThatThrownBy(() -> Note.sign(BODY, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signRejectsTheSameKeyTwice() {
        assertThatThrownBy(() -> Note.sign(BODY, List.of(LOG, LOG))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signRejectsASignerWithAnInvalidName() {
        NoteSigner badName = forger("bad name", new KeyId(1));

        assertThatThrownBy(() -> Note.sign(BODY, List.of(badName))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openRejectsTwoKnownKeysWithTheSameNameAndKeyId() {
        String note = Note.sign(BODY, List.of(LOG));

        assertThatThrownBy(() -> Note.open(note, List.of(LOG.verifier(), LOG.verifier())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signedNoteTextIsWhatSignWrites() {
        String text = Note.sign(BODY, List.of(LOG, OTHER));

        assertThat(Note.parse(text).orElseThrow().text()).isEqualTo(text);
    }

    @Test
    void aWitnessSignatureAddedToASignedNoteVerifies() {
        SignedNote logged = Note.parse(Note.sign(BODY, List.of(LOG))).orElseThrow();
        List<NoteSignature> all = new ArrayList<>(logged.signatures());
        all.add(Note.signature(logged.body(), OTHER));

        String both = new SignedNote(logged.body(), all).text();

        assertThat(Note.open(both, List.of(LOG.verifier(), OTHER.verifier())))
                .isInstanceOfSatisfying(OpenedNote.Opened.class, o -> assertThat(o.verified()).hasSize(2));
    }

    @Test
    void signedNoteRejectsNoSignatures() {
        assertThatThrownBy(() -> new SignedNote(BODY, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noteSignatureRejectsAnInvalidName() {
        assertThatThrownBy(() -> new NoteSignature("a+b", new KeyId(1), new byte[1])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noteSignatureRejectsNoSignatureBytes() {
        assertThatThrownBy(() -> new NoteSignature("a", new KeyId(1), new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noteSignaturesAreEqualByContent() {
        assertThat(new NoteSignature("a", new KeyId(1), new byte[] {1, 2}))
                .isEqualTo(new NoteSignature("a", new KeyId(1), new byte[] {1, 2}))
                .hasSameHashCodeAs(new NoteSignature("a", new KeyId(1), new byte[] {1, 2}))
                .isNotEqualTo(new NoteSignature("a", new KeyId(1), new byte[] {1, 3}));
    }

    @Test
    void noteSignatureCopiesItsBytes() {
        byte[] bytes = {1, 2};
        NoteSignature signature = new NoteSignature("a", new KeyId(1), bytes);

        bytes[0] = 9;
        signature.signature()[1] = 9;

        assertThat(signature.signature()).containsExactly(1, 2);
    }

    /** A signature line by an unknown key. */
    private static String unknownLine(int number) {
        byte[] bytes = new byte[68];
        bytes[0] = (byte) (number >> 8);
        bytes[1] = (byte) number;
        return "\u2014 example.com/unknown" + number + " " + Base64.getEncoder().encodeToString(bytes) + "\n";
    }

    /** A signer that claims a name and key ID and signs zeros. */
    private static NoteSigner forger(String name, KeyId keyId) {
        return new Forger(name, keyId);
    }

    private record Forger(String name, KeyId keyId) implements NoteSigner {
        @Override
        public byte[] sign(byte[] message) {
            return new byte[64];
        }
    }
}
