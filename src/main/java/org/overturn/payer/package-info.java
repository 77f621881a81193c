/**
 * The payer directory: plan type, where appeals go, each appeal level's limit, the timely-filing limit and the
 * corrected-claim rules of every payer. Payers first met in an 835 are created with the default terms of their plan
 * type and flagged for review; saving a payer (form, {@code PUT /api/payers/{id}} or an Excel import) confirms it.
 * Other modules read it through {@link org.overturn.payer.PayerDirectory} and {@link org.overturn.payer.PayerProfile}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security"})
package org.overturn.payer;
