/**
 * Claims that get no answer: a claim on file the payer took in that no 835 answered within the days allowed gets a
 * 276 claim status request in the clearinghouse outbox and a follow-up task in the eligibility queue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"claim", "payer", "security"})
package org.overturn.claimstatus;
