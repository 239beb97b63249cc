package dev.recourse.server.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.SequencedMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * The texts of people's pages in one language, from the resource bundle {@code pages_LANG.properties} (UTF-8) beside
 * this class. Every language has every key (a test checks it): a page is never half in another language.
 *
 * <p>A text may hold placeholders {@code {name}}, filled by {@link #format}; values are plain text, escaped by the
 * caller like any other. (Not {@link java.text.MessageFormat}: its quoting rules turn French apostrophes into traps.)
 */
final class Messages {
    /** The languages pages are written in, English first: it is the last resort. */
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.of("fa"));

    private static final Map<String, Messages> ALL = load();

    private final Locale language;
    private final Map<String, String> texts;

    private Messages(Locale language, Map<String, String> texts) {
        this.language = language;
        this.texts = texts;
    }

    /** The texts in {@code language}, one of {@link #LANGUAGES}. */
    static Messages in(Locale language) {
        Messages messages = ALL.get(language.getLanguage());
        if (messages == null) {
            throw new IllegalArgumentException("pages are not written in " + language);
        }
        return messages;
    }

    /**
     * The language to show a page in: the one asked for by the language switcher ({@code ?lang=}), else the person's
     * own (from the case), else the first of the browser's {@code Accept-Language} that pages are written in, else
     * English.
     */
    static Locale choose(Optional<String> asked, Optional<String> persons, Optional<String> acceptLanguage) {
        for (Optional<String> code : List.of(asked, persons)) {
            Optional<Locale> known = code.flatMap(Messages::known);
            if (known.isPresent()) {
                return known.get();
            }
        }
        if (acceptLanguage.isPresent()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage.get());
                Locale match = Locale.lookup(ranges, LANGUAGES);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException e) {
                // A malformed header says nothing about the reader's languages: the default serves them.
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    private static Optional<Locale> known(String code) {
        return LANGUAGES.stream().filter(l -> l.getLanguage().equalsIgnoreCase(code.strip())).findFirst();
    }

    /** This language. */
    Locale language() {
        return language;
    }

    /** The text of {@code key}; a missing key is a bug (the test of the bundles finds it first). */
    String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text " + key + " in pages_" + language.getLanguage() + ".properties");
        }
        return text;
    }

    /** The text of {@code key} for the enum constant {@code value}: {@code key.NAME}. */
    String text(String key, Enum<?> value) {
        return text(key + "." + value.name());
    }

    /** The text of {@code key} with each {@code {name}} replaced by its value, in pairs: name, value, name, value. */
    String format(String key, String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("placeholders come in pairs of name and value");
        }
        String text = text(key);
        for (int i = 0; i < pairs.length; i += 2) {
            text = text.replace("{" + pairs[i] + "}", pairs[i + 1]);
        }
        return text;
    }

    /** {@code at} as a date and time in UTC, written as this language writes them. */
    String dateTime(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(language)
                .withZone(ZoneOffset.UTC).format(at) + " UTC";
    }

    /** {@code day} as this language writes a date. */
    String date(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).format(day);
    }

    /** The name of the country {@code code} (ISO 3166-1 alpha-2) in this language. */
    String country(String code) {
        String name = Locale.of("", code).getDisplayCountry(language);
        return name.isEmpty() || name.equals(code) ? code : name;
    }

    /** The keys of the bundle of {@code language}, sorted. */
    static Set<String> keys(Locale language) {
        return new TreeSet<>(in(language).texts.keySet());
    }

    private static Map<String, Messages> load() {
        SequencedMap<String, Messages> all = new LinkedHashMap<>();
        for (Locale language : LANGUAGES) {
            String name = "pages_" + language.getLanguage() + ".properties";
            try (InputStream in = Messages.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the resource " + name + " is missing");
                }
                PropertyResourceBundle bundle = new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> texts = new LinkedHashMap<>();
                for (String key : bundle.keySet()) {
                    texts.put(key, bundle.getString(key));
                }
                all.put(language.getLanguage(), new Messages(language, Collections.unmodifiableMap(texts)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        return Collections.unmodifiableMap(all);
    }
}
