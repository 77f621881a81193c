/**
 * Behavioral-health code sets every module shares (procedure, revenue, modifier and place-of-service codes by what
 * they stand for), loaded as data with their source and date from {@code codeset/behavioral-health-codes.csv}: one
 * list, read by the denial classification, the parity screen's levels of care, and the Part 2 rules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.overturn.codeset;
