package org.overturn.part2;

import java.time.Instant;

/**
 * A provider (by NPI) flagged as a federally assisted substance-use disorder program; {@code practiceId} the practice
 * that runs it, or null when nobody said (recognition goes by NPI either way).
 */
public record Part2Program(String npi, String name, String addedBy, Instant addedAt, Long practiceId) {
}
