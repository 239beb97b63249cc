package dev.recourse.core.json;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A strict recursive-descent reader of RFC 8259 JSON text; see {@link Json#parse(String)} for the rules it keeps.
 * Each method reads one production at {@link #pos}; on the first problem it records it in {@link #failure} and
 * returns {@code null}, which every caller passes up unchanged.
 */
final class JsonParser {
    /** What the JDK's decoding puts for bytes that are not UTF-8. */
    private static final char REPLACEMENT = '\uFFFD';

    private final String text;
    private int pos;
    private FieldError failure;

    private JsonParser(String text) {
        this.text = text;
    }

    static Validation<Json> parse(String text) {
        JsonParser parser = new JsonParser(text);
        Json value = parser.document();
        return value != null ? new Validation.Valid<>(value) : new Validation.Invalid<>(List.of(parser.failure));
    }

    static Validation<Json> parseUtf8(byte[] utf8) {
        // The JDK's own decoding is much the fastest; it puts U+FFFD for what is not UTF-8, so a text without one came
        // from well-formed UTF-8. A text with one (sent as such, or standing in for bad bytes) is decoded strictly.
        String decoded = new String(utf8, StandardCharsets.UTF_8);
        if (decoded.indexOf(REPLACEMENT) < 0) {
            return parse(decoded);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        CharBuffer out = CharBuffer.allocate(utf8.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return Validation.invalid(JsonPath.ROOT.toString(), "at byte " + in.position() + ": not UTF-8");
        }
        if (!result.isUnderflow()) {
            throw new IllegalStateException("UTF-8 never needs more characters than bytes: " + result);
        }
        return parse(out.flip().toString());
    }

    private Json document() {
        whitespace();
        Json value = value(JsonPath.ROOT, 0);
        if (value == null) {
            return null;
        }
        whitespace();
        if (pos < text.length()) {
            return fail(JsonPath.ROOT, "expected the end of the text after the value, found " + found());
        }
        return value;
    }

    /** A value nested in {@code depth} arrays or objects. */
    private Json value(JsonPath path, int depth) {
        if (pos == text.length()) {
            return fail(path, "expected a value, found the end of the text");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> depth == Json.MAX_DEPTH ? tooDeep(path) : object(path, depth + 1);
            case '[' -> depth == Json.MAX_DEPTH ? tooDeep(path) : array(path, depth + 1);
            case '"' -> {
                String s = string(path);
                yield s == null ? null : new Json.Str(s);
            }
            case 't' -> literal("true", Json.of(true), path);
            case 'f' -> literal("false", Json.of(false), path);
            case 'n' -> literal("null", Json.NULL, path);
            default -> c == '-' || isDigit(c) ? number(path) : fail(path, "expected a value, found " + found());
        };
    }

    private Json tooDeep(JsonPath path) {
        return fail(path, "arrays and objects nest deeper than " + Json.MAX_DEPTH + " levels");
    }

    private Json object(JsonPath path, int depth) {
        pos++;
        LinkedHashMap<String, Json> members = new LinkedHashMap<>();
        whitespace();
        if (at('}')) {
            pos++;
            return new Json.Obj(members);
        }
        while (true) {
            if (!at('"')) {
                return fail(path, "expected a member name in double quotes, found " + found());
            }
            int nameAt = pos;
            String name = string(path);
            if (name == null) {
                return null;
            }
            JsonPath member = path.member(name);
            if (members.containsKey(name)) {
                pos = nameAt;
                return fail(member, "a second member with this name");
            }
            whitespace();
            if (!at(':')) {
                return fail(member, "expected ':' after the member name, found " + found());
            }
            pos++;
            whitespace();
            Json value = value(member, depth);
            if (value == null) {
                return null;
            }
            members.put(name, value);
            whitespace();
            if (at('}')) {
                pos++;
                return new Json.Obj(members);
            }
            if (!at(',')) {
                return fail(path, "expected ',' or '}' after a member, found " + found());
            }
            pos++;
            whitespace();
        }
    }

    private Json array(JsonPath path, int depth) {
        pos++;
        List<Json> elements = new ArrayList<>();
        whitespace();
        if (at(']')) {
            pos++;
            return new Json.Arr(elements);
        }
        while (true) {
            Json element = value(path.index(elements.size()), depth);
            if (element == null) {
                return null;
            }
            elements.add(element);
            whitespace();
            if (at(']')) {
                pos++;
                return new Json.Arr(elements);
            }
            if (!at(',')) {
                return fail(path, "expected ',' or ']' after an element, found " + found());
            }
            pos++;
            whitespace();
        }
    }

    /** A string starting at the opening quote; returns its value, or null on a problem. */
    private String string(JsonPath path) {
        pos++;
        // Most strings hold no escape, control character or surrogate: such a string is its text as it stands.
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return text.substring(start, pos - 1);
            }
            if (c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                break;
            }
            pos++;
        }
        // The rest, one character at a time, from the first that needs a closer look.
        StringBuilder value = new StringBuilder(pos - start + 16).append(text, start, pos);
        while (true) {
            if (pos == text.length()) {
                fail(path, "expected the closing '\"' of the string, found the end of the text");
                return null;
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return value.toString();
            }
            if (c == '\\') {
                if (!escape(path, value)) {
                    return null;
                }
            } else if (c < 0x20) {
                fail(path, "a control character " + found() + " in a string MUST be escaped");
                return null;
            } else if (Character.isHighSurrogate(c) && pos + 1 < text.length() && Character.isLowSurrogate(text.charAt(pos + 1))) {
                value.append(c).append(text.charAt(pos + 1));
                pos += 2;
            } else if (Character.isSurrogate(c)) {
                fail(path, "a lone surrogate " + found() + " is not Unicode text");
                return null;
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /** An escape sequence at a backslash, appended to {@code value}; false on a problem. */
    private boolean escape(JsonPath path, StringBuilder value) {
        int start = pos;
        if (pos + 1 == text.length()) {
            pos++;
            fail(path, "expected an escape after '\\', found the end of the text");
            return false;
        }
        char e = text.charAt(pos + 1);
        String simple = switch (e) {
            case '"' -> "\"";
            case '\\' -> "\\";
            case '/' -> "/";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            default -> null;
        };
        if (simple != null) {
            value.append(simple);
            pos += 2;
            return true;
        }
        if (e != 'u') {
            pos++;
            fail(path, "expected one of \" \\ / b f n r t u after '\\', found " + found());
            return false;
        }
        int unit = hex(start + 2);
        if (unit < 0) {
            pos = start;
            fail(path, "expected four hexadecimal digits after '\\u'");
            return false;
        }
        pos = start + 6;
        if (Character.isLowSurrogate((char) unit)) {
            pos = start;
            fail(path, "the escaped low surrogate \\u" + hex4(unit) + " follows no high surrogate: not Unicode text");
            return false;
        }
        if (Character.isHighSurrogate((char) unit)) {
            int low = text.startsWith("\\u", pos) ? hex(pos + 2) : -1;
            if (low < 0 || !Character.isLowSurrogate((char) low)) {
                pos = start;
                fail(path, "the escaped high surrogate \\u" + hex4(unit) + " is not followed by an escaped low surrogate: not Unicode text");
                return false;
            }
            value.append((char) unit).append((char) low);
            pos += 6;
            return true;
        }
        value.append((char) unit);
        return true;
    }

    /** The value of four hexadecimal digits at {@code from}, or -1. */
    private int hex(int from) {
        if (from + 4 > text.length()) {
            return -1;
        }
        int unit = 0;
        for (int i = from; i < from + 4; i++) {
            char c = text.charAt(i);
            int digit = isDigit(c) ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            unit = unit * 16 + digit;
        }
        return unit;
    }

    private static String hex4(int unit) {
        return String.format("%04x", unit);
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, read as the nearest double. */
    private Json number(JsonPath path) {
        int start = pos;
        if (at('-')) {
            pos++;
        }
        if (at('0')) {
            pos++;
            if (pos < text.length() && isDigit(text.charAt(pos))) {
                return fail(path, "a number MUST NOT have a leading zero");
            }
        } else if (!digits()) {
            return fail(path, "expected a digit, found " + found());
        }
        if (at('.')) {
            pos++;
            if (!digits()) {
                return fail(path, "expected a digit after the decimal point, found " + found());
            }
        }
        if (at('e') || at('E')) {
            pos++;
            if (at('+') || at('-')) {
                pos++;
            }
            if (!digits()) {
                return fail(path, "expected a digit in the exponent, found " + found());
            }
        }
        // The grammar above is a subset of what parseDouble reads, and parseDouble rounds to nearest, ties to even.
        double value = Double.parseDouble(text.substring(start, pos));
        if (!Double.isFinite(value)) {
            pos = start;
            return fail(path, "the number is beyond the range of a double");
        }
        return new Json.Num(value);
    }

    /** One or more digits; false if there is none. */
    private boolean digits() {
        int start = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Json literal(String word, Json value, JsonPath path) {
        if (!text.startsWith(word, pos)) {
            return fail(path, "expected a value, found " + found());
        }
        pos += word.length();
        return value;
    }

    /** Skips the four whitespace characters of RFC 8259: space, tab, line feed, carriage return. */
    private void whitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean at(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    /** The character at {@link #pos}, for an error: printable ones quoted, others as U+XXXX. */
    private String found() {
        if (pos == text.length()) {
            return "the end of the text";
        }
        char c = text.charAt(pos);
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private Json fail(JsonPath path, String problem) {
        failure = new FieldError(path.toString(), "at character " + pos + ": " + problem);
        return null;
    }
}
