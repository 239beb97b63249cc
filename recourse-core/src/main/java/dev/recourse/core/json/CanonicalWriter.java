package dev.recourse.core.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Writes canonical JSON (RFC 8785) as UTF-8 straight into a growing byte buffer, value by value, without building a
 * {@link Json} tree first: the bytes {@link CanonicalJson#utf8} gives for the same value, which it writes through this
 * class. Object members may be written in any order; {@link #endObject} puts them in the canonical order (names
 * compared as UTF-16 code units), which costs nothing when they came in that order already. A writer is for one
 * thread. It runs for every event stored (its private record and its public entry), so it is written for speed:
 * strings are encoded by the JDK and looked at a word at a time, names and constants written again and again can be
 * encoded once ({@link CanonicalString}), and instants are written without the JDK's formatter ({@link #instant}).
 *
 * <p>Usage: {@code beginObject().name("a").string("x").name("b").beginArray().integer(1).endArray().endObject()},
 * then {@link #toByteArray}. A value in an object MUST follow its {@link #name}; containers MUST be closed in order.
 */
public final class CanonicalWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;
    private Container[] open = new Container[8];
    private int depth;

    /** A writer whose buffer starts with room for {@code capacity} bytes. */
    public CanonicalWriter(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** A writer with a small buffer to start with. */
    public CanonicalWriter() {
        this(256);
    }

    /** An object, array or set being written: where its members or elements start, to reorder them at the end. */
    private static final class Container {
        boolean object;
        /** Whether elements are sorted by their canonical text at the end (a set). */
        boolean sorted;
        int start;
        int count;
        int[] starts = new int[8];
        String[] names = new String[8];
        boolean inOrder;

        void reset(int at, boolean isObject, boolean isSorted) {
            object = isObject;
            sorted = isSorted;
            start = at;
            count = 0;
            inOrder = true;
        }

        /** Notes a member or element that starts at {@code at}, after its comma. */
        void add(int at, String name) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                names = Arrays.copyOf(names, count * 2);
            }
            if (name != null && count > 0 && inOrder && names[count - 1].compareTo(name) >= 0) {
                inOrder = false;
            }
            starts[count] = at;
            names[count] = name;
            count++;
        }
    }

    // ---- containers -----------------------------------------------------------------------------------------

    /** Starts an object, as a value. */
    public CanonicalWriter beginObject() {
        beforeValue();
        push(true, false);
        byte1('{');
        return this;
    }

    /** Starts the member {@code name} of the current object; its value comes next. */
    public CanonicalWriter name(String name) {
        member(name);
        string(name);
        byte1(':');
        return this;
    }

    /** Starts the member {@code name}, its canonical bytes made once, of the current object; its value comes next. */
    public CanonicalWriter name(CanonicalString name) {
        member(name.value());
        write(name.canonical(), 0, name.canonical().length);
        byte1(':');
        return this;
    }

    /** Before a member's name: a comma between members, and a note of where the member starts and its name. */
    private void member(String name) {
        Container c = current();
        if (c == null || !c.object) {
            throw new IllegalStateException("a member name outside an object");
        }
        if (c.count > 0) {
            byte1(',');
        }
        c.add(size, name);
    }

    /**
     * Ends the current object, putting its members in canonical order.
     *
     * @throws IllegalArgumentException if a member name was written twice
     */
    public CanonicalWriter endObject() {
        Container c = pop(true);
        if (!c.inOrder) {
            int[] order = sorted(c.names, c.count);
            for (int i = 1; i < order.length; i++) {
                if (c.names[order[i - 1]].equals(c.names[order[i]])) {
                    throw new IllegalArgumentException("member \"" + c.names[order[i]] + "\" is already set");
                }
            }
            rearrange(c, order);
        }
        byte1('}');
        return this;
    }

    /** Starts an array, as a value. */
    public CanonicalWriter beginArray() {
        beforeValue();
        push(false, false);
        byte1('[');
        return this;
    }

    /** Ends the current array. */
    public CanonicalWriter endArray() {
        Container c = pop(false);
        if (c.sorted) {
            throw new IllegalStateException("a set ends with endSet");
        }
        byte1(']');
        return this;
    }

    /**
     * Starts an array whose elements {@link #endSet} sorts by their canonical text, compared as UTF-16 code units:
     * the same set is then always written alike, whatever order its elements came in.
     */
    public CanonicalWriter beginSet() {
        beforeValue();
        push(false, true);
        byte1('[');
        return this;
    }

    /** Ends the current set, sorting its elements (stably: equal texts keep their order). */
    public CanonicalWriter endSet() {
        Container c = pop(false);
        if (!c.sorted) {
            throw new IllegalStateException("an array ends with endArray");
        }
        if (c.count > 1) {
            String[] texts = new String[c.count];
            for (int i = 0; i < c.count; i++) {
                texts[i] = new String(bytes, c.starts[i], end(c, i) - c.starts[i], StandardCharsets.UTF_8);
            }
            rearrange(c, sorted(texts, c.count));
        }
        byte1(']');
        return this;
    }

    /**
     * The indexes of the first {@code count} of {@code keys} in the order of their keys (compared as UTF-16 code
     * units), equal keys in the order they came: an insertion sort on unboxed indexes for the few members an object
     * has, a merge sort beyond.
     */
    private static int[] sorted(String[] keys, int count) {
        if (count > 32) {
            return IntStream.range(0, count).boxed().sorted(Comparator.comparing((Integer i) -> keys[i]))
                    .mapToInt(Integer::intValue).toArray();
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            int at = i;
            while (at > 0 && keys[order[at - 1]].compareTo(keys[i]) > 0) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = i;
        }
        return order;
    }

    /** Where member or element {@code i} of {@code c} ends: before the next one's comma, or at the end. */
    private int end(Container c, int i) {
        return i + 1 < c.count ? c.starts[i + 1] - 1 : size;
    }

    /** Rewrites the members or elements of {@code c}, which end at the buffer's end, in {@code order}. */
    private void rearrange(Container c, int[] order) {
        int from = c.start + 1;
        byte[] copy = Arrays.copyOfRange(bytes, from, size);
        int[] ends = new int[c.count];
        for (int i = 0; i < c.count; i++) {
            ends[i] = end(c, i);
        }
        size = from;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (k > 0) {
                byte1(',');
            }
            write(copy, c.starts[i] - from, ends[i] - c.starts[i]);
        }
    }

    private void push(boolean object, boolean sorted) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        if (open[depth] == null) {
            open[depth] = new Container();
        }
        open[depth++].reset(size, object, sorted);
    }

    private Container pop(boolean object) {
        Container c = current();
        if (c == null || c.object != object) {
            throw new IllegalStateException(object ? "no object to end" : "no array to end");
        }
        depth--;
        return c;
    }

    private Container current() {
        return depth == 0 ? null : open[depth - 1];
    }

    /** Before a value: a comma between elements of an array, and a note of where the element starts. */
    private void beforeValue() {
        Container c = current();
        if (c != null && !c.object) {
            if (c.count > 0) {
                byte1(',');
            }
            c.add(size, null);
        }
    }

    // ---- values ---------------------------------------------------------------------------------------------

    /**
     * A string, escaped as RFC 8785 (ECMAScript's {@code JSON.stringify}) escapes it.
     *
     * @throws IllegalArgumentException if {@code s} holds a lone surrogate (not Unicode text)
     */
    public CanonicalWriter string(String s) {
        beforeValue();
        // The JDK's encoder turns a string into UTF-8 far faster than a loop over its chars can (for text in Latin-1,
        // which most is, a copy after one vectorized check); only the few characters JSON escapes are left, all ASCII,
        // so the encoded bytes need looking at for those alone. The encoder writes '?' for a lone surrogate, which
        // MUST be refused: if the bytes hold more '?' than the string, the char-by-char way finds and refuses it.
        int start = size;
        int questionMarks = utf8String(s.getBytes(StandardCharsets.UTF_8));
        if (questionMarks > 0 && questionMarks != count(s, '?')) {
            size = start;
            return charByChar(s);
        }
        return this;
    }

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the instants whose year has four digits and no sign. */
    private static final long FIRST_PLAIN_SECOND = -62_167_219_200L;
    private static final long LAST_PLAIN_SECOND = 253_402_300_799L;

    /**
     * An instant, as the string {@link Instant#toString} gives (ISO-8601 in UTC, the fraction in groups of three digits
     * and left out when zero), written without the JDK's formatter, which costs more than the rest of a time's JSON.
     */
    public CanonicalWriter instant(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_PLAIN_SECOND || seconds > LAST_PLAIN_SECOND) {
            return string(instant.toString()); // a year with a sign or more digits: rare enough for the formatter
        }
        beforeValue();
        room(40); // "yyyy-mm-ddThh:mm:ss.nnnnnnnnnZ"
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int second = (int) Math.floorMod(seconds, 86_400);
        bytes[size++] = '"';
        digits(date.getYear(), 4);
        bytes[size++] = '-';
        digits(date.getMonthValue(), 2);
        bytes[size++] = '-';
        digits(date.getDayOfMonth(), 2);
        bytes[size++] = 'T';
        digits(second / 3_600, 2);
        bytes[size++] = ':';
        digits(second / 60 % 60, 2);
        bytes[size++] = ':';
        digits(second % 60, 2);
        int nano = instant.getNano();
        if (nano > 0) {
            bytes[size++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(nano / 1_000, 6);
            } else {
                digits(nano, 9);
            }
        }
        bytes[size++] = 'Z';
        bytes[size++] = '"';
        return this;
    }

    /** Writes {@code value}, at least 0 and below 10^{@code count}, as {@code count} decimal digits; the room is there. */
    private void digits(int value, int count) {
        for (int i = size + count - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += count;
    }

    /**
     * A string given as {@link CanonicalString}, its canonical bytes made once.
     */
    public CanonicalWriter string(CanonicalString s) {
        beforeValue();
        write(s.canonical(), 0, s.canonical().length);
        return this;
    }

    /**
     * Writes {@code utf8}, UTF-8, as a JSON string: quoted, with the ASCII characters JSON escapes escaped.
     *
     * @return how many '?' it holds
     */
    private int utf8String(byte[] utf8) {
        int n = utf8.length;
        room(n + 2);
        bytes[size++] = '"';
        int questionMarks = 0;
        int plain = 0; // the start of the bytes that need no escape, copied at once
        for (int i = next(utf8, 0); i < n; i = next(utf8, plain)) {
            write(utf8, plain, i - plain);
            if (utf8[i] == '?') {
                questionMarks++;
                byte1('?');
            } else {
                escape((char) utf8[i]);
            }
            plain = i + 1;
        }
        write(utf8, plain, n - plain);
        byte1('"');
        return questionMarks;
    }

    private static int count(String s, char c) {
        int count = 0;
        for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
            count++;
        }
        return count;
    }

    /**
     * The canonical bytes of {@code s} as a JSON string, quotes included: what {@link #string(String)} writes.
     *
     * @throws IllegalArgumentException if {@code s} holds a lone surrogate
     */
    static byte[] canonical(String s) {
        return new CanonicalWriter(s.length() + 8).string(s).toByteArray();
    }

    /** Eight bytes of an array at once, to look for escaped characters a word at a time. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The index of the first byte of {@code utf8} from {@code from} on that JSON escapes (a control character, '"' or
     * '\\') or that is '?', or its length if none. Bytes of characters beyond ASCII have their high bit set and are
     * never escaped.
     */
    private static int next(byte[] utf8, int from) {
        int i = from;
        for (int words = utf8.length - Long.BYTES; i <= words; i += Long.BYTES) {
            if (holdsOne((long) LONGS.get(utf8, i))) {
                break; // the byte loop below finds which
            }
        }
        for (; i < utf8.length; i++) {
            int b = utf8[i] & 0xff;
            if (b < 0x20 || b == '"' || b == '\\' || b == '?') {
                return i;
            }
        }
        return utf8.length;
    }

    /**
     * Whether one of the eight bytes of {@code word} is below 0x20, '"', '\\' or '?'. Each test is the classic one for
     * a byte below a bound (a byte equal to a character is, after the xor, a zero byte: one below 1). Subtracting
     * borrows into a byte's high bit only from a byte that is below the bound, or from a lower byte that was, and
     * {@code & ~word} drops the bytes whose own high bit was set: so the answer is exact, though the bits are not.
     */
    private static boolean holdsOne(long word) {
        long control = word - 0x20 * ONES;
        long quote = (word ^ '"' * ONES) - ONES;
        long backslash = (word ^ '\\' * ONES) - ONES;
        long question = (word ^ '?' * ONES) - ONES;
        return ((control | quote | backslash | question) & ~word & HIGHS) != 0;
    }

    /** {@link #string(String)} char by char: the exact reference, which refuses a lone surrogate. */
    private CanonicalWriter charByChar(String s) {
        int n = s.length();
        // Room for every character as three bytes, the most a char takes in UTF-8 (a surrogate pair takes four for
        // two); only escapes check for more.
        room(3 * n + 2);
        bytes[size++] = '"';
        int plain = 0; // the start of the run of ASCII characters that need no escape, copied at once
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                continue;
            }
            copyAscii(s, plain, i);
            if (c < 0x80) {
                room(6 + 3 * (n - i)); // an escape takes up to six bytes: keep the room for the rest
                escape(c);
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xc0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3f);
            } else if (!Character.isSurrogate(c)) {
                bytes[size++] = (byte) (0xe0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3f);
                bytes[size++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                bytes[size++] = (byte) (0xf0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3f);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3f);
                bytes[size++] = (byte) (0x80 | cp & 0x3f);
            } else {
                throw new IllegalArgumentException("a lone surrogate at index " + i + " is not Unicode text");
            }
            plain = i + 1;
        }
        copyAscii(s, plain, n);
        byte1('"');
        return this;
    }

    /** Copies characters {@code from} to {@code to} of {@code s}, all ASCII, as bytes; the room is there. */
    @SuppressWarnings("deprecation") // the method that copies chars' low bytes: exact for ASCII, and an array copy
    private void copyAscii(String s, int from, int to) {
        s.getBytes(from, to, bytes, size);
        size += to - from;
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> ascii("\\\"");
            case '\\' -> ascii("\\\\");
            case '\b' -> ascii("\\b");
            case '\t' -> ascii("\\t");
            case '\n' -> ascii("\\n");
            case '\f' -> ascii("\\f");
            case '\r' -> ascii("\\r");
            default -> {
                room(6);
                bytes[size++] = '\\';
                bytes[size++] = 'u';
                bytes[size++] = '0';
                bytes[size++] = '0';
                bytes[size++] = HEX[c >> 4];
                bytes[size++] = HEX[c & 0xf];
            }
        }
    }

    /**
     * A number, as ECMAScript's {@code Number.prototype.toString} writes it; -0 as 0.
     *
     * @throws IllegalArgumentException if {@code x} is not finite
     */
    public CanonicalWriter number(double x) {
        String text = CanonicalJson.number(x);
        beforeValue();
        ascii(text);
        return this;
    }

    /**
     * An integer.
     *
     * @throws IllegalArgumentException if a JSON number (a double) cannot hold {@code x} exactly
     */
    public CanonicalWriter integer(long x) {
        if (Math.abs(x) > Json.Num.MAX_EXACT) {
            throw new IllegalArgumentException(x + " is beyond the integers JSON numbers hold exactly");
        }
        beforeValue();
        ascii(Long.toString(x)); // below 2^53, ECMAScript writes an integer's plain digits too
        return this;
    }

    /** {@code true} or {@code false}. */
    public CanonicalWriter bool(boolean value) {
        beforeValue();
        ascii(value ? "true" : "false");
        return this;
    }

    /** {@code null}. */
    public CanonicalWriter nullValue() {
        beforeValue();
        ascii("null");
        return this;
    }

    /**
     * The canonical form of a whole {@link Json} value.
     *
     * @throws IllegalArgumentException if a string in it holds a lone surrogate
     */
    public CanonicalWriter json(Json value) {
        switch (value) {
            case Json.Obj obj -> {
                beginObject();
                obj.members().forEach((name, member) -> {
                    name(name);
                    json(member);
                });
                endObject();
            }
            case Json.Arr arr -> {
                beginArray();
                arr.elements().forEach(this::json);
                endArray();
            }
            case Json.Str str -> string(str.value());
            case Json.Num num -> number(num.value());
            case Json.Bool bool -> bool(bool.value());
            case Json.Null ignored -> nullValue();
        }
        return this;
    }

    /**
     * The bytes written.
     *
     * @throws IllegalStateException if an object or array is still open
     */
    public byte[] toByteArray() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " objects or arrays are still open");
        }
        return Arrays.copyOf(bytes, size);
    }

    // ---- the buffer -----------------------------------------------------------------------------------------

    private void room(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    private void byte1(char c) {
        room(1);
        bytes[size++] = (byte) c;
    }

    private void ascii(String text) {
        int n = text.length();
        room(n);
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    private void write(byte[] from, int offset, int length) {
        room(length);
        System.arraycopy(from, offset, bytes, size, length);
        size += length;
    }
}
