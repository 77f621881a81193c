package org.overturn.regime;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.overturn.regime.internal.Csv;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Expedited (urgent care) appeals as data: for each regime and level whose rules give one, how long the deciding
 * body has once it receives the request (72 hours for Medicare Advantage, Medicaid managed care, ERISA and
 * issuers' internal appeals and for expedited external review), with the source. A regime or level without a row
 * has no expedited rule the product knows (Medicare Part A/B and Medicaid fee-for-service claims, provider
 * disputes): the standard appeal is all there is. Shipped in the jar ({@code reference/regimes/expedited-appeals.csv}).
 */
@Service
public class ExpeditedAppeals {

    static final String SHIPPED = "reference/regimes/expedited-appeals.csv";
    static final List<String> COLUMNS = List.of("regime", "level", "decision_time", "source", "checked");

    /** How long the decision may take once the request is received, and where that comes from. */
    public record ExpeditedRule(AppealRegime regime, int level, Duration decisionTime, String source, int checked) {
    }

    private final List<ExpeditedRule> rules;

    ExpeditedAppeals() {
        try (Reader in = new InputStreamReader(new ClassPathResource(SHIPPED).getInputStream(),
                StandardCharsets.UTF_8)) {
            this.rules = read(in);
        } catch (IOException e) {
            throw new IllegalStateException("the shipped expedited appeal table " + SHIPPED + " cannot be read", e);
        }
    }

    public Optional<ExpeditedRule> rule(AppealRegime regime, int level) {
        return rules.stream().filter(r -> r.regime() == regime && r.level() == level).findFirst();
    }

    public List<ExpeditedRule> all() {
        return rules;
    }

    static List<ExpeditedRule> read(Reader source) {
        List<List<String>> records = Csv.read(source);
        if (records.isEmpty() || !records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList()
                .equals(COLUMNS)) {
            throw new IllegalArgumentException("line 1: the columns must be " + String.join(",", COLUMNS));
        }
        List<ExpeditedRule> found = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            try {
                Duration time = Duration.parse(r.get(2).trim());
                if (time.isNegative() || time.isZero() || r.get(3).isBlank()) {
                    throw new IllegalArgumentException("a decision time longer than nothing and a source are needed");
                }
                found.add(new ExpeditedRule(AppealRegime.valueOf(r.get(0).trim()), Integer.parseInt(r.get(1).trim()),
                        time, r.get(3).trim(), Integer.parseInt(r.get(4).trim())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(found);
    }
}
