package dev.recourse.tlog.note;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.Verdict;
import java.util.List;
import java.util.Optional;

/** Opens checkpoint notes the way a log client does: the log's signature, the body, the witnesses. */
public final class Checkpoints {
    private Checkpoints() {}

    /**
     * Opens a signed checkpoint, step by step: the note MUST carry a verifying signature by
     * {@code logKey} (other signatures are ignored, see {@link Note#open}); its text MUST parse as a
     * checkpoint ({@link Checkpoint#parse}); the checkpoint's origin MUST equal the log key's name; and,
     * if a witness policy is given, it MUST hold ({@link WitnessPolicy#check}).
     */
    public static CheckpointResult open(String noteText, NoteVerifier logKey, Optional<WitnessPolicy> witnesses) {
        return switch (Note.open(noteText, List.of(logKey))) {
            case OpenedNote.Rejected rejected -> new CheckpointResult.Invalid("log signature: " + rejected.reason());
            case OpenedNote.Opened opened -> switch (Checkpoint.parse(opened.body())) {
                case Parsed.Malformed<Checkpoint> m -> new CheckpointResult.Invalid("not a checkpoint: " + m.reason());
                case Parsed.Ok<Checkpoint>(Checkpoint checkpoint) -> {
                    if (!checkpoint.origin().equals(logKey.name())) {
                        yield new CheckpointResult.Invalid("the origin \"" + checkpoint.origin()
                                + "\" is not the log key's name \"" + logKey.name() + "\"");
                    }
                    Verdict witnessed = witnesses.map(policy -> policy.check(noteText)).orElse(Verdict.HOLDS);
                    yield switch (witnessed) {
                        case Verdict.Fails fails -> new CheckpointResult.Invalid(fails.reason());
                        case Verdict.Holds holds -> new CheckpointResult.Valid(checkpoint, noteText);
                    };
                }
            };
        };
    }

    /**
     * Reads the checkpoint a signed note states, verifying no signature: the note MUST parse as a
     * signed note ({@link Note#parse}) and its text as a checkpoint ({@link Checkpoint#parse}). For
     * whoever keeps the log and passes its checkpoint on (to make receipts, say); a client that
     * relies on the checkpoint MUST {@link #open} it instead.
     */
    public static Parsed<Checkpoint> parseUnverified(String noteText) {
        return switch (Note.parse(noteText)) {
            case Parsed.Malformed<SignedNote> m -> Parsed.malformed("not a signed note: " + m.reason());
            case Parsed.Ok<SignedNote>(SignedNote note) -> switch (Checkpoint.parse(note.body())) {
                case Parsed.Malformed<Checkpoint> m -> Parsed.malformed("the signed note is not a checkpoint: " + m.reason());
                case Parsed.Ok<Checkpoint> ok -> ok;
            };
        };
    }
}
