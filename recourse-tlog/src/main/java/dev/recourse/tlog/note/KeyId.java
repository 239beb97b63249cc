package dev.recourse.tlog.note;

import dev.recourse.tlog.Parsed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The 32-bit identifier of a note key, as written in signature lines and key strings.
 *
 * <p>It is an identifier, not a cryptographic commitment: together with the key name it selects the
 * configured key that must verify a signature (c2sp.org/signed-note).
 *
 * @param value the key ID, read as an unsigned big-endian 32-bit number
 */
public record KeyId(int value) {
    /** Signature type byte of Ed25519 note signatures (c2sp.org/signed-note). */
    static final byte ED25519 = 0x01;

    /** Signature type byte of timestamped Ed25519 witness cosignatures (c2sp.org/tlog-cosignature). */
    static final byte COSIGNATURE_V1 = 0x04;

    /** The length of a key ID in bytes. */
    static final int SIZE = 4;

    /**
     * The key ID the specifications prescribe: the first four bytes, big-endian, of
     * {@code SHA-256(name || 0x0A || type || publicKey)}, the name in UTF-8.
     */
    public static KeyId of(String name, byte type, byte[] publicKey) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(type);
        sha256.update(publicKey);
        return read(sha256.digest(), 0);
    }

    /** The key ID as 8 lowercase hex digits, as key strings spell it. */
    public String toHex() {
        return HexFormat.of().toHexDigits(value);
    }

    /** Parses exactly 8 lowercase hex digits; key strings allow no other spelling. */
    static Parsed<KeyId> fromHex(String hex) {
        if (hex.length() != 2 * SIZE) {
            return Parsed.malformed("a key ID is 8 hex digits, not " + hex.length() + " characters");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return Parsed.malformed("a key ID is 8 lowercase hex digits, found '" + c + "'");
            }
        }
        return Parsed.ok(new KeyId(Integer.parseUnsignedInt(hex, 16)));
    }

    /** Reads a big-endian key ID from {@code bytes} at {@code offset}. */
    static KeyId read(byte[] bytes, int offset) {
        return new KeyId((bytes[offset] & 0xff) << 24
                | (bytes[offset + 1] & 0xff) << 16
                | (bytes[offset + 2] & 0xff) << 8
                | (bytes[offset + 3] & 0xff));
    }

    /** Writes the key ID big-endian into {@code target} at {@code offset}. */
    void write(byte[] target, int offset) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }

    @Override
    public String toString() {
        return toHex();
    }
}
