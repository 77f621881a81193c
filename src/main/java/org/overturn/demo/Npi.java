package org.overturn.demo;

/**
 * National Provider Identifier check digit: Luhn over the nine base digits prefixed with 80840 (the card
 * issuer prefix the NPI standard borrows from ISO 7812).
 */
final class Npi {

    private static final String PREFIX = "80840";

    private Npi() {
    }

    /** The ten-digit NPI for nine base digits. */
    static String of(String baseDigits) {
        if (baseDigits.length() != 9 || !baseDigits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("an NPI base is nine digits");
        }
        return baseDigits + checkDigit(baseDigits);
    }

    static boolean isValid(String npi) {
        return npi != null && npi.length() == 10 && npi.chars().allMatch(Character::isDigit)
                && checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    private static int checkDigit(String baseDigits) {
        String digits = PREFIX + baseDigits;
        int sum = 0;
        // Luhn doubles every second digit counting leftwards from the (absent) check digit
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = digits.charAt(i) - '0';
            if (position % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
