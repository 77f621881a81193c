package org.overturn.regime;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.overturn.payer.PayerDirectory;
import org.overturn.regime.internal.RegimeCsv;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The appeal regime table in force: the newest one an admin loaded, else the one shipped in the jar
 * ({@code reference/regimes/appeal-regimes.csv}). Read often (every denial registered asks), so it is kept in
 * memory and the database asked at most every half minute whether a newer table was loaded, on this server or
 * another.
 */
@Service
public class AppealRegimes {

    static final String SHIPPED = "reference/regimes/appeal-regimes.csv";
    private static final Duration RECHECK = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PayerDirectory payers;
    private final RegimeTable shipped;

    private volatile RegimeTable current;
    private volatile long checkedAt;

    AppealRegimes(JdbcTemplate jdbc, Clock clock, PayerDirectory payers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.payers = payers;
        try (Reader in = new InputStreamReader(new ClassPathResource(SHIPPED).getInputStream(),
                StandardCharsets.UTF_8)) {
            this.shipped = new RegimeTable(RegimeCsv.read(in), "shipped", null, null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the shipped regime table " + SHIPPED + " cannot be read", e);
        }
    }

    /** The table in force. */
    public RegimeTable table() {
        long now = System.nanoTime();
        RegimeTable known = current;
        if (known != null && now - checkedAt < RECHECK.toNanos()) {
            return known;
        }
        Long newest = jdbc.query("select max(id) from appeal_regime_table", rs -> rs.next() ? (Long) rs.getObject(1)
                : null);
        if (newest == null) {
            known = shipped;
        } else if (known == null || !newest.equals(known.version())) {
            // a table another server (or this one) loaded since
            known = jdbc.queryForObject("select * from appeal_regime_table where id = ?", (rs, i) -> new RegimeTable(
                    RegimeCsv.read(new StringReader(rs.getString("csv"))), rs.getString("source"), rs.getLong("id"),
                    rs.getTimestamp("loaded_at").toInstant()), newest);
        }
        current = known;
        checkedAt = now;
        return known;
    }

    public List<RegimeLevel> ladder(AppealRegime regime) {
        return table().ladder(regime);
    }

    public Optional<RegimeLevel> level(AppealRegime regime, int level) {
        return table().level(regime, level);
    }

    /** The default regime of a claim from its CLP06 and what the payer directory says of its payer. */
    public AppealRegime regimeOf(String payerId, String filingIndicator) {
        return AppealRegime.of(filingIndicator, payers.appealTerms(payerId));
    }

    /** Checks the table and puts it in force for every server; refused whole with the line that failed. */
    @Transactional
    public RegimeTable load(String csv, String source, String by) {
        RegimeCsv.read(new StringReader(csv));
        jdbc.update("insert into appeal_regime_table (csv, source, loaded_by, loaded_at) values (?, ?, ?, ?)", csv,
                source, by, Timestamp.from(clock.instant()));
        current = null;
        return table();
    }
}
