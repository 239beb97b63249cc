/**
 * Signed notes, Ed25519 note keys, checkpoints and witness cosignatures, in the C2SP formats
 * (c2sp.org/signed-note, c2sp.org/tlog-checkpoint, c2sp.org/tlog-cosignature) and compatible with
 * Go's golang.org/x/mod/sumdb/note key strings.
 *
 * <p>A log signs its {@link dev.recourse.tlog.note.Checkpoint} body with an
 * {@link dev.recourse.tlog.note.Ed25519NoteSigner} through {@link dev.recourse.tlog.note.Note#sign};
 * witnesses add {@link dev.recourse.tlog.note.CosignatureSigner} cosignatures; clients open the note
 * with {@link dev.recourse.tlog.note.Checkpoints#open}, the log's verifier key
 * ({@link dev.recourse.tlog.note.VerifierKeys#parse}) and a
 * {@link dev.recourse.tlog.note.WitnessPolicy}.
 */
package dev.recourse.tlog.note;
