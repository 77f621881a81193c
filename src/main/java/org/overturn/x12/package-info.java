/**
 * X12 reading shared by every transaction the product takes in (835, 837, 999, 277CA): the bytes read straight
 * into complete segments (X12's syntax as StAEDI read it, without its per-character events), with delimiters,
 * byte order marks, prose before the ISA and unpadded headers handled once. {@link org.overturn.x12.X12Segments} reads a file; {@link org.overturn.x12.Segment} reads an
 * element with an error that names the segment and element; {@link org.overturn.x12.MalformedX12Exception}
 * says {@code segment N (ID): reason}. {@link org.overturn.x12.X12Envelope} follows the ISA/GS/ST nesting, control
 * numbers and trailers of every transaction alike, as a {@link org.overturn.x12.X12Envelope.Kind} per transaction
 * says which groups and sets it reads. What a transaction's loops mean is left to its own module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.overturn.x12;
