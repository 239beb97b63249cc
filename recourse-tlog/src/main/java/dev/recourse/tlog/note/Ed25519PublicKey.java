package dev.recourse.tlog.note;

import dev.recourse.tlog.Parsed;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** An Ed25519 public key (RFC 8032), known to decode to a point of the curve. */
final class Ed25519PublicKey {
    /** The length of an encoded Ed25519 public key. */
    static final int SIZE = 32;

    /** The length of an Ed25519 signature. */
    static final int SIGNATURE_SIZE = 64;

    /** The DER SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410): the JDK's encoding is header || key. */
    private static final byte[] X509_HEADER = HexFormat.of().parseHex("302a300506032b6570032100");

    private final byte[] encoded;
    private final PublicKey key;

    private Ed25519PublicKey(byte[] encoded, PublicKey key) {
        this.encoded = encoded;
        this.key = key;
    }

    /** Decodes 32 bytes per RFC 8032; malformed if the bytes are not a point of the curve. */
    static Parsed<Ed25519PublicKey> decode(byte[] encoded) {
        if (encoded.length != SIZE) {
            return Parsed.malformed("an Ed25519 public key is 32 bytes, not " + encoded.length);
        }
        byte[] spki = Arrays.copyOf(X509_HEADER, X509_HEADER.length + SIZE);
        System.arraycopy(encoded, 0, spki, X509_HEADER.length, SIZE);
        PublicKey key;
        try {
            key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            // The JDK decodes the point only when a verification starts; do it now to reject bad keys early.
            Signature.getInstance("Ed25519").initVerify(key);
        } catch (InvalidKeySpecException | InvalidKeyException e) {
            return Parsed.malformed("not an Ed25519 public key: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has Ed25519", e);
        }
        return Parsed.ok(new Ed25519PublicKey(encoded.clone(), key));
    }

    /** Takes the JDK's public key, as a key pair generator made it. */
    static Ed25519PublicKey of(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki.length != X509_HEADER.length + SIZE
                || !Arrays.equals(spki, 0, X509_HEADER.length, X509_HEADER, 0, X509_HEADER.length)) {
            throw new IllegalStateException("unexpected encoding of an Ed25519 public key: " + HexFormat.of().formatHex(spki));
        }
        return new Ed25519PublicKey(Arrays.copyOfRange(spki, X509_HEADER.length, spki.length), key);
    }

    /** The 32-byte RFC 8032 encoding. */
    byte[] encoded() {
        return encoded.clone();
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    boolean verify(byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            // The JDK reports some malformed signatures (e.g. an undecodable R) by throwing: such a
            // signature does not verify, which is the answer asked for.
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an Ed25519 key that decoded no longer verifies", e);
        }
    }
}
