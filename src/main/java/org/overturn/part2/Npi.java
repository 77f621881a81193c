package org.overturn.part2;

/**
 * National Provider Identifier check: ten digits, the last a Luhn check digit over the nine others prefixed
 * with 80840 (the card issuer prefix the NPI standard borrows from ISO 7812).
 */
final class Npi {

    private Npi() {
    }

    static boolean isValid(String npi) {
        if (npi == null || npi.length() != 10 || !npi.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        String digits = "80840" + npi;
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = digits.charAt(i) - '0';
            if (position % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
