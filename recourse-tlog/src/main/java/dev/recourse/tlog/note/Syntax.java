package dev.recourse.tlog.note;

import java.util.Optional;

/** The lexical rules that notes, key names and key strings share (c2sp.org/signed-note). */
final class Syntax {
    private Syntax() {}

    /**
     * Why {@code name} is not a valid key name, if it is not: key names MUST be non-empty and MUST NOT
     * contain Unicode spaces or plus signs; as part of a note they MUST NOT contain control characters
     * and MUST be valid UTF-8.
     */
    static Optional<String> invalidKeyName(String name) {
        if (name.isEmpty()) {
            return Optional.of("a key name is empty");
        }
        if (name.indexOf('+') >= 0) {
            return Optional.of("a key name contains '+'");
        }
        int i = 0;
        while (i < name.length()) {
            int c = name.codePointAt(i);
            if (isSpace(c)) {
                return Optional.of("a key name contains a space (U+%04X)".formatted(c));
            }
            i += Character.charCount(c);
        }
        return invalidText(name);
    }

    /**
     * Why {@code text} cannot be part of a note, if it cannot: notes MUST be valid UTF-8 (here: no
     * unpaired surrogate) and MUST NOT contain ASCII control characters other than newline.
     */
    static Optional<String> invalidText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                return Optional.of("control character U+%04X at offset %d".formatted((int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("unpaired surrogate at offset " + i + ", not valid UTF-8");
            }
        }
        return Optional.empty();
    }

    /** Throws the problem as an {@link IllegalArgumentException}, if there is one: a caller broke a contract. */
    static void require(Optional<String> problem) {
        problem.ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }

    /** Unicode spaces as Go's unicode.IsSpace sees them: White_Space ASCII, U+0085, U+00A0 and category Z. */
    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }
}
