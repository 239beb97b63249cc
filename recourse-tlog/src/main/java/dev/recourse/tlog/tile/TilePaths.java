package dev.recourse.tlog.tile;

import dev.recourse.tlog.Parsed;

/** The path grammar of C2SP tlog-tiles, kept apart from {@link Tile} so the interface stays readable. */
final class TilePaths {
    private TilePaths() {}

    /** The index and, for a partial tile, its {@code .p/<W>} suffix. */
    static String encode(long index, int width) {
        String n = encodeIndex(index);
        return width == Tile.WIDTH ? n : n + ".p/" + width;
    }

    /** {@code 1234067} becomes {@code x001/x234/067}; {@code 5} becomes {@code 005}. */
    static String encodeIndex(long index) {
        String last = threeDigits(index % 1000);
        StringBuilder prefix = new StringBuilder();
        for (long rest = index / 1000; rest > 0; rest /= 1000) {
            prefix.insert(0, "x" + threeDigits(rest % 1000) + "/");
        }
        return prefix + last;
    }

    private static String threeDigits(long value) {
        return value < 10 ? "00" + value : value < 100 ? "0" + value : Long.toString(value);
    }

    static Parsed<Tile> parse(String path) {
        if (!path.startsWith("tile/")) {
            return Parsed.malformed("a tile path starts with tile/: " + quote(path));
        }
        String rest = path.substring("tile/".length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Parsed.malformed("a tile path has a level and an index: " + quote(path));
        }
        String levelText = rest.substring(0, slash);
        String indexAndWidth = rest.substring(slash + 1);
        boolean entries = levelText.equals("entries");
        int level = 0;
        if (!entries) {
            Long parsedLevel = decimal(levelText, 2);
            if (parsedLevel == null || parsedLevel > Tile.MAX_LEVEL) {
                return Parsed.malformed("a tile level is a decimal 0 to 63 without leading zeros: " + quote(path));
            }
            level = parsedLevel.intValue();
        }
        int width = Tile.WIDTH;
        int partial = indexAndWidth.indexOf(".p/");
        String indexText = indexAndWidth;
        if (partial >= 0) {
            Long parsedWidth = decimal(indexAndWidth.substring(partial + 3), 3);
            if (parsedWidth == null || parsedWidth < 1 || parsedWidth > Tile.WIDTH - 1) {
                return Parsed.malformed("a partial tile width is a decimal 1 to 255 without leading zeros: " + quote(path));
            }
            width = parsedWidth.intValue();
            indexText = indexAndWidth.substring(0, partial);
        }
        Long index = index(indexText);
        if (index == null) {
            return Parsed.malformed("a tile index is 3-digit groups, all but the last prefixed with x: " + quote(path));
        }
        return Parsed.ok(entries ? new Tile.Entries(index, width) : new Tile.Hashes(level, index, width));
    }

    /** Decimal without sign or leading zeros, at most {@code maxDigits} digits; null if not. */
    private static Long decimal(String text, int maxDigits) {
        if (text.isEmpty() || text.length() > maxDigits || (text.length() > 1 && text.charAt(0) == '0')) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Long index(String text) {
        String[] groups = text.split("/", -1);
        // Seven groups already reach 10^21 > 2^63; more cannot be a long.
        if (groups.length > 7) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            boolean last = i == groups.length - 1;
            if (!last) {
                if (!group.startsWith("x")) {
                    return null;
                }
                group = group.substring(1);
                // The encoder never writes a leading x000 group, so one spelling per index.
                if (i == 0 && group.equals("000")) {
                    return null;
                }
            }
            if (group.length() != 3) {
                return null;
            }
            for (int j = 0; j < 3; j++) {
                if (group.charAt(j) < '0' || group.charAt(j) > '9') {
                    return null;
                }
            }
            int digits = Integer.parseInt(group);
            if (value > (Long.MAX_VALUE - digits) / 1000) {
                return null;
            }
            value = value * 1000 + digits;
        }
        return value;
    }

    private static String quote(String text) {
        return text.length() <= 80 ? "\"" + text + "\"" : "\"" + text.substring(0, 77) + "...\"";
    }
}
