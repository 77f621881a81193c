/**
 * Appeal letters: Freemarker templates a billing office can read and change (a payer may have its own),
 * rendered to PDF with embedded fonts, stored as immutable versions with a checksum, emailed to the payer's
 * appeal address exactly once per version, and never with substance-use (42 CFR Part 2) information unless
 * the patient's consent is on file.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "accounts", "authorization", "claim", "codeset", "correction", "denial", "part2", "payer", "practice", "regime",
        "remittance", "security"})
package org.overturn.letters;
