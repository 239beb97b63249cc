package dev.recourse.server.http.shape;

import dev.recourse.core.notice.Location;
import dev.recourse.core.subject.LanguageCode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What a text holds beyond its length: a date, an instant, a UUID, an address, a code. */
public enum Format {
    /** Any text. */
    NONE(Optional.empty(), "") {
        @Override
        boolean holds(String text) {
            return true;
        }
    },
    /** A calendar date, {@code 2026-03-31}. */
    DATE(Optional.of("date"), "a date YYYY-MM-DD") {
        @Override
        boolean holds(String text) {
            if (!DATE_FORM.matcher(text).matches()) {
                return false;
            }
            try {
                LocalDate.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    },
    /** An instant in UTC, {@code 2026-03-31T12:00:00Z} (RFC 3339 with {@code Z}). */
    DATE_TIME(Optional.of("date-time"), "an instant in UTC, YYYY-MM-DDThh:mm:ssZ") {
        @Override
        boolean holds(String text) {
            if (!text.endsWith("Z")) {
                return false;
            }
            try {
                Instant.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    },
    /** A UUID in lower-case hex, {@code 8-4-4-4-12}. */
    UUID(Optional.of("uuid"), "a UUID in lower-case hex") {
        @Override
        boolean holds(String text) {
            return isUuid(text);
        }
    },
    /** An e-mail address. */
    EMAIL(Optional.of("email"), "an e-mail address") {
        @Override
        boolean holds(String text) {
            return EMAIL_FORM.matcher(text).matches();
        }
    },
    /** An absolute {@code http} or {@code https} URL with a host. */
    HTTP_URL(Optional.of("uri"), "an absolute http or https URL") {
        @Override
        boolean holds(String text) {
            return Location.isUrl(text);
        }
    },
    /** An ISO 3166-1 alpha-2 country code, {@code DE}: the codes core's {@code CountryCode} takes. */
    COUNTRY(Optional.empty(), "an ISO 3166-1 alpha-2 country code in upper case") {
        @Override
        boolean holds(String text) {
            return COUNTRIES.contains(text);
        }
    },
    /** An ISO 639-1 language code, {@code de}. */
    LANGUAGE(Optional.empty(), "an ISO 639-1 language code in lower case") {
        @Override
        boolean holds(String text) {
            return LanguageCode.isIso6391(text);
        }
    };

    private static final Pattern DATE_FORM = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    // As core's Contact takes them: one @, no white space.
    private static final Pattern EMAIL_FORM = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Where the four dashes of a UUID's {@code 8-4-4-4-12} form stand. */
    private static final int[] UUID_DASHES = {8, 13, 18, 23};
    private static final int UUID_LENGTH = 36;

    private final Optional<String> schemaFormat;
    private final String description;

    Format(Optional<String> schemaFormat, String description) {
        this.schemaFormat = schemaFormat;
        this.description = description;
    }

    /**
     * Whether {@code text} is a UUID in lower-case hex, {@code 8-4-4-4-12}: the one spelling the API takes for ids in
     * bodies and paths. Checked by hand, not by a regular expression: it runs for every id in every request.
     */
    public static boolean isUuid(String text) {
        if (text.length() != UUID_LENGTH) {
            return false;
        }
        int dash = 0;
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = text.charAt(i);
            if (dash < UUID_DASHES.length && i == UUID_DASHES[dash]) {
                if (c != '-') {
                    return false;
                }
                dash++;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} is in this format. */
    abstract boolean holds(String text);

    /** The JSON Schema {@code format} keyword's value, for formats it has one for. */
    Optional<String> schemaFormat() {
        return schemaFormat;
    }

    /** What the format is, for error messages: {@code a date YYYY-MM-DD}. */
    String description() {
        return description;
    }
}
