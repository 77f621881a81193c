/**
 * Recoupments: provider-level adjustments (835 PLB) by which a payer takes money back, each a work item joined to
 * the claim it takes back when the 835 names it, reviewed in patient accounts (accept, or dispute with a deadline of
 * its own) and counted on the dashboard.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"denial", "payer", "security"})
package org.overturn.recoupment;
