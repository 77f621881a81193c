package org.overturn.regime.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** RFC 4180 records (Commons CSV): quoted fields may hold commas, doubled quotes and line breaks. */
public final class Csv {

    private Csv() {
    }

    /** Every record, the header first; blank lines are skipped. */
    public static List<List<String>> read(Reader source) {
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(source).setFormat(CSVFormat.DEFAULT).get()) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
            }
        } catch (UncheckedIOException | IOException e) {
            // Commons CSV reports an unclosed quote as an I/O problem at the end of the input
            throw new IllegalArgumentException("a quoted field is not closed at the end of the file", e);
        }
        return records;
    }
}
