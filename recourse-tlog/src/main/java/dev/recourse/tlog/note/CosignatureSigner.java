package dev.recourse.tlog.note;

import dev.recourse.tlog.Parsed;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A witness key that makes timestamped Ed25519 cosignatures (c2sp.org/tlog-cosignature v1,
 * signature type 0x04) of checkpoint note texts, with the time from an injected clock.
 *
 * <p>Callers MUST only cosign checkpoints they verified to be consistent with every checkpoint of
 * the same log they cosigned before (c2sp.org/tlog-witness). The Ed25519 cosignature does not commit
 * to the witness's name, so one key MUST NOT serve two witness names.
 *
 * <p>Its key strings follow those of {@link Ed25519NoteSigner} with type 0x04.
 */
public final class CosignatureSigner implements NoteSigner {
    private final SigningKey key;
    private final InstantSource clock;

    private CosignatureSigner(SigningKey key, InstantSource clock) {
        this.key = key;
        this.clock = clock;
    }

    /**
     * A new witness key with a seed drawn from {@code random}.
     *
     * @throws IllegalArgumentException if {@code name} is not a valid key name
     */
    public static CosignatureSigner generate(String name, SecureRandom random, InstantSource clock) {
        return new CosignatureSigner(SigningKey.generate(name, KeyId.COSIGNATURE_V1, random), clock);
    }

    /**
     * The witness key of a 32-byte Ed25519 seed.
     *
     * @throws IllegalArgumentException if {@code name} is not a valid key name or the seed is not 32 bytes
     */
    public static CosignatureSigner fromSeed(String name, byte[] seed32, InstantSource clock) {
        return new CosignatureSigner(SigningKey.fromSeed(name, KeyId.COSIGNATURE_V1, seed32), clock);
    }

    /** Parses a signer key {@code PRIVATE+KEY+name+hex8(keyID)+base64(0x04 || seed)}, strictly. */
    public static Parsed<CosignatureSigner> parse(String signerKey, InstantSource clock) {
        return SigningKey.parse(signerKey, KeyId.COSIGNATURE_V1).map(key -> new CosignatureSigner(key, clock));
    }

    @Override
    public String name() {
        return key.name();
    }

    @Override
    public KeyId keyId() {
        return key.keyId();
    }

    /**
     * The 72-byte cosignature of {@code message} (a checkpoint note text) at the clock's current second.
     *
     * @throws IllegalStateException if the clock reads a time before 1970, which no cosignature can carry
     */
    @Override
    public byte[] sign(byte[] message) {
        Instant now = clock.instant();
        long seconds = now.getEpochSecond();
        if (seconds < 0) {
            throw new IllegalStateException("a cosignature cannot carry a time before 1970: " + now);
        }
        return ByteBuffer.allocate(CosignatureVerifier.SIZE)
                .putLong(seconds)
                .put(key.pair().sign(CosignatureVerifier.signedMessage(seconds, message)))
                .array();
    }

    /** The signer key string (type 0x04); a secret, to be stored as such. */
    public String signerKey() {
        return key.signerKey();
    }

    /** The verifier key string (type 0x04), which {@link VerifierKeys#parse} reads. */
    public String verifierKey() {
        return key.verifierKey();
    }

    /** The verifier of this witness's cosignatures. */
    public CosignatureVerifier verifier() {
        return new CosignatureVerifier(key.name(), key.pair().publicKey());
    }

    /** The verifier key: never the secret. */
    @Override
    public String toString() {
        return key.verifierKey();
    }
}
