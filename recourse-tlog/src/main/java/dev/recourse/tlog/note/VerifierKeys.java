package dev.recourse.tlog.note;

import dev.recourse.tlog.Parsed;

/**
 * Reads verifier key strings {@code name+hex8(keyID)+base64(type || public key)}
 * (c2sp.org/signed-note, as Go's golang.org/x/mod/sumdb/note writes them).
 */
public final class VerifierKeys {
    private VerifierKeys() {}

    /**
     * Parses a verifier key, strictly: the name MUST be a valid key name (non-empty, no plus sign, no
     * Unicode space, no control character); the key ID MUST be 8 lowercase hex digits and MUST equal
     * the ID computed from name, type and key; the base64 MUST be canonical. Type 0x01 yields an
     * Ed25519 note verifier, type 0x04 a {@link CosignatureVerifier}; both need a 32-byte key that is
     * a point of the curve. Other types are malformed here.
     */
    public static Parsed<NoteVerifier> parse(String verifierKey) {
        return switch (KeyString.parse(verifierKey)) {
            case Parsed.Malformed<KeyString> m -> Parsed.malformed(m.reason());
            case Parsed.Ok<KeyString>(KeyString key) -> key.mismatch(key.material())
                    .<Parsed<NoteVerifier>>map(Parsed::malformed)
                    .orElseGet(() -> verifier(key));
        };
    }

    private static Parsed<NoteVerifier> verifier(KeyString key) {
        return switch (key.type()) {
            case KeyId.ED25519 -> Ed25519PublicKey.decode(key.material())
                    .map(publicKey -> Ed25519NoteVerifier.of(key.name(), publicKey));
            case KeyId.COSIGNATURE_V1 -> Ed25519PublicKey.decode(key.material())
                    .map(publicKey -> new CosignatureVerifier(key.name(), publicKey));
            default -> Parsed.malformed("unsupported signature type 0x%02x".formatted(key.type()));
        };
    }
}
