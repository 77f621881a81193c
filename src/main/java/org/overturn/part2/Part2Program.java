package org.overturn.part2;

import java.time.Instant;

/** A provider (by NPI) flagged as a federally assisted substance-use disorder program. */
public record Part2Program(String npi, String name, String addedBy, Instant addedAt) {
}
