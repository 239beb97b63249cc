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

    /** {@code text} folded; plain ASCII takes a fast path that only lowers letters. */
    public static String fold(String text) {
        int n = text.length();
        boolean ascii = true;
        boolean lower = true;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (c >= 'A' && c <= 'Z') {
                lower = false;
            }
        }
        if (ascii) {
            return lower ? text : asciiLower(text);
        }
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

    private static String asciiLower(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
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
