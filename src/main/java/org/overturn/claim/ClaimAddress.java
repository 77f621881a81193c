package org.overturn.claim;

/**
 * A provider's street address as an 837 carries it (N3/N4): the billing provider's (2010AA) is required by both
 * 005010X222A1 and 005010X223A2.
 *
 * @param line1      N301
 * @param line2      N302, or null
 * @param city       N401
 * @param state      N402 (two-letter code), or null outside the US and Canada
 * @param postalCode N403 (ZIP: five or nine digits, no hyphen)
 */
public record ClaimAddress(String line1, String line2, String city, String state, String postalCode) {
}
