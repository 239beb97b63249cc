package dev.recourse.server.page;

import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.store.SecretFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The unguessable addresses of the pages people open without logging in: the affected person's page of a decision
 * ({@code /notice/TOKEN}) and the notifier's page of a notice ({@code /notifier/TOKEN}).
 *
 * <p>A token is the id followed by a 128-bit HMAC-SHA256 tag of it under the service's page key, in base64url: it
 * needs no storage, it names the page it opens, and nobody without the key can make one for another id. The key MUST
 * stay the same for the life of the service (the links were sent in notices and e-mails); it lives in the data
 * directory as {@value #KEY_FILE}, mode 600.
 */
public final class PageLinks {
    /** The key's file in the data directory. */
    public static final String KEY_FILE = "page-key";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int TAG_BYTES = 16;
    private static final int TOKEN_BYTES = 16 + TAG_BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** What a token opens; the kind is part of what is signed, so a decision's token never opens a notice. */
    private enum Kind {
        DECISION("/notice/"),
        NOTICE("/notifier/"),
        /** A form on a page: not a page of its own. */
        FORM("");

        final String path;

        Kind(String path) {
            this.path = path;
        }
    }

    private final URI base;
    private final SecretKeySpec key;

    /**
     * Links under {@code base} signed with {@code key}.
     *
     * @param base where people reach the service, without a trailing slash
     * @param key at least 32 bytes
     */
    public PageLinks(URI base, byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a page key has at least 32 bytes, not " + key.length);
        }
        String text = base.toString();
        if (text.endsWith("/")) {
            throw new IllegalArgumentException("the base URL has no trailing slash: " + text);
        }
        this.base = base;
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The links of the service whose data directory is {@code data}: its key is read there, or made there once. */
    public static PageLinks load(Path data, URI base, RandomGenerator random) throws IOException {
        Path file = data.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            SecretFiles.write(file, HexFormat.of().formatHex(fresh));
        }
        String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return new PageLinks(base, HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " does not hold a page key of 64 hexadecimal digits", e);
        }
    }

    /** The affected person's page of {@code decision}. */
    public URI decisionPage(DecisionId decision) {
        return URI.create(base + Kind.DECISION.path + token(Kind.DECISION, decision.value()));
    }

    /** The notifier's page of {@code notice}. */
    public URI noticePage(NoticeId notice) {
        return URI.create(base + Kind.NOTICE.path + token(Kind.NOTICE, notice.value()));
    }

    /** The decision whose page {@code token} opens; empty when the token is not one of ours. */
    public Optional<DecisionId> decision(String token) {
        return open(Kind.DECISION, token).map(DecisionId::new);
    }

    /** The notice whose page {@code token} opens; empty when the token is not one of ours. */
    public Optional<NoticeId> notice(String token) {
        return open(Kind.NOTICE, token).map(NoticeId::new);
    }

    /**
     * A fresh token for a form shown on the page {@code pageToken} opens: 16 random bytes and their tag under the page
     * key, bound to that page. A post that carries it came from a page this service made (no script needed), and it
     * identifies the post the way an Idempotency-Key does: the same token posted twice acts once.
     */
    public String formToken(String pageToken, RandomGenerator random) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        byte[] token = Arrays.copyOf(nonce, 16 + TAG_BYTES);
        System.arraycopy(tag(Kind.FORM, formBytes(pageToken, nonce)), 0, token, 16, TAG_BYTES);
        return ENCODER.encodeToString(token);
    }

    /** Whether {@code form} is a token {@link #formToken} made for the page {@code pageToken}. */
    public boolean isFormToken(String pageToken, String form) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(form);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (raw.length != 16 + TAG_BYTES || !ENCODER.encodeToString(raw).equals(form)) {
            return false;
        }
        byte[] nonce = Arrays.copyOf(raw, 16);
        return MessageDigest.isEqual(Arrays.copyOfRange(raw, 16, raw.length), tag(Kind.FORM, formBytes(pageToken, nonce)));
    }

    private static byte[] formBytes(String pageToken, byte[] nonce) {
        byte[] page = pageToken.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(nonce, nonce.length + page.length);
        System.arraycopy(page, 0, bytes, nonce.length, page.length);
        return bytes;
    }

    private String token(Kind kind, UUID id) {
        byte[] idBytes = bytes(id);
        byte[] token = Arrays.copyOf(idBytes, TOKEN_BYTES);
        System.arraycopy(tag(kind, idBytes), 0, token, idBytes.length, TAG_BYTES);
        return ENCODER.encodeToString(token);
    }

    private Optional<UUID> open(Kind kind, String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != TOKEN_BYTES || !ENCODER.encodeToString(raw).equals(token)) {
            return Optional.empty();
        }
        byte[] idBytes = Arrays.copyOf(raw, 16);
        byte[] tag = Arrays.copyOfRange(raw, 16, TOKEN_BYTES);
        if (!MessageDigest.isEqual(tag, tag(kind, idBytes))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(idBytes);
        return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
    }

    private byte[] tag(Kind kind, byte[] idBytes) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((byte) kind.ordinal());
            return Arrays.copyOf(mac.doFinal(idBytes), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
