/**
 * The claim as billed: 837 professional (005010X222A1) and institutional (005010X223A2) claims read into
 * {@link org.overturn.claim.ClaimFile}, their acknowledgements (999, 277CA), and the replacement or void claims
 * written back out. The records in this package are the module's public API; the X12 reading and writing live in
 * {@code claim.x12}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"practice", "x12"})
package org.overturn.claim;
