package dev.recourse.core.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Writes the canonical form of a JSON value, as RFC 8785 (JSON Canonicalization Scheme) defines it:
 * no whitespace; object members sorted by their names compared as UTF-16 code units; strings escaped
 * as ECMAScript's {@code JSON.stringify} does; numbers serialized as ECMAScript's {@code Number.prototype.toString};
 * the result encoded in UTF-8.
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    /**
     * The canonical text of {@code value}.
     *
     * @throws IllegalArgumentException if a string holds a lone surrogate (not Unicode text)
     */
    public static String write(Json value) {
        return new String(utf8(value), StandardCharsets.UTF_8);
    }

    /** The canonical form of {@code value} in UTF-8, the bytes that are hashed and logged. */
    public static byte[] utf8(Json value) {
        return new CanonicalWriter().json(value).toByteArray();
    }

    /**
     * ECMAScript's Number::toString for a finite double (ECMA-262 section 7.1.12.1 / 6.1.6.1.20): the shortest
     * digits that round-trip, in plain notation for exponents 1e-7 < |x| < 1e21, otherwise as d.ddde±n.
     */
    static String number(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("JSON has no " + x);
        }
        if (x == 0) {
            return "0"; // also -0
        }
        String sign = x < 0 ? "-" : "";
        Decimal d = shortest(Math.abs(x));
        String digits = d.digits;
        int k = digits.length();
        int n = d.pointPosition;
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String exponent = "e" + (e < 0 ? "-" : "+") + Math.abs(e);
        return sign + (k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1)) + exponent;
    }

    /** Digits d1..dk without leading or trailing zeros and n such that x = 0.d1..dk × 10^n. */
    private record Decimal(String digits, int pointPosition) {}

    private static Decimal shortest(double x) {
        // Since JDK 19 Double.toString yields the shortest decimal that rounds to x, except that where one digit
        // would do it may prefer a closer two-digit decimal (4.9E-324 for 5e-324); ECMAScript wants the one digit.
        Decimal java = parse(Double.toString(x));
        if (java.digits.length() == 2) {
            int first = java.digits.charAt(0) - '0';
            int exponent = java.pointPosition - 1;
            Decimal down = new Decimal(Integer.toString(first), java.pointPosition);
            Decimal up = first == 9 ? new Decimal("1", java.pointPosition + 1) : new Decimal(Integer.toString(first + 1), java.pointPosition);
            boolean downHolds = Double.parseDouble(first + "E" + exponent) == x;
            boolean upHolds = Double.parseDouble((first + 1) + "E" + exponent) == x;
            if (downHolds && upHolds) {
                BigDecimal exact = new BigDecimal(x);
                BigDecimal distDown = exact.subtract(new BigDecimal(first + "E" + exponent)).abs();
                BigDecimal distUp = exact.subtract(new BigDecimal((first + 1) + "E" + exponent)).abs();
                return distDown.compareTo(distUp) <= 0 ? down : up;
            }
            if (downHolds) {
                return down;
            }
            if (upHolds) {
                return up;
            }
        }
        return java;
    }

    private static Decimal parse(String javaText) {
        int e = javaText.indexOf('E');
        String mantissa = e < 0 ? javaText : javaText.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(javaText.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = dot + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        int end = digits.length();
        while (end > lead + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return new Decimal(digits.substring(lead, end), point - lead);
    }
}
