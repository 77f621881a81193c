package org.overturn.part2;

/**
 * A provider was flagged as a Part 2 program: the records it rendered become Part 2 records. Published inside the
 * flagging transaction and heard synchronously (denial.Part2ProgramSweep), so the flag and the records it covers
 * are marked together or not at all.
 */
public record Part2ProgramFlagged(String npi, String flaggedBy) {
}
