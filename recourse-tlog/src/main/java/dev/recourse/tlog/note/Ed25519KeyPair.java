package dev.recourse.tlog.note;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/** An Ed25519 private key (RFC 8032) held as its 32-byte seed, with its public key. */
final class Ed25519KeyPair {
    /** The length of an Ed25519 seed (the RFC 8032 private key). */
    static final int SEED_SIZE = 32;

    private final byte[] seed;
    private final PrivateKey privateKey;
    private final Ed25519PublicKey publicKey;

    private Ed25519KeyPair(byte[] seed, PrivateKey privateKey, Ed25519PublicKey publicKey) {
        this.seed = seed;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh key pair whose seed comes from {@code random}. */
    static Ed25519KeyPair generate(SecureRandom random) {
        byte[] seed = new byte[SEED_SIZE];
        random.nextBytes(seed);
        return fromSeed(seed);
    }

    /**
     * The key pair of a 32-byte seed.
     *
     * <p>The JDK has no public way to derive an Ed25519 public key from a seed, but its key pair
     * generator draws exactly the seed from the random source it is given; so it is given the seed.
     *
     * @throws IllegalArgumentException if the seed is not 32 bytes
     */
    static Ed25519KeyPair fromSeed(byte[] seed) {
        if (seed.length != SEED_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, not " + seed.length);
        }
        byte[] copy = seed.clone();
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(copy));
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has Ed25519", e);
        }
        byte[] used = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                .orElseThrow(() -> new IllegalStateException("the JDK hid the Ed25519 seed it used"));
        if (!Arrays.equals(used, copy)) {
            throw new IllegalStateException("the JDK's Ed25519 generator did not use the given seed");
        }
        return new Ed25519KeyPair(copy, pair.getPrivate(), Ed25519PublicKey.of(pair.getPublic()));
    }

    /** A copy of the 32-byte seed. */
    byte[] seed() {
        return seed.clone();
    }

    Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /** The deterministic RFC 8032 signature of {@code message}. */
    byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an Ed25519 key the JDK made does not sign", e);
        }
    }

    /** A random source that yields the seed once, for the key pair generator, and nothing else. */
    private static final class SeedSource extends SecureRandom {
        SeedSource(byte[] seed) {
            super(new SeedSpi(seed), null);
        }
    }

    private static final class SeedSpi extends SecureRandomSpi {
        private byte[] seed;

        SeedSpi(byte[] seed) {
            this.seed = seed;
        }

        @Override
        protected void engineSetSeed(byte[] ignored) {
            throw new UnsupportedOperationException("a seed source cannot be reseeded");
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for other bytes than one 32-byte seed");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
            seed = null;
        }

        @Override
        protected byte[] engineGenerateSeed(int length) {
            throw new UnsupportedOperationException("a seed source generates no seeds");
        }
    }
}
