/**
 * The 837, 999 and 277CA reading and the 837 writing behind the claim module's parsers and writer. Nothing here
 * is public but those implementations.
 */
package org.overturn.claim.x12;
