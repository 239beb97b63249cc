package dev.recourse.tlog.note;

import dev.recourse.tlog.Parsed;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * An Ed25519 note key (signature type 0x01 of c2sp.org/signed-note): signs note texts, for instance
 * a log's checkpoints.
 *
 * <p>Its text forms are those of Go's golang.org/x/mod/sumdb/note: the signer key
 * {@code PRIVATE+KEY+name+hex8(keyID)+base64(0x01 || seed)}, which is a secret, and the verifier key
 * {@code name+hex8(keyID)+base64(0x01 || public key)}, which is published.
 */
public final class Ed25519NoteSigner implements NoteSigner {
    private final SigningKey key;

    private Ed25519NoteSigner(SigningKey key) {
        this.key = key;
    }

    /**
     * Why {@code name} cannot name a key, if it cannot: a key name MUST be non-empty and MUST NOT
     * contain a plus sign, a Unicode space or a control character, and MUST be valid UTF-8
     * (c2sp.org/signed-note). A log's key is named after its origin.
     */
    public static Optional<String> invalidName(String name) {
        return Syntax.invalidKeyName(name);
    }

    /**
     * A new key with a seed drawn from {@code random}.
     *
     * @throws IllegalArgumentException if {@code name} is not a valid key name
     */
    public static Ed25519NoteSigner generate(String name, SecureRandom random) {
        return new Ed25519NoteSigner(SigningKey.generate(name, KeyId.ED25519, random));
    }

    /**
     * The key of a 32-byte RFC 8032 seed (private key).
     *
     * @throws IllegalArgumentException if {@code name} is not a valid key name or the seed is not 32 bytes
     */
    public static Ed25519NoteSigner fromSeed(String name, byte[] seed32) {
        return new Ed25519NoteSigner(SigningKey.fromSeed(name, KeyId.ED25519, seed32));
    }

    /**
     * Parses a signer key {@code PRIVATE+KEY+name+hex8(keyID)+base64(0x01 || seed)}, strictly: the name
     * MUST be valid, the key ID MUST be 8 lowercase hex digits and MUST match the key, the base64 MUST
     * be canonical and hold type 0x01 and a 32-byte seed.
     */
    public static Parsed<Ed25519NoteSigner> parse(String signerKey) {
        return SigningKey.parse(signerKey, KeyId.ED25519).map(Ed25519NoteSigner::new);
    }

    @Override
    public String name() {
        return key.name();
    }

    @Override
    public KeyId keyId() {
        return key.keyId();
    }

    /** The 64-byte Ed25519 signature of {@code message}; deterministic (RFC 8032). */
    @Override
    public byte[] sign(byte[] message) {
        return key.pair().sign(message);
    }

    /** The signer key string; a secret, to be stored as such. */
    public String signerKey() {
        return key.signerKey();
    }

    /** The verifier key string, which {@link VerifierKeys#parse} reads. */
    public String verifierKey() {
        return key.verifierKey();
    }

    /** The verifier of this key's signatures. */
    public NoteVerifier verifier() {
        return Ed25519NoteVerifier.of(key.name(), key.pair().publicKey());
    }

    /** The verifier key: never the secret. */
    @Override
    public String toString() {
        return key.verifierKey();
    }
}
