package org.overturn.recoupment;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The PLB03-1 reason codes and whether a positive amount under each takes money back for a claim (a recoupment) or
 * is something else (interest, a tax levy, a withholding): reference data with its sources, in
 * {@code reference/recoupment/provider-adjustment-reasons.csv}.
 */
@Component
public class ProviderAdjustmentReasons {

    static final String FILE = "reference/recoupment/provider-adjustment-reasons.csv";

    public record Reason(String code, String meaning, boolean takesBack, String source, String year) {
    }

    private final Map<String, Reason> byCode;

    ProviderAdjustmentReasons() {
        this.byCode = load();
    }

    public Optional<Reason> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /**
     * A positive amount reduces the payment (DESIGN section 2); under a code that takes money back it is a recoupment.
     * A code not on the list is treated as one: money taken for an unknown reason is worth a look.
     */
    public boolean isRecoupment(String code, java.math.BigDecimal amount) {
        return amount != null && amount.signum() > 0 && find(code).map(Reason::takesBack).orElse(true);
    }

    private static Map<String, Reason> load() {
        Map<String, Reason> reasons = new LinkedHashMap<>();
        try (var reader = new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord row : parser) {
                reasons.put(row.get("code"), new Reason(row.get("code"), row.get("meaning"),
                        "yes".equals(row.get("takes_back")), row.get("source"), row.get("year")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(FILE, e);
        }
        return Map.copyOf(reasons);
    }
}
