package dev.recourse.tlog.note;

/**
 * A trusted key that verifies note signatures (c2sp.org/signed-note).
 *
 * <p>Notes are matched to verifiers by name and key ID; a verifier MUST only answer whether the
 * signature verifies, never throw for malformed signature bytes.
 */
public interface NoteVerifier {
    /** The key name that signature lines by this key carry. */
    String name();

    /** The key ID that signatures by this key carry. */
    KeyId keyId();

    /** Whether {@code signature} (without the key ID) is a valid signature of {@code message} by this key. */
    boolean verify(byte[] message, byte[] signature);
}
