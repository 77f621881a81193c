/**
 * X12 reading behind {@link org.overturn.remittance.RemittanceParser}: StAEDI's event stream turned into the
 * remittance records in one pass. {@code InterchangeStream} finds each ISA and rewrites it to the layout
 * StAEDI needs; {@code SegmentStream} copies events into a reused {@code Segment}; {@code Envelope} checks the
 * ISA/GS/ST nesting and control numbers; {@code TransactionAssembler} follows the 835 loops with its claim,
 * line and party builders. Nothing here is public but the parser itself.
 */
package org.overturn.remittance.x12;
