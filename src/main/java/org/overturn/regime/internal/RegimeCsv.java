package org.overturn.regime.internal;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.overturn.regime.AppealRegime;
import org.overturn.regime.RecipientKind;
import org.overturn.regime.RegimeLevel;

/**
 * Reads and checks a regime table: the columns of the shipped file, every regime with its levels numbered from 1
 * without gaps, windows and decision times as ISO-8601 periods (P120D, P4M), every row with its source and the year
 * it was read. A table that fails any check is refused whole, with the line that failed.
 */
public final class RegimeCsv {

    public static final List<String> COLUMNS = List.of("regime", "level", "level_name", "decided_by", "recipient",
            "window", "clock_starts", "presumed_receipt_days", "decision_time", "aic_floor", "aic_year", "form",
            "source", "checked");

    private RegimeCsv() {
    }

    public static List<RegimeLevel> read(Reader source) {
        List<List<String>> records = Csv.read(source);
        if (records.isEmpty() || !records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList()
                .equals(COLUMNS)) {
            throw new IllegalArgumentException("line 1: the columns must be " + String.join(",", COLUMNS));
        }
        List<RegimeLevel> levels = new ArrayList<>();
        Map<AppealRegime, Integer> lastLevel = new EnumMap<>(AppealRegime.class);
        for (int i = 1; i < records.size(); i++) {
            int line = i + 1;
            List<String> r = records.get(i);
            if (r.size() != COLUMNS.size()) {
                throw new IllegalArgumentException("line " + line + ": " + r.size() + " fields, not " + COLUMNS.size());
            }
            try {
                RegimeLevel level = level(r);
                int expected = lastLevel.getOrDefault(level.regime(), 0) + 1;
                if (level.level() != expected) {
                    throw new IllegalArgumentException(level.regime() + " level " + level.level()
                            + " follows level " + (expected - 1) + ": levels count 1, 2, 3 ... in order");
                }
                lastLevel.put(level.regime(), level.level());
                levels.add(level);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
            }
        }
        for (AppealRegime regime : AppealRegime.values()) {
            if (!lastLevel.containsKey(regime)) {
                throw new IllegalArgumentException("the table has no level for " + regime);
            }
        }
        return List.copyOf(levels);
    }

    private static RegimeLevel level(List<String> r) {
        AppealRegime regime = AppealRegime.valueOf(text(r, 0, "regime"));
        int level = Integer.parseInt(text(r, 1, "level"));
        String window = r.get(5).trim();
        RegimeLevel.Window kind;
        Period period = null;
        switch (window.toLowerCase(Locale.ROOT)) {
            case "" -> kind = RegimeLevel.Window.NONE;
            case "payer" -> kind = RegimeLevel.Window.PAYER;
            case "dispute" -> kind = RegimeLevel.Window.DISPUTE;
            default -> {
                kind = RegimeLevel.Window.FIXED;
                period = positive(Period.parse(window), "window");
            }
        }
        String decision = r.get(8).trim();
        String floor = r.get(9).trim();
        String floorYear = r.get(10).trim();
        if (floor.isEmpty() != floorYear.isEmpty()) {
            throw new IllegalArgumentException("an amount-in-controversy floor needs its year, and a year its floor");
        }
        int checked = Integer.parseInt(text(r, 13, "checked"));
        return new RegimeLevel(regime, level, text(r, 2, "level_name"), text(r, 3, "decided_by"),
                RecipientKind.valueOf(text(r, 4, "recipient")), kind, period,
                RegimeLevel.ClockStart.valueOf(text(r, 6, "clock_starts")),
                Integer.parseInt(text(r, 7, "presumed_receipt_days")),
                decision.isEmpty() ? null : positive(Period.parse(decision), "decision_time"),
                floor.isEmpty() ? null : new BigDecimal(floor).setScale(2),
                floorYear.isEmpty() ? null : Integer.valueOf(floorYear),
                r.get(11).isBlank() ? null : r.get(11).trim(), text(r, 12, "source"), checked);
    }

    private static String text(List<String> r, int column, String name) {
        String value = r.get(column).trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        return value;
    }

    private static Period positive(Period period, String name) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than nothing: " + period);
        }
        return period;
    }
}
