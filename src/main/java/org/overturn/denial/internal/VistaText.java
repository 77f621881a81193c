package org.overturn.denial.internal;

import java.util.regex.Pattern;

/**
 * Repairs code descriptions exported from VA VistA, which stored apostrophes as double quotes
 * ({@code patient"s age}, {@code workers" compensation}). Real quotation marks ({@code "medical necessity"},
 * {@code qualifier "IG"}) are kept.
 */
public final class VistaText {

    /** A possessive: a letter, the quote, then an s that ends the word ({@code patient"s}, {@code HHA"s}). */
    private static final Pattern POSSESSIVE = Pattern.compile("(?<=\\p{L})\"(?=s\\b)");

    private VistaText() {
    }

    public static String fixApostrophes(String text) {
        if (text == null || text.indexOf('"') < 0) {
            return text;
        }
        char[] chars = POSSESSIVE.matcher(text).replaceAll("'").toCharArray();
        boolean quotationOpen = false;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] != '"') {
                continue;
            }
            if (!quotationOpen && isPluralPossessive(chars, i)) {
                // workers" compensation: an "s" word ends at the quote and no quotation is open to close
                chars[i] = '\'';
            } else {
                quotationOpen = !quotationOpen;
            }
        }
        return new String(chars);
    }

    private static boolean isPluralPossessive(char[] chars, int quote) {
        return quote >= 2 && chars[quote - 1] == 's' && Character.isLetter(chars[quote - 2])
                && quote + 1 < chars.length && chars[quote + 1] == ' ';
    }
}
