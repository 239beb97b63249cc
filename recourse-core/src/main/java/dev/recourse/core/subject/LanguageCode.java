package dev.recourse.core.subject;

import java.util.Locale;
import java.util.Set;

/**
 * A language, as an ISO 639-1 two-letter code in lower case ({@code de}, {@code fr}).
 *
 * @param value an ISO 639-1 code known to the JDK
 */
public record LanguageCode(String value) {
    private static final Set<String> KNOWN = Set.of(Locale.getISOLanguages());

    public LanguageCode {
        if (!isIso6391(value)) {
            throw new IllegalArgumentException("not an ISO 639-1 language code: \"" + value + "\"");
        }
    }

    /** Whether {@code text} is a lower-case ISO 639-1 code. */
    public static boolean isIso6391(String text) {
        return text.length() == 2 && KNOWN.contains(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
