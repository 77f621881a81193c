/**
 * Underpayments: a paid 835 service line whose allowed amount is below what the practice's contract with the payer
 * sets for the procedure (and modifier) on the date of service ({@link org.overturn.payer.PracticeContracts}). Each
 * is found as the 835 is stored ({@link org.overturn.underpayment.Underpayments}), flagged on the remittance's
 * claim, counted on the dashboard, and listed for disputing with the payer until someone records how it ended.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "denial", "payer", "practice", "remittance", "security"})
package org.overturn.underpayment;
