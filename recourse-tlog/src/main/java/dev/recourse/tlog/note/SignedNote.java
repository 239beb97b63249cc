package dev.recourse.tlog.note;

import java.util.List;
import java.util.Optional;

/**
 * A signed note as written, before any signature is verified: the note text and its signatures
 * (c2sp.org/signed-note). Its text MUST NOT be trusted; {@link Note#open} verifies it.
 *
 * @param body the note text: valid UTF-8 (no unpaired surrogate), no control character other than
 *     newline, ending in a newline
 * @param signatures one to {@value Note#MAX_SIGNATURES} signatures, in the order of their lines
 */
public record SignedNote(String body, List<NoteSignature> signatures) {
    public SignedNote {
        Syntax.require(invalidBody(body));
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty() || signatures.size() > Note.MAX_SIGNATURES) {
            throw new IllegalArgumentException(
                    "a signed note has 1 to " + Note.MAX_SIGNATURES + " signatures, not " + signatures.size());
        }
    }

    /** The note as text: the body, a blank line, and one line per signature. */
    public String text() {
        StringBuilder text = new StringBuilder(body).append('\n');
        signatures.forEach(signature -> text.append(signature.line()));
        return text.toString();
    }

    /** Why {@code body} cannot be the text of a note, if it cannot. */
    static Optional<String> invalidBody(String body) {
        if (!body.endsWith("\n")) {
            return Optional.of("a note text ends with a newline");
        }
        return Syntax.invalidText(body);
    }
}
