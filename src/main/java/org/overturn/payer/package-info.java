/**
 * The payers a practice deals with: plan type and appeal terms. Payers first met in an 835 are created with
 * default terms for their plan type and flagged for review.
 */
package org.overturn.payer;
