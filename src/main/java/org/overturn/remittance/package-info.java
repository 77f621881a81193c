/**
 * 835 intake: parsing X12 005010X221A1 remittance advice into typed records, balancing them, and storing
 * them once. The records in this package are the module's public API; the X12 reading lives in
 * {@code remittance.x12} and never leaks out.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"codeset", "part2", "practice", "security", "x12"})
package org.overturn.remittance;
