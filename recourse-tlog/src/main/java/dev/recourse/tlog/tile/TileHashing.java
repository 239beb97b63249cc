package dev.recourse.tlog.tile;

import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.Merkle;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * RFC 6962 hashing over hashes laid out back to back, as in a tile: the hot path of the
 * appender and of tile-backed proofs, so it works on byte arrays without allocating per node.
 * Callers pass their own SHA-256 digest, which these methods leave reset.
 */
public final class TileHashing {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Merkle::newDigest);

    private TileHashing() {}

    /**
     * The root of the perfect subtree whose leaves are the {@code count} hashes starting at hash
     * number {@code first} of {@code hashes}; {@code count} MUST be a power of two.
     */
    public static Hash subtree(byte[] hashes, int first, int count) {
        byte[] root = new byte[Hash.SIZE];
        subtreeInto(SHA256.get(), hashes, first, count, root, 0);
        return Hash.of(root);
    }

    /**
     * Writes the root of the perfect subtree over {@code count} (a power of two) hashes starting
     * at hash number {@code first} of {@code hashes} to {@code out[outAt..]}.
     */
    public static void subtreeInto(MessageDigest digest, byte[] hashes, int first, int count, byte[] out, int outAt) {
        if (Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("a perfect subtree has a power-of-two width, not " + count);
        }
        if (count == 1) {
            System.arraycopy(hashes, first * Hash.SIZE, out, outAt, Hash.SIZE);
            return;
        }
        byte[] level = new byte[count / 2 * Hash.SIZE];
        for (int i = 0; i < count / 2; i++) {
            node(digest, hashes, (first + 2 * i) * Hash.SIZE, hashes, (first + 2 * i + 1) * Hash.SIZE, level, i * Hash.SIZE);
        }
        for (int width = count / 2; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                node(digest, level, 2 * i * Hash.SIZE, level, (2 * i + 1) * Hash.SIZE, level, i * Hash.SIZE);
            }
        }
        System.arraycopy(level, 0, out, outAt, Hash.SIZE);
    }

    /** Writes {@code SHA-256(0x01 || left || right)} to {@code out[outAt..]}; out may alias the inputs. */
    public static void node(MessageDigest digest, byte[] left, int leftAt, byte[] right, int rightAt, byte[] out, int outAt) {
        digest.update((byte) 0x01);
        digest.update(left, leftAt, Hash.SIZE);
        digest.update(right, rightAt, Hash.SIZE);
        finish(digest, out, outAt);
    }

    /** Writes {@code SHA-256(0x00 || entry)} to {@code out[outAt..]}. */
    public static void leaf(MessageDigest digest, byte[] entry, int entryAt, int entryLength, byte[] out, int outAt) {
        digest.update((byte) 0x00);
        digest.update(entry, entryAt, entryLength);
        finish(digest, out, outAt);
    }

    private static void finish(MessageDigest digest, byte[] out, int outAt) {
        try {
            digest.digest(out, outAt, Hash.SIZE);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
    }
}
