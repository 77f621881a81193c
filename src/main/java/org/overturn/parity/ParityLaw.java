package org.overturn.parity;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The parity law as data, each row next to its source: {@value #CITATIONS} (every provision the product cites, its
 * URL, the year it was read, and whether it is enforced: the 2024 final rule's new provisions are marked
 * NOT_ENFORCED after the Departments' statement of May 15, 2025, and no letter leans on them) and {@value #REGIMES}
 * (per {@link ParityRegime}: whether parity applies, the law a letter names, its citations, the provisions under
 * non-enforcement it names as not relied on, and the regulators a complaint goes to).
 */
public final class ParityLaw {

    static final String CITATIONS = "reference/parity/citations.csv";
    static final String REGIMES = "reference/parity/regimes.csv";

    public enum Enforcement { IN_FORCE, NOT_ENFORCED }

    public record Citation(String id, String citation, String title, String url, int year, Enforcement enforcement,
                           String note) {

        /** How a letter lists it: the citation, what it is, and where to read it. */
        public String forLetter() {
            return citation + " (" + title + "), " + url;
        }
    }

    /**
     * What parity means for one regime.
     *
     * @param applies YES, NO, or ASK (the regime is unknown: the screen asks for the missing fact)
     * @param family  the decision table's plan family: COMMERCIAL (MHPAEA), MEDICAID (subpart K) or NONE
     */
    public record RegimeRule(ParityRegime regime, String applies, String family, String law, List<Citation> citations,
                             List<Citation> notRelied, List<String> regulators, String reason, String source) {

        public boolean applicable() {
            return "YES".equals(applies);
        }
    }

    private static final ParityLaw SHIPPED = new ParityLaw();

    private final Map<String, Citation> citations = new LinkedHashMap<>();
    private final Map<ParityRegime, RegimeRule> regimes = new EnumMap<>(ParityRegime.class);

    private ParityLaw() {
        for (CSVRecord row : read(CITATIONS)) {
            citations.put(row.get("id"), new Citation(row.get("id"), row.get("citation"), row.get("title"),
                    row.get("url"), Integer.parseInt(row.get("year")), Enforcement.valueOf(row.get("enforcement")),
                    row.get("note")));
        }
        for (CSVRecord row : read(REGIMES)) {
            ParityRegime regime = ParityRegime.valueOf(row.get("regime"));
            regimes.put(regime, new RegimeRule(regime, row.get("applies"), row.get("family"), row.get("law"),
                    cited(regime, row.get("citations")), cited(regime, row.get("not_relied")),
                    words(row.get("regulators")), row.get("reason"), row.get("source")));
        }
        for (ParityRegime regime : ParityRegime.values()) {
            if (!regimes.containsKey(regime)) {
                throw new IllegalStateException(REGIMES + " has no row for " + regime);
            }
        }
    }

    public static ParityLaw shipped() {
        return SHIPPED;
    }

    public RegimeRule rule(ParityRegime regime) {
        return regimes.get(regime);
    }

    public Citation citation(String id) {
        Citation citation = citations.get(id);
        if (citation == null) {
            throw new IllegalArgumentException("no citation " + id);
        }
        return citation;
    }

    public List<Citation> citations() {
        return List.copyOf(citations.values());
    }

    private List<Citation> cited(ParityRegime regime, String ids) {
        return words(ids).stream().map(id -> {
            Citation citation = citations.get(id);
            if (citation == null) {
                throw new IllegalStateException(REGIMES + ": " + regime + " cites unknown " + id);
            }
            return citation;
        }).toList();
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }

    private static List<CSVRecord> read(String resource) {
        var in = ParityLaw.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing from the classpath: " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
