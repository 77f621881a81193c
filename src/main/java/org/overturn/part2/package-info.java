/**
 * 42 CFR Part 2: which providers are federally assisted substance-use disorder programs, the patients' written
 * consents (the elements of 2.31) that let their Part 2 records go to a {@link org.overturn.part2.Recipient}, the
 * notice of 2.32 as data ({@link org.overturn.part2.RedisclosureNotice}) and the accounting of disclosures (2.25,
 * {@link org.overturn.part2.Disclosures}). Other modules ask {@link org.overturn.part2.Part2Programs#isProgram} while
 * registering denials and {@link org.overturn.part2.PatientConsents#validFor} before anything of a Part 2 denial
 * leaves the building.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security"})
package org.overturn.part2;
