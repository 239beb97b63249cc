package dev.recourse.tlog.note;

import dev.recourse.tlog.Canonical;
import dev.recourse.tlog.Parsed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signs, parses and opens signed notes (c2sp.org/signed-note), with the rules of Go's
 * golang.org/x/mod/sumdb/note.
 *
 * <p>A signed note is a text ending in a newline, a blank line, and signature lines
 * {@code — <key name> base64(keyID || signature)}. Signatures by unknown keys are ignored; a signature
 * by a known key MUST verify; at least one MUST.
 */
public final class Note {
    /** The most signature lines a note may have; the specification asks to accept at least 16. */
    public static final int MAX_SIGNATURES = 100;

    /** The largest note accepted, in UTF-8 bytes, as in Go's implementation. */
    static final int MAX_SIZE = 1_000_000;

    private Note() {}

    /**
     * Signs {@code body} with each signer and returns the signed note text.
     *
     * @throws IllegalArgumentException if the body does not end in a newline or has a control character
     *     other than newline or an unpaired surrogate, or if there are no signers, more than
     *     {@value #MAX_SIGNATURES}, or two with the same name and key ID
     */
    public static String sign(String body, List<? extends NoteSigner> signers) {
        Syntax.require(SignedNote.invalidBody(body));
        Set<SignerRef> seen = new HashSet<>();
        List<NoteSignature> signatures = new ArrayList<>(signers.size());
        for (NoteSigner signer : signers) {
            if (!seen.add(new SignerRef(signer.name(), signer.keyId()))) {
                throw new IllegalArgumentException("two signers named " + signer.name() + " with key ID " + signer.keyId());
            }
            signatures.add(signature(body, signer));
        }
        return new SignedNote(body, signatures).text();
    }

    /**
     * The signature of {@code body} by {@code signer}, for adding to a note, as a witness does.
     *
     * @throws IllegalArgumentException if the body is not a note text (see {@link #sign}) or the signer's
     *     name is not a valid key name
     */
    public static NoteSignature signature(String body, NoteSigner signer) {
        Syntax.require(SignedNote.invalidBody(body));
        return new NoteSignature(signer.name(), signer.keyId(), signer.sign(body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Parses the syntax of a signed note, verifying nothing: at most 1,000,000 UTF-8 bytes, no unpaired
     * surrogate, no control character other than newline; the text is everything up to and including
     * the newline before the last blank line; after it come 1 to {@value #MAX_SIGNATURES} lines
     * {@code — <name> base64(keyID || signature)}, each ending in a newline, the name a valid key name,
     * the base64 canonical and of at least 5 bytes.
     */
    public static Parsed<SignedNote> parse(String text) {
        if (text.length() > MAX_SIZE || text.getBytes(StandardCharsets.UTF_8).length > MAX_SIZE) {
            return Parsed.malformed("a note is at most " + MAX_SIZE + " bytes");
        }
        var invalid = Syntax.invalidText(text);
        if (invalid.isPresent()) {
            return Parsed.malformed(invalid.get());
        }
        int split = text.lastIndexOf("\n\n");
        if (split < 0) {
            return Parsed.malformed("no blank line between the note text and its signatures");
        }
        String body = text.substring(0, split + 1);
        String lines = text.substring(split + 2);
        if (lines.isEmpty()) {
            return Parsed.malformed("no signature lines");
        }
        if (!lines.endsWith("\n")) {
            return Parsed.malformed("the last signature line does not end with a newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int start = 0;
        while (start < lines.length()) {
            if (signatures.size() == MAX_SIGNATURES) {
                return Parsed.malformed("more than " + MAX_SIGNATURES + " signature lines");
            }
            int end = lines.indexOf('\n', start);
            switch (parseLine(lines.substring(start, end))) {
                case Parsed.Malformed<NoteSignature> m -> {
                    return Parsed.malformed("signature line " + (signatures.size() + 1) + ": " + m.reason());
                }
                case Parsed.Ok<NoteSignature>(NoteSignature signature) -> signatures.add(signature);
            }
            start = end + 1;
        }
        return Parsed.ok(new SignedNote(body, signatures));
    }

    /**
     * Opens a signed note with the keys the caller trusts, step by step as c2sp.org/signed-note says:
     * the note MUST parse ({@link #parse}); signatures whose name and key ID match no known key are
     * ignored (returned as unverified, repeats dropped); a signature by a known key MUST verify, and a
     * known key MUST NOT sign twice, or the whole note is rejected; at least one signature by a known
     * key MUST verify.
     *
     * @param known the trusted keys; no two MAY share both name and key ID
     * @throws IllegalArgumentException if two known keys share name and key ID
     */
    public static OpenedNote open(String text, Collection<? extends NoteVerifier> known) {
        Map<SignerRef, NoteVerifier> keys = new HashMap<>();
        for (NoteVerifier key : known) {
            if (keys.putIfAbsent(new SignerRef(key.name(), key.keyId()), key) != null) {
                throw new IllegalArgumentException("two known keys named " + key.name() + " with key ID " + key.keyId());
            }
        }
        return switch (parse(text)) {
            case Parsed.Malformed<SignedNote> m -> new OpenedNote.Rejected("malformed note: " + m.reason());
            case Parsed.Ok<SignedNote>(SignedNote note) -> open(note, keys);
        };
    }

    private static OpenedNote open(SignedNote note, Map<SignerRef, NoteVerifier> keys) {
        byte[] body = note.body().getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> verified = new ArrayList<>();
        Set<NoteSignature> unverified = new LinkedHashSet<>();
        Set<SignerRef> signed = new HashSet<>();
        for (NoteSignature signature : note.signatures()) {
            SignerRef ref = new SignerRef(signature.name(), signature.keyId());
            NoteVerifier key = keys.get(ref);
            if (key == null) {
                unverified.add(signature);
            } else if (!signed.add(ref)) {
                return new OpenedNote.Rejected("two signatures by " + ref);
            } else if (!key.verify(body, signature.signature())) {
                return new OpenedNote.Rejected("the signature by " + ref + " does not verify");
            } else {
                verified.add(signature);
            }
        }
        if (verified.isEmpty()) {
            return new OpenedNote.Rejected("no signature by any of the " + keys.size() + " known keys");
        }
        return new OpenedNote.Opened(note.body(), verified, List.copyOf(unverified));
    }

    private static Parsed<NoteSignature> parseLine(String line) {
        if (!line.startsWith(NoteSignature.LINE_PREFIX)) {
            return Parsed.malformed("does not start with an em dash and a space");
        }
        int space = line.indexOf(' ', NoteSignature.LINE_PREFIX.length());
        if (space < 0) {
            return Parsed.malformed("no space between key name and signature");
        }
        String name = line.substring(NoteSignature.LINE_PREFIX.length(), space);
        var badName = Syntax.invalidKeyName(name);
        if (badName.isPresent()) {
            return Parsed.malformed(badName.get());
        }
        return switch (Canonical.parseBase64(line.substring(space + 1))) {
            case Parsed.Malformed<byte[]> m -> Parsed.malformed(m.reason());
            case Parsed.Ok<byte[]>(byte[] bytes) -> bytes.length <= KeyId.SIZE
                    ? Parsed.malformed("a signature is a key ID and at least one byte, found " + bytes.length + " bytes")
                    : Parsed.ok(new NoteSignature(name, KeyId.read(bytes, 0), Arrays.copyOfRange(bytes, KeyId.SIZE, bytes.length)));
        };
    }


    /** The name and key ID that select a key. */
    private record SignerRef(String name, KeyId keyId) {
        @Override
        public String toString() {
            return name + "+" + keyId.toHex();
        }
    }
}
