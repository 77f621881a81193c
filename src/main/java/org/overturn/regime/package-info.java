/**
 * Appeal regimes as data: for each regime (Medicare Part A/B, Medicare Advantage, Medicaid fee-for-service and
 * managed care, ERISA, state-regulated commercial plans, a network provider's dispute) the levels in order, who
 * decides, where the request goes, the window to file and the date it counts from, the decision time, the
 * amount-in-controversy floor, and the form; every number with its source. The table shipped in the jar is the
 * default; an admin loads a newer one. The recipient directory names the QIC, IRE, IRO, OMHA, fair hearing office
 * or insurance department of each level.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"payer", "security"})
package org.overturn.regime;
