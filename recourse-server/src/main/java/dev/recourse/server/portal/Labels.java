package dev.recourse.server.portal;

import java.time.Duration;
import java.util.Locale;

/** The words people read for the codes the record keeps: "Illegal or harmful speech" for {@code STATEMENT_CATEGORY_...}. */
final class Labels {
    private static final String[] PREFIXES = {"STATEMENT_CATEGORY_", "DECISION_GROUND_", "AUTOMATED_DECISION_", "SOURCE_"};

    private Labels() {}

    /** The words of {@code code}: its prefix off, underscores as spaces, only the first letter capital. */
    static String of(Enum<?> code) {
        String name = code.name();
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
                break;
            }
        }
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return switch (words) {
            case "article 16" -> "User notice (Art. 16)";
            case "tc" -> "Terms and conditions";
            default -> Character.toUpperCase(words.charAt(0)) + words.substring(1).replace(" tc", " (terms)");
        };
    }

    /** A duration as people say it: "under 1 minute", "4 hours", "3 days". */
    static String of(Duration d) {
        if (d.toDays() >= 1 && d.toHours() % 24 == 0) {
            return plural(d.toDays(), "day");
        }
        if (d.toHours() >= 1 && d.toMinutes() % 60 == 0) {
            return plural(d.toHours(), "hour");
        }
        return plural(d.toMinutes(), "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
