/**
 * X12 reading behind {@link org.overturn.remittance.RemittanceParser}: the file's segments turned into the
 * remittance records in one pass. The shared {@code org.overturn.x12} reading turns the file into segments and
 * checks its ISA/GS/ST nesting and control numbers ({@code X12Envelope}); {@code Envelope} says what an 835's groups
 * and transaction sets must be and keeps what is read; {@code TransactionAssembler} follows the 835 loops with its
 * claim, line and party builders. Nothing here is public but the parser itself.
 */
package org.overturn.remittance.x12;
