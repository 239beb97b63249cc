package dev.recourse.tlog;

import java.util.Base64;

/**
 * The text forms the log's formats share (notes, checkpoints, key strings, receipts), each read strictly so
 * that every value has exactly one accepted spelling: a changed spelling is a changed text, never the same
 * value in disguise.
 */
public final class Canonical {
    /** The longest decimal accepted: {@link Long#MAX_VALUE}. */
    private static final String LARGEST_DECIMAL = Long.toString(Long.MAX_VALUE);

    private Canonical() {}

    /** Standard base64 with padding (RFC 4648 section 4), as notes, checkpoints and receipts spell bytes. */
    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes canonical standard base64 (RFC 4648 section 4): padded, no line breaks, no stray bits. The
     * empty text is the empty byte string.
     */
    public static Parsed<byte[]> parseBase64(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=')) {
                return Parsed.malformed("not base64: character U+%04X at offset %d".formatted((int) c, i));
            }
        }
        if (text.length() % 4 != 0) {
            return Parsed.malformed("not padded base64: length " + text.length());
        }
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        if (text.indexOf('=') >= 0 && text.indexOf('=') < text.length() - padding) {
            return Parsed.malformed("not base64: '=' before the end");
        }
        byte[] decoded = Base64.getDecoder().decode(text);
        if (!base64(decoded).equals(text)) {
            return Parsed.malformed("not canonical base64: unused bits are set");
        }
        return Parsed.ok(decoded);
    }

    /**
     * Reads a number in ASCII decimal, as tree sizes and indexes are written: digits only (no sign, no
     * space), no leading zero unless the number is {@code 0}, at most {@link Long#MAX_VALUE}.
     */
    public static Parsed<Long> parseDecimal(String text) {
        if (text.isEmpty()) {
            return Parsed.malformed("not a decimal number: empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Parsed.malformed("not a decimal number: character U+%04X at offset %d".formatted((int) c, i));
            }
        }
        if (text.length() > 1 && text.charAt(0) == '0') {
            return Parsed.malformed("a decimal number has no leading zero");
        }
        if (text.length() > LARGEST_DECIMAL.length()
                || text.length() == LARGEST_DECIMAL.length() && text.compareTo(LARGEST_DECIMAL) > 0) {
            return Parsed.malformed("a decimal number is at most 2^63-1");
        }
        return Parsed.ok(Long.parseLong(text));
    }
}
