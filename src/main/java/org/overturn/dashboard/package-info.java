/**
 * Managers' view of the money: denial rates by payer, root cause, procedure, provider and week; open dollars
 * at risk by age; queue backlog and SLA breaches; appeal outcomes, recoveries and write-offs; engine incidents;
 * and Excel exports of all of it and of any queue or denial search.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "authorization", "denial", "parity", "practice", "recoupment", "remittance", "security", "system", "workflow",
        "worklist"})
package org.overturn.dashboard;
