/**
 * Demo data: realistic, balanced 835 remittances for an invented behavioral-health clinic, and the 837 claims
 * they answer, for the demo database (a billing office serving the clinic as three practices,
 * {@link org.overturn.demo.Clinic#billingOffice}) and the parser and intake benchmarks. The public API is
 * {@link org.overturn.demo.RemittanceGenerator} with {@link org.overturn.demo.GeneratorSettings}, and the
 * clinic it bills for ({@link org.overturn.demo.Clinic}); how claims are coded, adjudicated and written stays
 * package-private.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "authorization", "claim", "correction", "denial", "intake", "parity", "part2", "payer", "practice", "regime",
        "security", "workflow", "worklist"})
package org.overturn.demo;
