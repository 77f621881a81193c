package org.overturn.payer;

import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which services each payer authorizes in advance, from the payer directory: procedure or revenue codes, or a level
 * of care by name ({@code PARTIAL_HOSPITALIZATION}, {@code INTENSIVE_OUTPATIENT} ...) for every code of that level.
 * The register's watch asks here which claims on file need an authorization.
 */
@Service
public class AuthorizationRules {

    private final JdbcTemplate jdbc;

    AuthorizationRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every payer with a rule, with the codes and levels it authorizes in advance. */
    @Transactional(readOnly = true)
    public Map<String, Set<String>> all() {
        Map<String, Set<String>> rules = new HashMap<>();
        jdbc.query("select id, authorization_required from payer where cardinality(authorization_required) > 0",
                rs -> {
                    Array codes = rs.getArray(2);
                    rules.put(rs.getString(1), new LinkedHashSet<>(List.of((String[]) codes.getArray())));
                });
        return rules;
    }

    /** Replaces the payer's rule; answers whether the payer is on file. */
    @Transactional
    public boolean require(String payerId, Set<String> codesOrLevels, String by) {
        List<String> clean = new ArrayList<>();
        for (String code : codesOrLevels) {
            if (code != null && !code.isBlank()) {
                clean.add(code.strip().toUpperCase(Locale.ROOT));
            }
        }
        return jdbc.update("update payer set authorization_required = ?::varchar[], updated_by = ?, updated_at = now()"
                + " where id = ?", "{" + String.join(",", clean) + "}", by, payerId) > 0;
    }
}
