/**
 * Corrections: what a biller changed on a denied claim, by whom and why, before it goes back to the payer.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.overturn.correction;
