package dev.recourse.tlog.merkle;

import dev.recourse.tlog.Canonical;
import dev.recourse.tlog.Parsed;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A SHA-256 value: a leaf hash, an interior node hash or a tree root.
 *
 * <p>Always exactly 32 bytes. Instances are immutable; the bytes are copied in and out.
 * Decode text forms (base64, hex) only at the edges of the program, with {@link #fromBase64}
 * and {@link #fromHex}.
 */
public final class Hash {
    /** The length of a SHA-256 value in bytes. */
    public static final int SIZE = 32;

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Wraps a copy of 32 bytes.
     *
     * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
     */
    public static Hash of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a hash is 32 bytes, not " + bytes.length);
        }
        return new Hash(bytes.clone());
    }

    /** Copies 32 bytes starting at {@code offset}. */
    public static Hash of(byte[] source, int offset) {
        if (offset < 0 || offset > source.length - SIZE) {
            throw new IllegalArgumentException("no 32-byte hash at offset " + offset + " of " + source.length + " bytes");
        }
        return new Hash(Arrays.copyOfRange(source, offset, offset + SIZE));
    }

    /** Takes ownership of a freshly computed digest; callers MUST NOT keep a reference to it. */
    static Hash wrap(byte[] digest) {
        return new Hash(digest);
    }

    /**
     * Decodes canonical standard base64 (RFC 4648 section 4, see {@link Canonical#parseBase64}) of exactly
     * 32 bytes, for a caller that knows the text is a hash.
     *
     * @throws IllegalArgumentException if the text is not canonical base64 of 32 bytes
     */
    public static Hash fromBase64(String text) {
        return parseBase64(text).orElseThrow();
    }

    /**
     * Reads untrusted text as a hash: canonical standard base64 (RFC 4648 section 4, see
     * {@link Canonical#parseBase64}) of exactly 32 bytes, so one hash has one spelling.
     */
    public static Parsed<Hash> parseBase64(String text) {
        return switch (Canonical.parseBase64(text)) {
            case Parsed.Malformed<byte[]> m -> Parsed.malformed(m.reason() + ": " + abbreviate(text));
            case Parsed.Ok<byte[]>(byte[] decoded) -> decoded.length == SIZE
                    ? Parsed.ok(new Hash(decoded))
                    : Parsed.malformed("a hash is 32 bytes, base64 gave " + decoded.length + ": " + abbreviate(text));
        };
    }

    /** Decodes 64 lowercase or uppercase hex digits. */
    public static Hash fromHex(String text) {
        if (text.length() != 2 * SIZE) {
            throw new IllegalArgumentException("a hash is 64 hex digits, not " + text.length());
        }
        return new Hash(HexFormat.of().parseHex(text));
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The backing array, for hashing within this package; MUST NOT be modified. */
    byte[] bytesUnsafe() {
        return bytes;
    }

    /** Copies the 32 bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, SIZE);
    }

    /** Standard base64 with padding, as checkpoints and proofs spell hashes. */
    public String toBase64() {
        return Canonical.base64(bytes);
    }

    /** Lowercase hex. */
    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        // The bytes are a cryptographic hash already; the first four are as good as any.
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public String toString() {
        return toHex();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? "\"" + text + "\"" : "\"" + text.substring(0, 57) + "...\"";
    }
}
