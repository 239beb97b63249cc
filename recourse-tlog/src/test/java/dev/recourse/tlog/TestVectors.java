package dev.recourse.tlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.ConsistencyProof;
import dev.recourse.tlog.merkle.InclusionProof;
import dev.recourse.tlog.merkle.TreeSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The transparency-log test vectors computed with the Go reference implementation, read from
 * {@code ${recourse.shared.dir}/testdata} (see its README.md).
 *
 * <p>Base64 in the files is decoded here (entries, hashes, tile bytes, the Ed25519 seed); text that other code
 * parses (verifier and signer keys, key ids, checkpoints) stays text. Each file is read once per JVM. Byte arrays
 * handed out are shared: callers MUST NOT modify them.
 */
public final class TestVectors {
    private static final String SMALL = "tlog-vectors-small.json";
    private static final String LARGE = "tlog-vectors-70000.json.gz";

    private TestVectors() {}

    /** The contents of one vector file. */
    public record VectorFile(String comment, List<Log> logs, List<Note> notes) {
        /** The log called {@code name}. */
        public Log log(String name) {
            return logs.stream()
                    .filter(log -> log.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no log " + name + " in the vectors"));
        }
    }

    /**
     * One log: its entries, their leaf hashes, roots, proofs and tiles.
     *
     * @param roots {@code roots.get(n)} is the root of the tree of size n where the vectors give it
     * @param tiles every hash tile and entry bundle of the final tree, by C2SP tlog-tiles path
     *     (e.g. {@code tile/0/000.p/8}, {@code tile/entries/000}), in the order of the file
     */
    public record Log(
            String name,
            List<byte[]> entries,
            List<Hash> leafHashes,
            List<Optional<Hash>> roots,
            List<Inclusion> inclusion,
            List<Consistency> consistency,
            Map<String, byte[]> tiles) {

        /** The size of the final tree. */
        public TreeSize size() {
            return TreeSize.of(entries.size());
        }

        /** The root of the tree of {@code size}, where the vectors give it. */
        public Optional<Hash> root(long size) {
            return roots.get(Math.toIntExact(size));
        }

        /** The sizes the vectors give a root for, ascending. */
        public List<TreeSize> sizesWithRoots() {
            List<TreeSize> sizes = new ArrayList<>();
            for (int n = 0; n < roots.size(); n++) {
                if (roots.get(n).isPresent()) {
                    sizes.add(TreeSize.of(n));
                }
            }
            return sizes;
        }
    }

    /** An inclusion proof as the Go reference made it, from the leaf's sibling upwards. */
    public record Inclusion(long index, TreeSize treeSize, List<Hash> proof) {
        /** This vector as a proof. */
        public InclusionProof toProof() {
            return new InclusionProof(index, treeSize, proof);
        }
    }

    /** A consistency proof as the Go reference made it. */
    public record Consistency(TreeSize oldSize, TreeSize newSize, List<Hash> proof) {
        /** This vector as a proof. */
        public ConsistencyProof toProof() {
            return new ConsistencyProof(oldSize, newSize, proof);
        }
    }

    /**
     * An Ed25519 signed-note key and a checkpoint signed with it.
     *
     * @param verifierKey the C2SP signed-note verifier key string, {@code name+keyid+base64(0x01 || public key)}
     * @param signerKey the Go note package's private key string, {@code PRIVATE+KEY+name+keyid+base64(0x01 || seed)}
     * @param ed25519Seed the 32-byte Ed25519 private key seed
     * @param keyId the key id as eight hex digits
     * @param checkpoint the signed checkpoint note, with its signature line
     */
    public record Note(
            String comment,
            String verifierKey,
            String signerKey,
            byte[] ed25519Seed,
            String keyId,
            String checkpoint,
            String origin,
            TreeSize treeSize) {}

    /** The small vectors: logs {@code rfc6962-8-leaves} and {@code random-37}, and the signed-note keys. */
    public static VectorFile small() {
        return SmallHolder.FILE;
    }

    /** The large vectors: log {@code json-70000}, roots only at some sizes. */
    public static VectorFile large() {
        return LargeHolder.FILE;
    }

    /** Every log of both files. */
    public static Stream<Log> allLogs() {
        return Stream.concat(small().logs().stream(), large().logs().stream());
    }

    /** The signed-note keys and checkpoints. */
    public static List<Note> notes() {
        return small().notes();
    }

    /** The shared folder that holds {@code testdata/}, from the system property {@code recourse.shared.dir}. */
    public static Path sharedDir() {
        String dir = System.getProperty("recourse.shared.dir");
        if (dir == null) {
            throw new IllegalStateException("system property recourse.shared.dir is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    /** Reads the small file on first use. */
    private static final class SmallHolder {
        static final VectorFile FILE = read(SMALL);
    }

    /** Reads the large file on first use, so tests that need only the small one do not pay for it. */
    private static final class LargeHolder {
        static final VectorFile FILE = read(LARGE);
    }

    private static VectorFile read(String name) {
        Path path = sharedDir().resolve("testdata").resolve(name);
        try (InputStream in = Files.newInputStream(path);
                InputStream json = name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in) {
            JsonNode root = new ObjectMapper().readTree(json);
            return new VectorFile(
                    root.required("comment").asText(),
                    list(root.required("logs"), TestVectors::log),
                    root.has("notes") ? list(root.get("notes"), TestVectors::note) : List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test vectors " + path, e);
        }
    }

    private static Log log(JsonNode node) {
        Map<String, byte[]> tiles = new LinkedHashMap<>();
        for (JsonNode tile : node.required("tiles")) {
            tiles.put(tile.required("path").asText(), base64(tile.required("data")));
        }
        return new Log(
                node.required("name").asText(),
                list(node.required("entries"), TestVectors::base64),
                list(node.required("leafHashes"), TestVectors::hash),
                list(node.required("roots"), root -> root.asText().isEmpty() ? Optional.empty() : Optional.of(hash(root))),
                list(node.required("inclusion"), proof -> new Inclusion(
                        proof.required("index").asLong(),
                        size(proof.required("treeSize")),
                        list(proof.required("proof"), TestVectors::hash))),
                list(node.required("consistency"), proof -> new Consistency(
                        size(proof.required("oldSize")),
                        size(proof.required("newSize")),
                        list(proof.required("proof"), TestVectors::hash))),
                Collections.unmodifiableMap(tiles));
    }

    private static Note note(JsonNode node) {
        return new Note(
                node.required("comment").asText(),
                node.required("verifierKey").asText(),
                node.required("signerKey").asText(),
                base64(node.required("ed25519Seed")),
                node.required("keyId").asText(),
                node.required("checkpoint").asText(),
                node.required("origin").asText(),
                size(node.required("treeSize")));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("test vectors: expected an array, got " + array.getNodeType());
        }
        List<T> out = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            out.add(element.apply(item));
        }
        return Collections.unmodifiableList(out);
    }

    private static byte[] base64(JsonNode text) {
        return Base64.getDecoder().decode(text.asText());
    }

    private static Hash hash(JsonNode text) {
        return Hash.fromBase64(text.asText());
    }

    private static TreeSize size(JsonNode number) {
        if (!number.canConvertToLong()) {
            throw new IllegalArgumentException("test vectors: expected a size, got " + number);
        }
        return TreeSize.of(number.asLong());
    }
}
