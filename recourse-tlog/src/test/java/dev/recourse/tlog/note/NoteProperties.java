package dev.recourse.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.TreeSize;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Parsers of untrusted text never throw, and what the library writes it reads back. */
class NoteProperties {
    private static final Ed25519NoteSigner LOG = TestKeys.log("example.com/log", 1);
    private static final CosignatureSigner WITNESS = TestKeys.witness("witness.example/w1", 2);

    // ---- Fuzzing: arbitrary and mutated input is Ok or Malformed, never an exception.

    @Property(tries = 500)
    void checkpointParseNeverThrows(@ForAll("arbitraryText") String text) {
        assertThat(Checkpoint.parse(text)).isNotNull();
    }

    @Property(tries = 500)
    void checkpointParseNeverThrowsOnMutatedCheckpoints(@ForAll("mutatedCheckpoints") String text) {
        Parsed<Checkpoint> parsed = Checkpoint.parse(text);

        if (parsed instanceof Parsed.Ok<Checkpoint>(Checkpoint checkpoint)) {
            assertThat(checkpoint.body()).isEqualTo(text);
        }
    }

    @Property(tries = 500)
    void noteParseNeverThrows(@ForAll("arbitraryText") String text) {
        assertThat(Note.parse(text)).isNotNull();
    }

    @Property(tries = 300)
    void noteOpenNeverThrowsAndNeverAcceptsAnotherText(@ForAll("mutatedNotes") String text) {
        OpenedNote opened = Note.open(text, List.of(LOG.verifier(), WITNESS.verifier()));

        if (opened instanceof OpenedNote.Opened o) {
            assertThat(o.body()).isEqualTo(SIGNED_BODY);
        }
        if (Note.parse(text) instanceof Parsed.Ok<SignedNote>(SignedNote note)) {
            assertThat(note.text()).isEqualTo(text);
        }
    }

    @Property(tries = 500)
    void verifierKeysParseNeverThrows(@ForAll("arbitraryText") String text) {
        assertThat(VerifierKeys.parse(text)).isNotNull();
    }

    @Property(tries = 300)
    void verifierKeysParseNeverThrowsOnMutatedKeys(@ForAll("mutatedVerifierKeys") String text) {
        if (VerifierKeys.parse(text) instanceof Parsed.Ok<NoteVerifier>(NoteVerifier verifier)) {
            assertThat(verifier).hasToString(text);
        }
    }

    @Property(tries = 500)
    void signerKeyParseNeverThrows(@ForAll("arbitraryText") String text) {
        assertThat(Ed25519NoteSigner.parse(text)).isNotNull();
        assertThat(CosignatureSigner.parse(text, TestKeys.CLOCK)).isNotNull();
    }

    @Property(tries = 200)
    void signerKeyParseNeverThrowsOnMutatedKeys(@ForAll("mutatedSignerKeys") String text) {
        if (Ed25519NoteSigner.parse(text) instanceof Parsed.Ok<Ed25519NoteSigner>(Ed25519NoteSigner signer)) {
            assertThat(signer.signerKey()).isEqualTo(text);
        }
        assertThat(CosignatureSigner.parse(text, TestKeys.CLOCK)).isNotNull();
    }

    // ---- Round trips: parse(write(x)) == x.

    @Property(tries = 300)
    void checkpointsRoundTrip(@ForAll("checkpoints") Checkpoint checkpoint) {
        assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(Parsed.ok(checkpoint));
    }

    @Property(tries = 300)
    void signedNotesRoundTrip(@ForAll("signedNotes") SignedNote note) {
        assertThat(Note.parse(note.text())).isEqualTo(Parsed.ok(note));
    }

    @Property(tries = 300)
    void keyIdsRoundTripThroughHex(@ForAll int value) {
        assertThat(KeyId.fromHex(new KeyId(value).toHex())).isEqualTo(Parsed.ok(new KeyId(value)));
    }

    @Property(tries = 30)
    void keysRoundTripThroughTheirStrings(@ForAll("names") String name, @ForAll("seeds") byte[] seed) {
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromSeed(name, seed);
        CosignatureSigner witness = CosignatureSigner.fromSeed(name, seed, TestKeys.CLOCK);

        assertThat(Ed25519NoteSigner.parse(signer.signerKey()).orElseThrow().verifierKey()).isEqualTo(signer.verifierKey());
        assertThat(VerifierKeys.parse(signer.verifierKey()).orElseThrow().keyId()).isEqualTo(signer.keyId());
        assertThat(CosignatureSigner.parse(witness.signerKey(), TestKeys.CLOCK).orElseThrow().verifierKey())
                .isEqualTo(witness.verifierKey());
        assertThat(VerifierKeys.parse(witness.verifierKey()).orElseThrow().keyId()).isEqualTo(witness.keyId());
    }

    @Property(tries = 50)
    void signedBodiesOpen(@ForAll("bodies") String body) {
        String note = Note.sign(body, List.of(LOG, WITNESS));

        assertThat(Note.open(note, List.of(LOG.verifier(), WITNESS.verifier())))
                .isInstanceOfSatisfying(OpenedNote.Opened.class, o -> {
                    assertThat(o.body()).isEqualTo(body);
                    assertThat(o.verified()).hasSize(2);
                });
    }

    // ---- Generators.

    private static final String SIGNED_BODY = "example.com/log\n42\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    @Provide
    Arbitrary<String> arbitraryText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().withChars("\n \u2014+=/0aA-\r").ofMaxLength(40),
                Mutations.pieces().list().ofMaxSize(12).map(pieces -> String.join("", pieces)));
    }

    @Provide
    Arbitrary<String> mutatedCheckpoints() {
        return Mutations.of(checkpoints().map(Checkpoint::body));
    }

    @Provide
    Arbitrary<String> mutatedNotes() {
        return Mutations.of(Arbitraries.just(Note.sign(SIGNED_BODY, List.of(LOG, WITNESS))));
    }

    @Provide
    Arbitrary<String> mutatedVerifierKeys() {
        return Mutations.of(Arbitraries.of(
                LOG.verifierKey(), WITNESS.verifierKey(), NoteVectors.keys().get(0).verifierKey()));
    }

    @Provide
    Arbitrary<String> mutatedSignerKeys() {
        return Mutations.of(Arbitraries.of(LOG.signerKey(), WITNESS.signerKey(), NoteVectors.keys().get(1).signerKey()));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings()
                .withCharRange('!', '*')
                .withCharRange(',', '~')
                .withChars("\u00e9\u2014\u00df")
                .ofMinLength(1)
                .ofMaxLength(30);
    }

    @Provide
    Arbitrary<byte[]> seeds() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }

    /** Valid note text: lines of printable characters, some empty, each ending in a newline. */
    @Provide
    Arbitrary<String> bodies() {
        return lines(0).list().ofMinSize(1).ofMaxSize(6).map(lines -> String.join("\n", lines) + "\n");
    }

    @Provide
    Arbitrary<Checkpoint> checkpoints() {
        return Combinators.combine(
                        lines(1),
                        Arbitraries.oneOf(Arbitraries.longs().between(0, 1000), Arbitraries.longs().greaterOrEqual(0)),
                        Arbitraries.bytes().array(byte[].class).ofSize(Hash.SIZE),
                        lines(1).list().ofMaxSize(3))
                .as((origin, size, root, extensions) -> new Checkpoint(origin, TreeSize.of(size), Hash.of(root), extensions));
    }

    @Provide
    Arbitrary<SignedNote> signedNotes() {
        Arbitrary<NoteSignature> signatures = Combinators.combine(
                        names(),
                        Arbitraries.integers().map(KeyId::new),
                        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(80))
                .as(NoteSignature::new);
        return Combinators.combine(bodies(), signatures.list().ofMinSize(1).ofMaxSize(5)).as(SignedNote::new);
    }

    private static Arbitrary<String> lines(int minLength) {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars("\u00e9\u2014\u00a0")
                .ofMinLength(minLength)
                .ofMaxLength(40);
    }
}
