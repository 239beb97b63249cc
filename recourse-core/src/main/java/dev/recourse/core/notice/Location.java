package dev.recourse.core.notice;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The exact electronic location of the content a notice is about (DSA Art. 16(2)(b)): an absolute http or https
 * URL, as the notifier gave it.
 *
 * @param value the URL's text
 */
public record Location(String value) {
    /** The longest URL taken, as browsers and servers commonly do. */
    public static final int MAX_LENGTH = 2048;

    public Location {
        if (value.length() > MAX_LENGTH || !isUrl(value)) {
            throw new IllegalArgumentException("not an absolute http or https URL of at most " + MAX_LENGTH + " characters: \""
                    + value + "\"");
        }
    }

    /** Whether {@code text} is an absolute http or https URL with a host. */
    public static boolean isUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null
                    && (uri.getScheme().toLowerCase(Locale.ROOT).equals("http") || uri.getScheme().toLowerCase(Locale.ROOT).equals("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
