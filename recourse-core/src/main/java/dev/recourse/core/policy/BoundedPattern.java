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
public record BoundedPattern(String source, long stepBudget, Pattern pattern, String requiredLiteral) {
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
        if (!pattern.pattern().equals(source) || !requiredLiteral.equals(requiredLiteral(source))) {
            throw new IllegalArgumentException("the pattern and its literal are made from its source");
        }
    }

    /** The compiled pattern, or the problem with {@code source} (with its position) named as {@code field}. */
    public static Validation<BoundedPattern> compile(String field, String source, long stepBudget) {
        try {
            return new Validation.Valid<>(new BoundedPattern(source, stepBudget,
                    Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), requiredLiteral(source)));
        } catch (PatternSyntaxException e) {
            return Validation.invalid(field, "at index " + e.getIndex() + ": " + e.getDescription());
        }
    }

    /**
     * Whether the pattern occurs in {@code text}, a {@linkplain TextFolding#fold folded} text, searching within the
     * budget. A text without the pattern's {@linkplain #requiredLiteral required literal} is not searched at all.
     */
    public Search search(String text) {
        if (!requiredLiteral.isEmpty() && !text.contains(requiredLiteral)) {
            return Search.NOT_FOUND;
        }
        Budgeted budgeted = new Budgeted(text, 0, text.length(), new long[] {stepBudget});
        try {
            return pattern.matcher(budgeted).find() ? Search.FOUND : Search.NOT_FOUND;
        } catch (BudgetExhausted e) {
            return Search.EXHAUSTED;
        }
    }

    /**
     * The longest run of plain characters that every match of {@code source} contains, in lower case, or "" if none is
     * found: the characters outside groups and classes, up to an alternative, a metacharacter or an optional
     * quantifier. Only ASCII letters, digits and escaped or plain ASCII punctuation count, so that the run, lower-cased,
     * is what a folded text holds wherever the pattern matches. Conservative: "" whenever in doubt.
     */
    static String requiredLiteral(String source) {
        if (source.matches("(?s).*\\(\\?[a-zA-Z-]*x.*")) {
            return ""; // comments mode: '#' starts a comment, and spaces are not characters
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '[') {
                int end = classEnd(source, i);
                if (end < 0) {
                    return "";
                }
                i = end;
                best = longer(best, run);
                continue;
            }
            if (c == '(') {
                depth++;
                best = longer(best, run);
                continue;
            }
            if (c == ')') {
                depth--;
                continue;
            }
            if (c == '|') {
                if (depth == 0) {
                    return ""; // alternatives at the top: nothing is required
                }
                continue;
            }
            if (depth > 0) {
                if (c == '\\') {
                    i++;
                }
                continue;
            }
            char literal;
            if (c == '\\') {
                if (i + 1 >= source.length()) {
                    return "";
                }
                char next = source.charAt(++i);
                if (Character.isLetterOrDigit(next) || next >= 0x80) {
                    if (next == 'Q') {
                        return ""; // quoting: not worth reading
                    }
                    best = longer(best, run); // \b, \d, \p{..}, back references: not plain characters
                    continue;
                }
                literal = next;
            } else if (c == '*' || c == '?' || c == '{') {
                boolean optional = c != '{' || (i + 1 < source.length() && source.charAt(i + 1) == '0');
                if (optional && !run.isEmpty()) {
                    run.setLength(run.length() - 1);
                }
                best = longer(best, run);
                if (c == '{') {
                    int close = source.indexOf('}', i);
                    if (close < 0) {
                        return "";
                    }
                    i = close;
                }
                continue;
            } else if (c == '+' || c == '.' || c == '^' || c == '$') {
                best = longer(best, run);
                continue;
            } else {
                literal = c;
            }
            if (literal >= 0x80 || Character.isISOControl(literal) || Character.isWhitespace(literal)) {
                best = longer(best, run);
                continue;
            }
            run.append(Character.toLowerCase(literal));
        }
        return depth == 0 ? longer(best, run) : "";
    }

    private static String longer(String best, StringBuilder run) {
        String candidate = run.toString();
        run.setLength(0);
        return candidate.length() > best.length() ? candidate : best;
    }

    /** The index of the ']' that ends the class opened at {@code open}, or -1 if it is nested or unclosed. */
    private static int classEnd(String source, int open) {
        int i = open + 1;
        if (i < source.length() && source.charAt(i) == '^') {
            i++;
        }
        if (i < source.length() && source.charAt(i) == ']') {
            i++;
        }
        for (; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return -1;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
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
