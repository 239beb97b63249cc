package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.tlog.note.Ed25519NoteSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogKeygenCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheSigningKeyAndPrintsTheVerifierKey() throws IOException {
        Path key = dir.resolve("log.key");

        Run run = Run.of("log", "keygen", "--name", "example.com/log", "--out", key.toString());

        assertThat(run.exitCode()).isZero();
        String text = Files.readString(key);
        assertThat(text).startsWith("PRIVATE+KEY+example.com/log+").endsWith("\n");
        Ed25519NoteSigner signer = Ed25519NoteSigner.parse(text.strip()).orElseThrow();
        assertThat(run.out()).isEqualTo(signer.verifierKey() + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly() throws IOException {
        Path key = dir.resolve("log.key");

        Run.of("log", "keygen", "--name", "example.com/log", "--out", key.toString());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void eachKeyIsNew() throws IOException {
        Run first = Run.of("log", "keygen", "--name", "example.com/log", "--out", dir.resolve("a.key").toString());
        Run second = Run.of("log", "keygen", "--name", "example.com/log", "--out", dir.resolve("b.key").toString());

        assertThat(first.out()).isNotEqualTo(second.out());
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        Path key = dir.resolve("log.key");
        Files.writeString(key, "the key we already have\n");

        Run run = Run.of("log", "keygen", "--name", "example.com/log", "--out", key.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("recourse: already exists: " + key);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(key)).isEqualTo("the key we already have\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com/log+1", "example.com/my log", "example.com/log\t", "\u00a0log", "log\n"})
    void aBadOriginIsAUsageErrorAndWritesNothing(String origin) throws IOException {
        Path key = dir.resolve("log.key");

        Run run = Run.of("log", "keygen", "--name", origin, "--out", key.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).startsWith("recourse log keygen: --name ").contains("cannot name a log: a key name");
        assertThat(run.out()).isEmpty();
        assertThat(key).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aMissingDirectoryFailsInOneLine() {
        Path key = dir.resolve("no-such-dir").resolve("log.key");

        Run run = Run.of("log", "keygen", "--name", "example.com/log", "--out", key.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("recourse: no such file: " + key);
    }

    @Test
    void bothOptionsAreRequired() {
        Run run = Run.of("log", "keygen", "--name", "example.com/log");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.firstErrLine()).isEqualTo("recourse log keygen: Missing required option: '--out=FILE'");
    }
}
