package dev.recourse.tlog.note;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Small edits of valid inputs, biased towards the characters that the log's text formats (notes, key strings,
 * checkpoints, receipts) give meaning to.
 */
public final class Mutations {
    private Mutations() {}

    /** Where an edit happens (a fraction of the length), what it does, and what it puts in. */
    public record Edit(Kind kind, double at, int length, String piece) {
        /** The text with this edit made. */
        public String applyTo(String text) {
            int position = Math.min(text.length(), (int) (at * text.length()));
            int end = Math.min(text.length(), position + length);
            return switch (kind) {
                case INSERT -> text.substring(0, position) + piece + text.substring(position);
                case DELETE -> text.substring(0, position) + text.substring(end);
                case REPLACE -> text.substring(0, position) + piece + text.substring(end);
                case DUPLICATE -> text.substring(0, end) + text.substring(position);
                case TRUNCATE -> text.substring(0, position);
            };
        }
    }

    /** What an edit does. */
    public enum Kind { INSERT, DELETE, REPLACE, DUPLICATE, TRUNCATE }

    /** Pieces with a meaning in notes, key strings or checkpoints, and some that are never allowed. */
    private static final List<String> PIECES = List.of(
            "\n", "\n\n", "\u2014", "\u2014 ", " ", "+", "=", "==", "/", "0", "9", "-", "A", "a", "f", "AAAA",
            "PRIVATE+KEY+", "\r", "\t", "\u0000", "\ud800", "\udc00", "\u00a0", "\u2003", "\u00e9", "\ud83d\ude00",
            "\uffff", "18446744073709551616", "time ", "cosignature/v1\n", "extra ", "index ", "c2sp.org/tlog-proof@v1\n");

    public static Arbitrary<String> pieces() {
        return Arbitraries.oneOf(Arbitraries.of(PIECES), Arbitraries.strings().ofMinLength(1).ofMaxLength(3));
    }

    public static Arbitrary<Edit> edits() {
        return Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(1, 8),
                        pieces())
                .as(Edit::new);
    }

    /** One to four edits of a valid input. */
    public static Arbitrary<String> of(Arbitrary<String> valid) {
        return Combinators.combine(valid, editLists()).as(Mutations::apply);
    }

    /** One to four edits. */
    public static Arbitrary<List<Edit>> editLists() {
        return edits().list().ofMinSize(1).ofMaxSize(4);
    }

    /** The text with the edits made, in order. */
    public static String apply(String text, List<Edit> edits) {
        String edited = text;
        for (Edit edit : edits) {
            edited = edit.applyTo(edited);
        }
        return edited;
    }
}
