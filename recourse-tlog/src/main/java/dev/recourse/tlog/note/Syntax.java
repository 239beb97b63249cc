package dev.recourse.tlog.note;

import dev.recourse.tlog.Parsed;
import java.util.Base64;
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

    /** Standard base64 with padding, as notes and key strings spell bytes. */
    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes canonical standard base64 (RFC 4648 section 4): padded, no line breaks, no stray bits,
     * so that every byte string has exactly one accepted spelling.
     */
    static Parsed<byte[]> decodeBase64(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=')) {
                return Parsed.malformed("not base64: character U+%04X at offset %d".formatted((int) c, i));
            }
        }
        if (text.length() % 4 != 0) {
            return Parsed.malformed("not padded base64: length " + text.length());
        }
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        if (text.indexOf('=') >= 0 && text.indexOf('=') < text.length() - padding) {
            return Parsed.malformed("not base64: '=' before the end");
        }
        byte[] decoded = Base64.getDecoder().decode(text);
        if (!base64(decoded).equals(text)) {
            return Parsed.malformed("not canonical base64: unused bits are set");
        }
        return Parsed.ok(decoded);
    }

    /** Unicode spaces as Go's unicode.IsSpace sees them: White_Space ASCII, U+0085, U+00A0 and category Z. */
    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }
}
