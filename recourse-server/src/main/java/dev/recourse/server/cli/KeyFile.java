package dev.recourse.server.cli;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.note.Ed25519NoteSigner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/**
 * A log's secret signing key in a file of its own: the signer key string and a newline, readable and
 * writable by its owner only.
 */
final class KeyFile {
    private KeyFile() {}

    /**
     * Writes {@code signer}'s key to the new file {@code file}, created with mode 600 so that it is never
     * readable by others, not even for a moment, and flushed to disk.
     *
     * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists: a key is never overwritten
     */
    static void create(Path file, Ed25519NoteSigner signer) throws IOException {
        ByteBuffer text = ByteBuffer.wrap((signer.signerKey() + "\n").getBytes(StandardCharsets.UTF_8));
        var ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        try (FileChannel channel = FileChannel.open(
                file, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
            try {
                while (text.hasRemaining()) {
                    channel.write(text);
                }
                channel.force(true);
            } catch (IOException e) {
                // A half-written key is no key: remove it, so that running again starts afresh.
                Files.deleteIfExists(file);
                throw e;
            }
        }
    }

    /**
     * Reads the signing key in {@code file}: the signer key string, optionally followed by one newline.
     *
     * @throws Failures.Failed if the file does not hold a signing key
     */
    static Ed25519NoteSigner read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new Failures.Failed(file + " is not a signing key: not UTF-8 text");
        }
        String key = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return switch (Ed25519NoteSigner.parse(key)) {
            case Parsed.Malformed<Ed25519NoteSigner> m -> throw new Failures.Failed(file + " is not a signing key: " + m.reason());
            case Parsed.Ok<Ed25519NoteSigner>(Ed25519NoteSigner signer) -> signer;
        };
    }
}
