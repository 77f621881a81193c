package org.overturn.x12;

import java.time.LocalDate;

/** The X12 date type (DT) as the 835 uses it: CCYYMMDD, checked by hand so an invalid date returns null. */
public final class X12Date {

    private static final int LENGTH = 8;

    private X12Date() {
    }

    public static LocalDate parse(char[] chars, int start, int end) {
        if (end - start != LENGTH) {
            return null;
        }
        for (int i = start; i < end; i++) {
            if (chars[i] < '0' || chars[i] > '9') {
                return null;
            }
        }
        int year = number(chars, start, 4);
        int month = number(chars, start + 4, 2);
        int day = number(chars, start + 6, 2);
        if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    private static int number(char[] chars, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            value = value * 10 + (chars[i] - '0');
        }
        return value;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> java.time.Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
