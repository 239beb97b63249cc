package dev.recourse.tlog.note;

/** The outcome of {@link Checkpoints#open}: a checkpoint the log signed (and witnesses cosigned), or why not. */
public sealed interface CheckpointResult {
    /**
     * The log signed this checkpoint, its origin is the log key's name, and the witness policy, if any, holds.
     *
     * @param checkpoint the parsed checkpoint
     * @param noteText the signed note as received, to keep or pass on with its signatures
     */
    record Valid(Checkpoint checkpoint, String noteText) implements CheckpointResult {}

    /** The checkpoint note does not meet one of the checks; {@code reason} says which, in one line. */
    record Invalid(String reason) implements CheckpointResult {
        public Invalid {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("an invalid checkpoint needs a reason");
            }
        }
    }
}
