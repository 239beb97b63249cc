package dev.recourse.tlog.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 6962 / RFC 9162 section 2.1.1 hashing: {@code leaf = SHA-256(0x00 || entry)},
 * {@code node = SHA-256(0x01 || left || right)}, the empty tree hashes to {@code SHA-256()}.
 *
 * <p>Stateless and thread-safe; each call takes a digest from a per-thread cache.
 */
public final class Merkle {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Merkle::newDigest);
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final Hash EMPTY = Hash.wrap(newDigest().digest());

    private Merkle() {}

    /** The root of the empty tree, SHA-256 of nothing. */
    public static Hash emptyRoot() {
        return EMPTY;
    }

    /** The leaf hash of one log entry. */
    public static Hash leafHash(byte[] entry) {
        return leafHash(entry, 0, entry.length);
    }

    /** The leaf hash of the entry at {@code entry[offset, offset+length)}. */
    public static Hash leafHash(byte[] entry, int offset, int length) {
        MessageDigest digest = SHA256.get();
        digest.update(LEAF_PREFIX);
        digest.update(entry, offset, length);
        return Hash.wrap(digest.digest());
    }

    /** The hash of an interior node from its two children. */
    public static Hash nodeHash(Hash left, Hash right) {
        MessageDigest digest = SHA256.get();
        digest.update(NODE_PREFIX);
        digest.update(left.bytesUnsafe());
        digest.update(right.bytesUnsafe());
        return Hash.wrap(digest.digest());
    }

    /** A fresh SHA-256 digest; the JDK always provides one. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
