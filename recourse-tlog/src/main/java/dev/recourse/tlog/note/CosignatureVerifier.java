package dev.recourse.tlog.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Verifies a witness's timestamped Ed25519 cosignatures (c2sp.org/tlog-cosignature v1, signature
 * type 0x04) over checkpoint note texts.
 *
 * <p>A cosignature is the 8-byte big-endian POSIX timestamp followed by the 64-byte Ed25519
 * signature of {@code "cosignature/v1\ntime <timestamp>\n" || note text}. Obtain one from
 * {@link VerifierKeys#parse} (a verifier key of type 0x04) or {@link CosignatureSigner#verifier()}.
 */
public final class CosignatureVerifier implements NoteVerifier {
    /** The length of a cosignature: timestamp and Ed25519 signature. */
    static final int SIZE = Long.BYTES + Ed25519PublicKey.SIGNATURE_SIZE;

    private final String name;
    private final KeyId keyId;
    private final Ed25519PublicKey key;

    CosignatureVerifier(String name, Ed25519PublicKey key) {
        this.name = name;
        this.keyId = KeyId.of(name, KeyId.COSIGNATURE_V1, key.encoded());
        this.key = key;
    }

    /**
     * The time a cosignature claims to have been made, if its bytes have the cosignature shape
     * (72 bytes, a timestamp an {@link Instant} can hold).
     *
     * <p>This reads the bytes and verifies nothing: take it only from signatures that a
     * {@code CosignatureVerifier} verified, such as {@link OpenedNote.Opened#verified()}.
     */
    public static Optional<Instant> timestamp(NoteSignature signature) {
        return timestamp(signature.signature());
    }

    static Optional<Instant> timestamp(byte[] cosignature) {
        if (cosignature.length != SIZE) {
            return Optional.empty();
        }
        long seconds = ByteBuffer.wrap(cosignature).getLong();
        // The specification bounds the timestamp by 2^63 - 1 (a negative long here); Instant bounds it
        // further, at the year 1,000,000,000, which no honest witness reaches.
        if (seconds < 0 || seconds > Instant.MAX.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(seconds));
    }

    /** The message an Ed25519 cosignature signs: {@code "cosignature/v1\ntime <seconds>\n" || text}. */
    static byte[] signedMessage(long seconds, byte[] noteText) {
        byte[] header = ("cosignature/v1\ntime " + seconds + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(header, header.length + noteText.length);
        System.arraycopy(noteText, 0, message, header.length, noteText.length);
        return message;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public KeyId keyId() {
        return keyId;
    }

    /** Whether {@code signature} is a well-formed cosignature of {@code message} by this witness. */
    @Override
    public boolean verify(byte[] message, byte[] signature) {
        return timestamp(signature)
                .map(time -> key.verify(
                        signedMessage(time.getEpochSecond(), message),
                        Arrays.copyOfRange(signature, Long.BYTES, SIZE)))
                .orElse(false);
    }

    /** The verifier key string, type 0x04. */
    @Override
    public String toString() {
        return new KeyString(name, keyId, KeyId.COSIGNATURE_V1, key.encoded()).text();
    }
}
