package dev.recourse.tlog.note;

/**
 * Verifies Ed25519 note signatures (signature type 0x01 of c2sp.org/signed-note) over the note text.
 *
 * @param keyId MUST be the key ID of name and key with type 0x01: build it with {@link #of}
 */
record Ed25519NoteVerifier(String name, KeyId keyId, Ed25519PublicKey key) implements NoteVerifier {
    static Ed25519NoteVerifier of(String name, Ed25519PublicKey key) {
        return new Ed25519NoteVerifier(name, KeyId.of(name, KeyId.ED25519, key.encoded()), key);
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        return key.verify(message, signature);
    }

    /** The verifier key string. */
    @Override
    public String toString() {
        return new KeyString(name, keyId, KeyId.ED25519, key.encoded()).text();
    }
}
