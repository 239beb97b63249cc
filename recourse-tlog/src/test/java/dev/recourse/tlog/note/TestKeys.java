package dev.recourse.tlog.note;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;

/** Deterministic keys for tests: the seed is the key number repeated. */
final class TestKeys {
    /** The clock of the tests' witnesses. */
    static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");

    static final InstantSource CLOCK = InstantSource.fixed(NOW);

    private TestKeys() {}

    static byte[] seed(int number) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) number);
        return seed;
    }

    static Ed25519NoteSigner log(String name, int number) {
        return Ed25519NoteSigner.fromSeed(name, seed(number));
    }

    static CosignatureSigner witness(String name, int number) {
        return CosignatureSigner.fromSeed(name, seed(number), CLOCK);
    }
}
