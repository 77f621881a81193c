package org.overturn.remittance;

/** N3 and N4 of a party loop; null when the loop had none. */
public record Address(String line1, String line2, String city, String state, String postalCode) {
}
