/**
 * 42 CFR Part 2: which providers are federally assisted substance-use disorder programs, and the patients'
 * written consents that let their Part 2 records go to a payer. Other modules ask {@link
 * org.overturn.part2.Part2Programs#isProgram} while registering denials and {@link
 * org.overturn.part2.PatientConsents#validForDenial} before anything of a Part 2 denial leaves the building.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security"})
package org.overturn.part2;
