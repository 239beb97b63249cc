package dev.recourse.core.subject;

import java.util.Locale;
import java.util.Set;

/**
 * A country, as an ISO 3166-1 alpha-2 code in upper case ({@code DE}, {@code US}).
 *
 * @param value an ISO 3166-1 alpha-2 code known to the JDK
 */
public record CountryCode(String value) {
    private static final Set<String> KNOWN = Set.of(Locale.getISOCountries());

    public CountryCode {
        if (!KNOWN.contains(value)) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: \"" + value + "\"");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
