package org.overturn.regime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The regime table in force: its levels, where it came from ({@code "shipped"} for the jar's own), and, for a
 * table an admin loaded, its version and when.
 */
public record RegimeTable(List<RegimeLevel> levels, String source, Long version, Instant loadedAt) {

    /** The regime's levels in order. */
    public List<RegimeLevel> ladder(AppealRegime regime) {
        return levels.stream().filter(l -> l.regime() == regime).toList();
    }

    public Optional<RegimeLevel> level(AppealRegime regime, int level) {
        return levels.stream().filter(l -> l.regime() == regime && l.level() == level).findFirst();
    }
}
