package dev.recourse.server.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * An API key as its holder presents it: {@code rk_} and 32 random bytes in unpadded base64url, 46 characters.
 * It is a secret: shown once when made, never stored (only its {@link #hash()}), never logged.
 */
public final class ApiKey {
    /** What every key starts with, so that a leaked key is recognisable (secret scanners, logs). */
    public static final String PREFIX = "rk_";
    private static final int BYTES = 32;
    private static final Pattern FORM = Pattern.compile("rk_[A-Za-z0-9_-]{43}");

    private final byte[] secret;

    private ApiKey(byte[] secret) {
        this.secret = secret;
    }

    /** A new key drawn from {@code random}, which MUST be a cryptographically strong generator. */
    public static ApiKey generate(RandomGenerator random) {
        byte[] secret = new byte[BYTES];
        for (int i = 0; i < BYTES; i += 8) {
            long bits = random.nextLong();
            for (int j = 0; j < 8; j++) {
                secret[i + j] = (byte) (bits >>> (8 * j));
            }
        }
        return new ApiKey(secret);
    }

    /** The key written as {@code text}, if it has the form of one; a key that has it may still be unknown. */
    public static Optional<ApiKey> parse(String text) {
        if (!FORM.matcher(text).matches()) {
            return Optional.empty();
        }
        byte[] secret = Base64.getUrlDecoder().decode(text.substring(PREFIX.length()));
        // 43 characters carry 258 bits: the last 2 MUST be zero, so that each key has one spelling.
        return Arrays.equals(encode(secret).getBytes(StandardCharsets.US_ASCII), text.getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(new ApiKey(secret))
                : Optional.empty();
    }

    /** SHA-256 of the key's bytes: what the database keeps and looks keys up by. */
    public byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The key as its holder presents it: {@code rk_...}. Show it once, to its holder. */
    public String reveal() {
        return encode(secret);
    }

    private static String encode(byte[] secret) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Never the key itself. */
    @Override
    public String toString() {
        return "ApiKey[secret]";
    }
}
