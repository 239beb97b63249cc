package dev.recourse.core.policy;

import dev.recourse.core.Validation;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression that cannot stall evaluation: each search may read at most {@code stepBudget} characters of
 * the text (backtracking reads them again and again, so catastrophic backtracking exhausts the budget quickly), and
 * a search that runs out ends with {@link Search#EXHAUSTED} instead of running on. The budget is counted in
 * characters read, not in time, so an outcome repeats on any machine.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param source the expression as written (Java syntax), matched case-insensitively (Unicode) against folded text
 * @param stepBudget the characters a search may read; at least 1
 */
public record BoundedPattern(String source, long stepBudget, Pattern pattern) {
    /** The outcome of one search. */
    public enum Search {
        FOUND,
        NOT_FOUND,
        /** The budget ran out before the search ended: whether the pattern occurs is unknown. */
        EXHAUSTED
    }

    public BoundedPattern {
        if (stepBudget < 1) {
            throw new IllegalArgumentException("a step budget is at least 1, not " + stepBudget);
        }
        if (!pattern.pattern().equals(source)) {
            throw new IllegalArgumentException("the pattern is compiled from its source");
        }
    }

    /** The compiled pattern, or the problem with {@code source} (with its position) named as {@code field}. */
    public static Validation<BoundedPattern> compile(String field, String source, long stepBudget) {
        try {
            return new Validation.Valid<>(new BoundedPattern(source, stepBudget,
                    Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        } catch (PatternSyntaxException e) {
            return Validation.invalid(field, "at index " + e.getIndex() + ": " + e.getDescription());
        }
    }

    /** Whether the pattern occurs in {@code text}, searching within the budget. */
    public Search search(CharSequence text) {
        Budgeted budgeted = new Budgeted(text, 0, text.length(), new long[] {stepBudget});
        try {
            return pattern.matcher(budgeted).find() ? Search.FOUND : Search.NOT_FOUND;
        } catch (BudgetExhausted e) {
            return Search.EXHAUSTED;
        }
    }

    /** Thrown through the regex engine to end a search; carries no stack trace, as it is expected and frequent. */
    private static final class BudgetExhausted extends RuntimeException {
        BudgetExhausted() {
            super("step budget exhausted", null, false, false);
        }
    }

    /** A view of a text that counts every character read against a budget shared by its sub-sequences. */
    private record Budgeted(CharSequence text, int from, int to, long[] left) implements CharSequence {
        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new BudgetExhausted();
            }
            return text.charAt(from + index);
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text, from + start, from + end, left);
        }

        @Override
        public String toString() {
            return text.subSequence(from, to).toString();
        }
    }
}
