package org.overturn.x12;

import java.math.BigDecimal;

/**
 * The X12 decimal type (R): an optional minus sign, digits and at most one decimal point ({@code 12},
 * {@code -42.58}, {@code .28}). Parsed by hand because it runs for every amount of every claim; returns
 * null instead of throwing so a bad value costs nothing until it is reported.
 */
public final class X12Number {

    /** Beyond 18 digits a long could overflow, so the rare huge value goes through BigDecimal's own parser. */
    private static final int MAX_LONG_DIGITS = 18;

    private X12Number() {
    }

    public static BigDecimal parse(char[] chars, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && chars[i] == '-') {
            negative = true;
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        for (; i < end; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
                if (point) {
                    scale++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return null;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (digits > MAX_LONG_DIGITS) {
            return new BigDecimal(chars, start, end - start);
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }
}
