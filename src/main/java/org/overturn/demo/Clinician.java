package org.overturn.demo;

/**
 * A rendering provider of the demo clinic (NM1*82 in the 835). Names are invented; NPIs are well formed
 * (Luhn check digit over the 80840 prefix) but not registered to anyone.
 *
 * @param part2Program true when the clinician works in the clinic's federally assisted SUD program, so
 *                     every claim they render falls under 42 CFR Part 2
 */
public record Clinician(String lastName, String firstName, ProviderType type, String npi, boolean part2Program) {

    /** "OKAFOR, HELEN MD" for lists and logs that may show staff names. */
    public String displayName() {
        return lastName + ", " + firstName + " " + type.credential();
    }
}
