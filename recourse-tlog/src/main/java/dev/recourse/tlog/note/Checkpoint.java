package dev.recourse.tlog.note;

import dev.recourse.tlog.Canonical;
import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.merkle.Hash;
import dev.recourse.tlog.merkle.TreeSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A log's checkpoint: the note text that commits the log to a tree (c2sp.org/tlog-checkpoint).
 *
 * <pre>
 * origin
 * tree size in decimal
 * base64(root hash)
 * extension lines, if any
 * </pre>
 *
 * @param origin the log's identity: non-empty, no newline nor other control character, valid UTF-8
 * @param size the number of leaves
 * @param root the RFC 6962 root of the tree of that size
 * @param extensions opaque extension lines, each non-empty, no newline nor other control character,
 *     valid UTF-8; their use is NOT RECOMMENDED
 */
public record Checkpoint(String origin, TreeSize size, Hash root, List<String> extensions) {
    public Checkpoint {
        extensions = List.copyOf(extensions);
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(root, "root");
        Syntax.require(invalidLine("origin", origin));
        for (String extension : extensions) {
            Syntax.require(invalidLine("extension line", extension));
        }
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, TreeSize size, Hash root) {
        this(origin, size, root, List.of());
    }

    /** The note text: origin, size, root and extension lines, each followed by a newline. */
    public String body() {
        StringBuilder body = new StringBuilder()
                .append(origin).append('\n')
                .append(size.value()).append('\n')
                .append(root.toBase64()).append('\n');
        extensions.forEach(line -> body.append(line).append('\n'));
        return body.toString();
    }

    /**
     * Parses a checkpoint note text, strictly: at least three lines, each ending in a newline; a
     * non-empty origin; the tree size in decimal with no sign and no leading zero (but {@code 0}),
     * at most {@link Long#MAX_VALUE}; the root hash as canonical base64 of 32 bytes; non-empty
     * extension lines; no control character other than newline, and valid UTF-8.
     */
    public static Parsed<Checkpoint> parse(String body) {
        if (!body.endsWith("\n")) {
            return Parsed.malformed("a checkpoint ends with a newline");
        }
        var invalid = Syntax.invalidText(body);
        if (invalid.isPresent()) {
            return Parsed.malformed(invalid.get());
        }
        List<String> lines = new ArrayList<>(List.of(body.substring(0, body.length() - 1).split("\n", -1)));
        if (lines.size() < 3) {
            return Parsed.malformed("a checkpoint has at least three lines, found " + lines.size());
        }
        if (lines.get(0).isEmpty()) {
            return Parsed.malformed("the origin line is empty");
        }
        if (lines.subList(3, lines.size()).contains("")) {
            return Parsed.malformed("an extension line is empty");
        }
        if (!(Canonical.parseDecimal(lines.get(1)) instanceof Parsed.Ok<Long>(Long size))) {
            return Parsed.malformed("the tree size is not a decimal number without leading zeros up to 2^63-1");
        }
        return switch (Hash.parseBase64(lines.get(2))) {
            case Parsed.Malformed<Hash> m -> Parsed.malformed("root hash: " + m.reason());
            case Parsed.Ok<Hash>(Hash root) ->
                    Parsed.ok(new Checkpoint(lines.get(0), TreeSize.of(size), root, lines.subList(3, lines.size())));
        };
    }

    private static Optional<String> invalidLine(String what, String line) {
        if (line.isEmpty()) {
            return Optional.of("the " + what + " is empty");
        }
        if (line.indexOf('\n') >= 0) {
            return Optional.of("the " + what + " contains a newline");
        }
        return Syntax.invalidText(line).map(reason -> "the " + what + ": " + reason);
    }
}
