package org.overturn.denial.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file with a header row, read the RFC 4180 way: fields may be quoted, and a quoted field may hold
 * commas, line breaks and doubled quotes ({@code ""} for one {@code "}). Code lists from X12, CMS and
 * spreadsheets all come in this shape; a naive split on commas breaks on the first description with a comma.
 */
public final class CsvTable {

    private final Map<String, Integer> columns;
    private final List<List<String>> rows;

    private CsvTable(Map<String, Integer> columns, List<List<String>> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** Reads the whole table; the first record is the header. An empty input gives an empty table. */
    public static CsvTable read(Reader in) {
        List<List<String>> records = parse(in.markSupported() ? in : new BufferedReader(in));
        Map<String, Integer> columns = new HashMap<>();
        if (!records.isEmpty()) {
            List<String> header = records.get(0);
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(normalise(header.get(i)), i);
            }
        }
        return new CsvTable(columns, records.isEmpty() ? List.of() : records.subList(1, records.size()));
    }

    public List<List<String>> rows() {
        return rows;
    }

    /**
     * The index of the first header among {@code names} that the file has, or -1. Header names are
     * compared ignoring case, spaces, underscores and hyphens, so "Start Date", "start_date" and
     * "StartDate" are one column.
     */
    public int column(String... names) {
        for (String name : names) {
            Integer index = columns.get(normalise(name));
            if (index != null) {
                return index;
            }
        }
        return -1;
    }

    /** The trimmed field, or null when the column is missing, the row is short or the field is blank. */
    public static String field(List<String> row, int column) {
        if (column < 0 || column >= row.size()) {
            return null;
        }
        String value = row.get(column).trim();
        return value.isEmpty() ? null : value;
    }

    private static String normalise(String header) {
        return header.replace("\uFEFF", "").replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }

    private static List<List<String>> parse(Reader in) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        try {
            int c;
            while ((c = in.read()) != -1) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                in.reset();
                            }
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"' && field.isEmpty()) {
                    quoted = true;
                    fieldStarted = true;
                } else if (ch == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                    fieldStarted = true;
                } else if (ch == '\n' || ch == '\r') {
                    if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
                        record.add(field.toString());
                        records.add(record);
                    }
                    record = new ArrayList<>();
                    field.setLength(0);
                    fieldStarted = false;
                } else {
                    field.append(ch);
                    fieldStarted = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
