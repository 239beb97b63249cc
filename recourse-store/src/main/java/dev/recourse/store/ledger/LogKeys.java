package dev.recourse.store.ledger;

import dev.recourse.store.SecretFiles;
import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.note.Ed25519NoteSigner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/** The log's signer key in its file: the Go signer key string, one line, mode 600. */
final class LogKeys {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.complementOf(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

    private LogKeys() {}

    /**
     * The key in {@code file}, or a new one for {@code origin} written there if there is no file.
     *
     * @throws IOException if the file is unreadable, malformed, readable by others, or holds the
     *     key of another origin
     */
    static Ed25519NoteSigner loadOrCreate(Path file, String origin, SecureRandom random) throws IOException {
        if (!Files.exists(file)) {
            Ed25519NoteSigner signer = Ed25519NoteSigner.generate(origin, random);
            SecretFiles.write(file, signer.signerKey());
            return signer;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new IOException("the log's key file " + file + " has mode "
                    + java.nio.file.attribute.PosixFilePermissions.toString(permissions)
                    + "; it holds a secret and MUST be readable by its owner only (chmod 600)");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        Ed25519NoteSigner signer = switch (Ed25519NoteSigner.parse(text)) {
            case Parsed.Ok<Ed25519NoteSigner> ok -> ok.value();
            case Parsed.Malformed<Ed25519NoteSigner> malformed ->
                    throw new IOException("the log's key file " + file + " is not a signer key: " + malformed.reason());
        };
        if (!signer.name().equals(origin)) {
            throw new IOException("the log's key file " + file + " holds the key of log " + signer.name()
                    + ", but the log's origin is " + origin);
        }
        return signer;
    }
}
