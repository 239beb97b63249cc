package dev.recourse.tlog.note;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;

/** The {@code notes} section of the shared vectors, computed with Go's golang.org/x/mod/sumdb/note. */
final class NoteVectors {
    /** One Ed25519 key of the vectors, and the checkpoint it signed. */
    record KeyVector(String verifierKey, String signerKey, byte[] seed, String keyId, String checkpoint, long treeSize, String origin) {
        /** The checkpoint's note text, without the signature lines. */
        String body() {
            return checkpoint.substring(0, checkpoint.lastIndexOf("\n\n") + 1);
        }

        @Override
        public String toString() {
            return origin;
        }
    }

    /** The {@code @MethodSource} of tests that run once per key vector. */
    static final String ALL = "dev.recourse.tlog.note.NoteVectors#keys";

    private static final List<KeyVector> KEYS = load();

    private NoteVectors() {}

    static List<KeyVector> keys() {
        return KEYS;
    }

    private static List<KeyVector> load() {
        String shared = System.getProperty("recourse.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("the system property recourse.shared.dir is not set (surefire sets it)");
        }
        Path file = Path.of(shared, "testdata", "tlog-vectors-small.json");
        JsonNode notes;
        try {
            notes = new ObjectMapper().readTree(file.toFile()).required("notes");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return StreamSupport.stream(notes.spliterator(), false)
                .map(note -> new KeyVector(
                        note.required("verifierKey").asText(),
                        note.required("signerKey").asText(),
                        Base64.getDecoder().decode(note.required("ed25519Seed").asText()),
                        note.required("keyId").asText(),
                        note.required("checkpoint").asText(),
                        note.required("treeSize").asLong(),
                        note.required("origin").asText()))
                .toList();
    }
}
