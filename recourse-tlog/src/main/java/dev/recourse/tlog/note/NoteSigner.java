package dev.recourse.tlog.note;

/**
 * A key that signs note texts (c2sp.org/signed-note).
 *
 * <p>The name and key ID together identify the key in signature lines; the name MUST be a valid key
 * name (non-empty, no plus sign, no Unicode space).
 */
public interface NoteSigner {
    /** The key name written in the signature line. */
    String name();

    /** The key ID written in front of the signature. */
    KeyId keyId();

    /** The signature over {@code message}, without the key ID. */
    byte[] sign(byte[] message);
}
