package org.overturn.denial;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * How often appeals of each root cause were overturned, from the practice's own decided appeals, smoothed
 * towards an even chance while there are few of them. Cached for a few minutes: ingestion asks for every
 * denial.
 */
@Service
public class OverturnRates {

    private static final double PRIOR = 0.5;
    private static final double PRIOR_WEIGHT = 10;
    private static final Duration REFRESH = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Map<RootCause, Double> rates;
    private volatile Instant loadedAt = Instant.MIN;

    OverturnRates(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public double of(RootCause rootCause) {
        if (rates == null || loadedAt.plus(REFRESH).isBefore(clock.instant())) {
            rates = load();
            loadedAt = clock.instant();
        }
        return rates.getOrDefault(rootCause, PRIOR);
    }

    private Map<RootCause, Double> load() {
        Map<RootCause, Double> loaded = new EnumMap<>(RootCause.class);
        jdbc.query("""
                select d.root_cause,
                       count(*) filter (where a.outcome = 'OVERTURNED') as overturned,
                       count(*) filter (where a.outcome in ('OVERTURNED', 'UPHELD')) as decided
                  from appeal a join denial d on d.id = a.denial_id
                 group by d.root_cause
                """, row -> {
            double overturned = row.getLong("overturned");
            double decided = row.getLong("decided");
            loaded.put(RootCause.valueOf(row.getString("root_cause")),
                    (overturned + PRIOR * PRIOR_WEIGHT) / (decided + PRIOR_WEIGHT));
        });
        return loaded;
    }
}
