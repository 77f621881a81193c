/**
 * Demo data: realistic, balanced 835 remittances for an invented behavioral-health clinic, for the
 * {@code generate} command, the demo database and the parser benchmark. The public API is
 * {@link org.overturn.demo.RemittanceGenerator} with {@link org.overturn.demo.GeneratorSettings}, and the
 * clinic it bills for ({@link org.overturn.demo.Clinic}); how claims are coded, adjudicated and written stays
 * package-private.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "denial", "intake", "parity", "payer", "security", "workflow", "worklist"})
package org.overturn.demo;
