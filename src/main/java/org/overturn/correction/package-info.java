/**
 * Corrections: what a biller changed on a denied claim, by whom and why, as structured changes
 * ({@link org.overturn.correction.ClaimChanges}), and the replacement or void 837 made from them for the
 * clearinghouse ({@link org.overturn.correction.ReplacementClaims}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"claim", "security", "x12"})
package org.overturn.correction;
