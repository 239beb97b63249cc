package dev.recourse.server.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that signs webhooks by the Standard Webhooks scheme (standardwebhooks.com): written {@code whsec_} and
 * the key's bytes in base64; a signature is {@code v1,} and the base64 HMAC-SHA256, under the key, of
 * {@code webhook-id + "." + webhook-timestamp + "." + body}. The sender and the receiver share it.
 */
public final class WebhookSecret {
    /** The prefix of a secret's written form. */
    public static final String PREFIX = "whsec_";
    /** The fewest bytes of a key (the scheme asks for 24 to 64). */
    public static final int MIN_BYTES = 24;
    /** The most bytes of a key. */
    public static final int MAX_BYTES = 64;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("a webhook key has " + MIN_BYTES + " to " + MAX_BYTES + " bytes, not " + key.length);
        }
        this.key = key.clone();
    }

    /** The secret written as {@code text} ({@code whsec_} and base64 of 24 to 64 bytes), if it is one. */
    public static Optional<WebhookSecret> parse(String text) {
        if (!text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
            return key.length >= MIN_BYTES && key.length <= MAX_BYTES ? Optional.of(new WebhookSecret(key)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A new secret of 32 random bytes from {@code random}, which MUST be cryptographically strong. */
    public static WebhookSecret generate(RandomGenerator random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** The secret as it is written in settings: {@code whsec_...}. Secret: never log it. */
    public String reveal() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} of the message {@code id} sent at {@code timestamp} (Unix seconds) with {@code body}. */
    public String sign(String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(id, timestamp, body));
    }

    /**
     * Whether {@code signatures}, a {@code webhook-signature} header (space-separated {@code v1,...} signatures), holds
     * one that this secret made for {@code id}, {@code timestamp} and {@code body}. Compared in constant time.
     */
    public boolean verifies(String id, long timestamp, byte[] body, String signatures) {
        byte[] expected = mac(id, timestamp, body);
        boolean found = false;
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,")) {
                try {
                    found |= MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)));
                } catch (IllegalArgumentException notBase64) {
                    // Not a signature of ours; another one in the header may be.
                }
            }
        }
        return found;
    }

    private byte[] mac(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret s && MessageDigest.isEqual(key, s.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** Hides the key. */
    @Override
    public String toString() {
        return "WebhookSecret[" + PREFIX + "(hidden)]";
    }
}
