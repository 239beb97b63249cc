package dev.recourse.store;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * A {@link SecureRandom}'s bytes, drawn a few kilobytes at a time and handed out from the buffer: the same
 * unpredictable bytes, without a call into the generator (and, for the operating system's generator, a read of
 * {@code /dev/urandom} under a global lock) for every id and every salt on the write path. Thread-safe.
 */
final class BufferedRandom implements RandomGenerator {
    private static final int SIZE = 4096;

    private final SecureRandom source;
    private final byte[] buffer = new byte[SIZE];
    private int next = SIZE;

    BufferedRandom(SecureRandom source) {
        this.source = source;
    }

    @Override
    public synchronized long nextLong() {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = value << 8 | (take() & 0xff);
        }
        return value;
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        int filled = 0;
        while (filled < bytes.length) {
            if (next == SIZE) {
                source.nextBytes(buffer);
                next = 0;
            }
            int n = Math.min(bytes.length - filled, SIZE - next);
            System.arraycopy(buffer, next, bytes, filled, n);
            // Handed out once: nothing drawn stays behind to be handed out again or read later.
            java.util.Arrays.fill(buffer, next, next + n, (byte) 0);
            next += n;
            filled += n;
        }
    }

    private byte take() {
        if (next == SIZE) {
            source.nextBytes(buffer);
            next = 0;
        }
        byte b = buffer[next];
        buffer[next++] = 0;
        return b;
    }
}
