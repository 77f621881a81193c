/**
 * How 835 files come in (upload, inbox folder, command line) and what happens to each: parsed, stored once
 * with its denials in one transaction, or quarantined with the reason.
 */
package org.overturn.intake;
