package dev.recourse.core.policy;

import java.text.Normalizer;

/**
 * The form in which keyword terms and event texts are compared, so that one term matches every way people write it:
 * NFKC (compatibility forms, e.g. full-width letters and Arabic presentation forms, become the plain letters), simple
 * case folding, Arabic and Persian letter variants folded to one letter (Arabic yeh and alef maksura to Persian yeh,
 * Arabic kaf to keheh, teh marbuta and heh with yeh to heh, alef with hamza or madda to alef, waw with hamza to
 * waw), Arabic-Indic and Persian digits to ASCII digits, and the marks that writers add or leave out at will removed:
 * the zero-width non-joiner and joiner, tatweel, and the Arabic vowel marks.
 *
 * <p>Folding MUST be applied to terms and texts alike; matches are found in the folded text.
 */
public final class TextFolding {
    private TextFolding() {}

    /**
     * {@code text} folded. Text of ASCII and the Arabic block's letters and digits (which NFKC leaves as they are, in
     * any order) takes a fast path without NFKC; anything else is normalised first.
     */
    public static String fold(String text) {
        int n = text.length();
        char[] out = null;
        int length = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int folded;
            if (c < 0x80) {
                folded = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
            } else if (isNfkcStable(c)) {
                folded = letter(c);
            } else {
                return slow(text);
            }
            if (out == null) {
                if (folded == c) {
                    continue; // unchanged so far: copy lazily
                }
                out = new char[n];
                text.getChars(0, i, out, 0);
                length = i;
            }
            if (folded >= 0) {
                out[length++] = (char) folded;
            }
        }
        return out == null ? text : new String(out, 0, length);
    }

    /**
     * Whether NFKC leaves {@code c} as it is next to any other such character: the Arabic block's letters, digits and
     * punctuation without its combining marks (which NFKC reorders), and the zero-width (non-)joiner. ASCII is too,
     * and is handled before.
     */
    static boolean isNfkcStable(char c) {
        return (c >= 0x0621 && c <= 0x064A) || (c >= 0x0660 && c <= 0x0669) || c == 0x066E || c == 0x066F
                || (c >= 0x0671 && c <= 0x0674) || (c >= 0x0679 && c <= 0x06D3) || c == 0x06D5 || (c >= 0x06F0 && c <= 0x06F9)
                || c == 0x060C || c == 0x061B || c == 0x061F || c == 0x200C || c == 0x200D;
    }

    private static String slow(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            int folded = letter(Character.toLowerCase(Character.toUpperCase(cp)));
            if (folded >= 0) {
                out.appendCodePoint(folded);
            }
        }
        return out.toString();
    }

    /** Whether {@code c} of a folded text belongs to a word: letters, digits and combining marks. */
    public static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '_';
        }
        if (Character.isSurrogate(c)) {
            return true; // letters beyond the BMP: treat as word characters rather than split them
        }
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** The folded letter for {@code cp}, or -1 to drop it. */
    private static int letter(int cp) {
        return switch (cp) {
            case 0x200C, 0x200D, 0x0640 -> -1; // zero-width non-joiner and joiner, tatweel
            case 0x064A, 0x0649, 0x06D2 -> 0x06CC; // Arabic yeh, alef maksura, yeh barree → Persian yeh
            case 0x0643 -> 0x06A9; // Arabic kaf → keheh
            case 0x0629, 0x06C0, 0x06D5 -> 0x0647; // teh marbuta, heh with yeh above, ae → heh
            case 0x0623, 0x0625, 0x0622, 0x0671 -> 0x0627; // alef with hamza above or below, with madda, wasla → alef
            case 0x0624 -> 0x0648; // waw with hamza → waw
            case 0x0626 -> 0x06CC; // yeh with hamza → yeh
            default -> {
                if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670) {
                    yield -1; // harakat and superscript alef: vowel marks that writers add or leave out
                }
                if (cp >= 0x0660 && cp <= 0x0669) {
                    yield '0' + (cp - 0x0660); // Arabic-Indic digits
                }
                if (cp >= 0x06F0 && cp <= 0x06F9) {
                    yield '0' + (cp - 0x06F0); // Persian digits
                }
                yield cp;
            }
        };
    }
}
