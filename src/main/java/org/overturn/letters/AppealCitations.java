package org.overturn.letters;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.overturn.regime.AppealRegime;

/**
 * The rule each regime's appeal letter cites at each level, as data beside its source and the year it was read
 * ({@value #RESOURCE}): a billing lead corrects a citation without touching a template. No parity law is cited here:
 * that argument stays with the parity module and never goes to Medicare.
 */
final class AppealCitations {

    static final String RESOURCE = "reference/letters/appeal-citations.csv";

    /** One sentence a letter prints, with where it was read and when. */
    record Citation(AppealRegime regime, int level, String text, String source, int year) {
    }

    private static final List<Citation> SHIPPED = load();

    private AppealCitations() {
    }

    /** What a letter to this regime at this level cites, in the file's order; empty when nothing applies. */
    static List<Citation> of(AppealRegime regime, int level) {
        return SHIPPED.stream().filter(c -> c.regime() == regime && c.level() == level).toList();
    }

    static List<Citation> all() {
        return SHIPPED;
    }

    private static List<Citation> load() {
        InputStream in = AppealCitations.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing");
        }
        List<Citation> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                .setFormat(format).get()) {
            for (CSVRecord cells : parser) {
                if (cells.size() != 5) {
                    throw new IllegalStateException(RESOURCE + ": " + cells.size() + " fields on line "
                            + parser.getCurrentLineNumber());
                }
                rows.add(new Citation(AppealRegime.valueOf(cells.get(0)), Integer.parseInt(cells.get(1)),
                        cells.get(2), cells.get(3), Integer.parseInt(cells.get(4))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
        return List.copyOf(rows);
    }
}
