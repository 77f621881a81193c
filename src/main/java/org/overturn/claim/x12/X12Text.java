package org.overturn.claim.x12;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How the writer turns model values into X12 element text.
 *
 * <p><b>Free text</b> (names, street, city, contact name) is made safe rather than refused: accents are taken off
 * (É becomes E), the delimiters this writer declares ({@code * : ^ ~}) and control characters (line breaks, tabs)
 * become a space, any other character outside printable ASCII is dropped, runs of spaces close up, and the result
 * is upper-cased, as clearinghouses expect names. "O'Brien*Jr" is written {@code O'BRIEN JR}.
 *
 * <p><b>Identifiers and codes</b> (NPI, member id, patient control number, prior authorization, procedure codes ...)
 * are written exactly as given, trimmed: changing one would break the match with the payer's records and the 835, so
 * one holding a delimiter, a control character or a non-ASCII character is refused with an
 * {@link IllegalArgumentException} that names the element, never the value (it may be a member id).
 *
 * <p><b>Amounts and quantities</b> are written as given ({@code 150.00} stays {@code 150.00}, {@code 1} stays
 * {@code 1}), so that the reader gives back an equal {@link BigDecimal}. <b>Dates</b> are CCYYMMDD.
 */
final class X12Text {

    static final char ELEMENT = '*';
    static final char COMPONENT = ':';
    static final char REPETITION = '^';
    static final char TERMINATOR = '~';

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private X12Text() {
    }

    /** Whether {@code c} is one of the four delimiters this writer declares in ISA. */
    static boolean isDelimiter(char c) {
        return c == ELEMENT || c == COMPONENT || c == REPETITION || c == TERMINATOR;
    }

    /** Whether {@code c} may stand in an element as it is: printable ASCII other than a delimiter. */
    static boolean isSafe(char c) {
        return c >= ' ' && c < 0x7F && !isDelimiter(c);
    }

    /** Free text made X12-safe and upper-cased (see the class comment); null when nothing is left. */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        String plain = Normalizer.normalize(value, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(plain.length());
        boolean space = true;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (isDelimiter(c) || Character.isWhitespace(c) || Character.isISOControl(c)) {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else if (c > ' ' && c < 0x7F) {
                out.append(Character.toUpperCase(c));
                space = false;
            }
            // anything else (combining accents after NFD, other scripts, symbols) is dropped
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.isEmpty() ? null : out.toString();
    }

    /**
     * An identifier or code written as given (trimmed), or null when null or blank.
     *
     * @param what the element, as an error names it ({@code claim 2: CLM01 patient control number})
     * @throws IllegalArgumentException when it holds a character it cannot be written with
     */
    static String id(String what, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (!isSafe(c)) {
                throw new IllegalArgumentException(what + " holds a character an 837 cannot carry ("
                        + describe(c) + "); identifiers are written as given, never altered");
            }
        }
        return trimmed;
    }

    /** {@link #id} for a value that must be there. */
    static String requiredId(String what, String value) {
        String id = id(what, value);
        if (id == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return id;
    }

    /** {@link #id} limited to {@code maxLength} characters. */
    static String id(String what, String value, int maxLength) {
        String id = id(what, value);
        if (id != null && id.length() > maxLength) {
            throw new IllegalArgumentException(what + " is " + id.length() + " characters long; at most "
                    + maxLength + " are allowed");
        }
        return id;
    }

    /** The digits of a value (a phone number, a tax id written 12-3456789), or null when it has none. */
    static String digits(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** An amount or quantity as given, without an exponent ({@code 1E+2} is written {@code 100}). */
    static String number(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    static String date(LocalDate value) {
        return value.format(CCYYMMDD);
    }

    /** A D8 date or, when {@code to} is a later day, an RD8 span {@code CCYYMMDD-CCYYMMDD}. */
    static String[] dateOrSpan(LocalDate from, LocalDate to) {
        if (to == null || to.equals(from)) {
            return new String[] {"D8", date(from)};
        }
        return new String[] {"RD8", span(from, to)};
    }

    static String span(LocalDate from, LocalDate to) {
        return date(from) + "-" + date(to);
    }

    static String shortDate(LocalDateTime value) {
        return value.format(YYMMDD);
    }

    static String date(LocalDateTime value) {
        return value.format(CCYYMMDD);
    }

    static String time(LocalDateTime value) {
        return value.format(HHMM);
    }

    private static String describe(char c) {
        if (isDelimiter(c)) {
            return "the delimiter '" + c + "'";
        }
        return c < ' ' || c == 0x7F ? "a control character" : "a character outside printable ASCII";
    }
}
