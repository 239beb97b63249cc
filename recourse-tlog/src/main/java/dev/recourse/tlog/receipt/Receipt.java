package dev.recourse.tlog.receipt;

import dev.recourse.tlog.Canonical;
import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.InclusionProof;
import dev.recourse.tlog.merkle.Merkle;
import dev.recourse.tlog.merkle.Proofs;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.CheckpointResult;
import dev.recourse.tlog.note.Checkpoints;
import dev.recourse.tlog.note.NoteVerifier;
import dev.recourse.tlog.note.WitnessPolicy;
import dev.recourse.tlog.tile.TileHashSource;
import dev.recourse.tlog.tile.TileReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A receipt: the offline-verifiable proof that an entry is in a log (c2sp.org/tlog-proof@v1), also called a
 * transparent signature. It is text:
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra base64(extra data)            only if there is extra data
 * index 73894
 * base64(hash)                        the inclusion proof, one hash a line, from the leaf's sibling up
 * ...
 *                                     an empty line
 * the signed checkpoint note, verbatim, with its signatures and any witness cosignatures
 * </pre>
 *
 * <p>The extra data is opaque to the format and unauthenticated. Recourse's receipts carry the log entry itself
 * there, so that whoever holds the receipt can see what was logged and check it: {@link #verify} hashes it as the
 * leaf. A receipt can only be built for an index inside the tree of its checkpoint; whether it proves anything is
 * decided by {@link #verify}.
 *
 * <p>Equality is by value, the bytes of the extra data included.
 *
 * @param extra the extra data, if any; copied in and out
 * @param index the entry's zero-based index in the log, inside the checkpoint's tree
 * @param proof the inclusion proof, from the leaf's sibling upwards; at most {@value #MAX_PROOF_HASHES} hashes
 * @param checkpointNote the signed checkpoint note: a syntactically valid signed note (c2sp.org/signed-note)
 *     whose text is a checkpoint (c2sp.org/tlog-checkpoint); its signatures are not checked here
 */
public record Receipt(Optional<byte[]> extra, long index, List<Hash> proof, String checkpointNote) {
    /** The first line of every receipt. */
    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    /** The most hashes an inclusion proof can need: a tree of at most 2^63-1 leaves is at most 63 levels high. */
    public static final int MAX_PROOF_HASHES = 63;

    private static final String EXTRA = "extra ";
    private static final String INDEX = "index ";

    /**
     * A receipt with the shape every receipt has; whether it proves anything is for {@link #verify} to say.
     *
     * @throws IllegalArgumentException if the index is negative or outside the checkpoint's tree, the proof has
     *     more than {@value #MAX_PROOF_HASHES} hashes, or the note is not a signed checkpoint note
     */
    public Receipt {
        Objects.requireNonNull(extra, "extra");
        extra = extra.map(byte[]::clone);
        proof = List.copyOf(proof);
        Objects.requireNonNull(checkpointNote, "checkpointNote");
        if (index < 0) {
            throw new IllegalArgumentException("an entry index is at least 0, not " + index);
        }
        if (proof.size() > MAX_PROOF_HASHES) {
            throw new IllegalArgumentException("an inclusion proof has at most " + MAX_PROOF_HASHES + " hashes, not "
                    + proof.size());
        }
        Checkpoint checkpoint = statedCheckpoint(checkpointNote).orElseThrow();
        if (!checkpoint.size().contains(index)) {
            throw new IllegalArgumentException(outsideTree(index, checkpoint));
        }
    }

    /**
     * The receipt for the entry at {@code index} against the signed checkpoint {@code checkpointNote}: the entry
     * read from its bundle goes on the extra line, the inclusion proof is computed from the log's tiles for the
     * checkpoint's tree. The note is taken as it is, unverified (whoever relies on the receipt verifies it); the
     * entry and proof are checked against the checkpoint's root before the receipt is returned.
     *
     * @throws IllegalArgumentException if the note is not a signed checkpoint note or {@code index} is not in its
     *     tree
     * @throws IOException if the log's tiles cannot be read, or if they do not prove the entry in the checkpoint
     *     (the log is then not the one the checkpoint describes)
     */
    public static Receipt prove(TileReader log, long index, String checkpointNote) throws IOException {
        Checkpoint checkpoint = statedCheckpoint(checkpointNote).orElseThrow();
        if (!checkpoint.size().contains(index)) {
            throw new IllegalArgumentException(outsideTree(index, checkpoint));
        }
        byte[] entry = log.entry(index, checkpoint.size());
        InclusionProof inclusion = Proofs.inclusion(new TileHashSource(log, checkpoint.size()), index, checkpoint.size());
        if (inclusion.verify(Merkle.leafHash(entry), checkpoint.root()) instanceof Verdict.Fails fails) {
            throw new IOException("the tiles of " + log + " do not prove entry " + index + " in the checkpoint of size "
                    + checkpoint.size() + ": " + fails.reason());
        }
        return new Receipt(Optional.of(entry), index, inclusion.path(), checkpointNote);
    }

    /**
     * Reads a receipt, strictly and step by step as c2sp.org/tlog-proof@v1 lays it out: the first line MUST be
     * {@value #HEADER}; the second MAY be {@code extra } and canonical base64; the next MUST be {@code index } and
     * the index in ASCII decimal without leading zeros; then zero to {@value #MAX_PROOF_HASHES} non-empty lines,
     * each a hash in canonical base64; then an empty line; everything after it is the checkpoint note, which MUST
     * parse as a signed note whose text is a checkpoint whose tree contains the index. Every line ends with a
     * newline (U+000A) alone. Malformed text is a {@link Parsed.Malformed} with the reason, never an exception.
     */
    public static Parsed<Receipt> parse(String text) {
        Lines lines = new Lines(text);
        Optional<String> header = lines.next();
        if (header.isEmpty() || !header.get().equals(HEADER)) {
            return Parsed.malformed("the first line is not " + HEADER);
        }
        Optional<String> line = lines.next();
        Optional<byte[]> extra = Optional.empty();
        if (line.isPresent() && line.get().startsWith(EXTRA)) {
            switch (Canonical.parseBase64(line.get().substring(EXTRA.length()))) {
                case Parsed.Malformed<byte[]> m -> {
                    return Parsed.malformed("the extra line: " + m.reason());
                }
                case Parsed.Ok<byte[]>(byte[] data) -> extra = Optional.of(data);
            }
            line = lines.next();
        }
        if (line.isEmpty()) {
            return Parsed.malformed("the receipt ends before its index line");
        }
        if (!line.get().startsWith(INDEX)) {
            return Parsed.malformed("line " + lines.number() + " is neither the extra line nor the index line");
        }
        if (!(Canonical.parseDecimal(line.get().substring(INDEX.length())) instanceof Parsed.Ok<Long>(Long index))) {
            return Parsed.malformed("the index is not a decimal number without leading zeros up to 2^63-1");
        }
        List<Hash> proof = new ArrayList<>();
        for (line = lines.next(); line.isPresent() && !line.get().isEmpty(); line = lines.next()) {
            if (proof.size() == MAX_PROOF_HASHES) {
                return Parsed.malformed("the inclusion proof has more than " + MAX_PROOF_HASHES + " hashes");
            }
            switch (Hash.parseBase64(line.get())) {
                case Parsed.Malformed<Hash> m -> {
                    return Parsed.malformed("line " + lines.number() + ", hash " + (proof.size() + 1)
                            + " of the inclusion proof: " + m.reason());
                }
                case Parsed.Ok<Hash>(Hash hash) -> proof.add(hash);
            }
        }
        if (line.isEmpty()) {
            return Parsed.malformed("no empty line before the checkpoint");
        }
        String checkpointNote = lines.rest();
        return switch (statedCheckpoint(checkpointNote)) {
            case Parsed.Malformed<Checkpoint> m -> Parsed.malformed(m.reason());
            case Parsed.Ok<Checkpoint>(Checkpoint checkpoint) -> checkpoint.size().contains(index)
                    ? Parsed.ok(new Receipt(extra, index, proof, checkpointNote))
                    : Parsed.malformed(outsideTree(index, checkpoint));
        };
    }

    /** The receipt as text, as {@link #parse} reads it; it ends with the checkpoint note's last newline. */
    public String text() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        extra.ifPresent(data -> text.append(EXTRA).append(Canonical.base64(data)).append('\n'));
        text.append(INDEX).append(index).append('\n');
        proof.forEach(hash -> text.append(hash.toBase64()).append('\n'));
        return text.append('\n').append(checkpointNote).toString();
    }

    /**
     * Verifies the receipt offline, step by step: the checkpoint note MUST open with {@code logKey} and satisfy the
     * witness policy, if one is given ({@link Checkpoints#open}); the extra line MUST be present, as Recourse's
     * receipts carry the entry there; the inclusion proof MUST lead from the entry's leaf hash at {@link #index}
     * to the checkpoint's root (RFC 9162 section 2.1.3.2).
     *
     * <p>A receipt whose extra data is something other than the entry cannot be verified here.
     */
    public Verdict verify(NoteVerifier logKey, Optional<WitnessPolicy> witnesses) {
        return switch (Checkpoints.open(checkpointNote, logKey, witnesses)) {
            case CheckpointResult.Invalid invalid -> Verdict.fails("the checkpoint: " + invalid.reason());
            case CheckpointResult.Valid valid -> extra.isEmpty()
                    ? Verdict.fails("the receipt has no extra line, so it does not carry the entry it proves")
                    : switch (new InclusionProof(index, valid.checkpoint().size(), proof)
                            .verify(Merkle.leafHash(extra.get()), valid.checkpoint().root())) {
                        case Verdict.Holds holds -> holds;
                        case Verdict.Fails fails -> Verdict.fails("the entry on the extra line and the proof do not"
                                + " lead to the checkpoint's root: " + fails.reason());
                    };
        };
    }

    /**
     * The checkpoint the note states, read without checking any signature: rely on it only after {@link #verify}
     * holds.
     */
    public Checkpoint checkpoint() {
        return statedCheckpoint(checkpointNote).orElseThrow();
    }

    @Override
    public Optional<byte[]> extra() {
        return extra.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Receipt that
                && index == that.index
                && extra.isPresent() == that.extra.isPresent()
                && (extra.isEmpty() || Arrays.equals(extra.get(), that.extra.get()))
                && proof.equals(that.proof)
                && checkpointNote.equals(that.checkpointNote);
    }

    @Override
    public int hashCode() {
        return Objects.hash(extra.map(Arrays::hashCode), index, proof, checkpointNote);
    }

    @Override
    public String toString() {
        Checkpoint checkpoint = checkpoint();
        return "Receipt[index " + index + " of " + checkpoint.origin() + " at size " + checkpoint.size() + ", "
                + extra.map(data -> data.length + " bytes of extra data").orElse("no extra data") + ", "
                + proof.size() + " proof hashes]";
    }

    /** The checkpoint a signed note's text states, or why the note is not a signed checkpoint note. */
    private static Parsed<Checkpoint> statedCheckpoint(String checkpointNote) {
        return switch (Checkpoints.parseUnverified(checkpointNote)) {
            case Parsed.Malformed<Checkpoint> m -> Parsed.malformed("the checkpoint: " + m.reason());
            case Parsed.Ok<Checkpoint> ok -> ok;
        };
    }

    private static String outsideTree(long index, Checkpoint checkpoint) {
        return "index " + index + " is not in the checkpoint's tree of size " + checkpoint.size();
    }

    /** The lines of a receipt, one at a time; a line is only a line if a newline ends it. */
    private static final class Lines {
        private final String text;
        private int at;
        private int number;

        Lines(String text) {
            this.text = text;
        }

        /** The next line without its newline; empty at the end of the text or if no newline ends the line. */
        Optional<String> next() {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                at = text.length();
                return Optional.empty();
            }
            String line = text.substring(at, end);
            at = end + 1;
            number++;
            return Optional.of(line);
        }

        /** The number of the last line read, from 1. */
        int number() {
            return number;
        }

        /** Everything after the lines read. */
        String rest() {
            return text.substring(at);
        }
    }
}
