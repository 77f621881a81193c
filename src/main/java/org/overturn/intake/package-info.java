/**
 * How 835 files come in (upload, inbox folder, command line) and what happens to each: parsed, stored once
 * with its denials in one transaction, or quarantined with the reason.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "claim", "claimstatus", "denial", "remittance", "security", "workflow", "x12"})
package org.overturn.intake;
