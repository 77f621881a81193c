package org.overturn.regime.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
public final class Csv {

    private Csv() {
    }

    /** Every record, the header first; blank lines are skipped. */
    public static List<List<String>> read(Reader source) {
        List<List<String>> records = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(source)) {
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
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
                } else if (ch == '"') {
                    quoted = true;
                    any = true;
                } else if (ch == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                    any = true;
                } else if (ch == '\n' || ch == '\r') {
                    if (any || field.length() > 0) {
                        record.add(field.toString());
                        records.add(record);
                    }
                    record = new ArrayList<>();
                    field.setLength(0);
                    any = false;
                } else {
                    field.append(ch);
                    any = true;
                }
            }
            if (quoted) {
                throw new IllegalArgumentException("a quoted field is not closed at the end of the file");
            }
            if (any || field.length() > 0) {
                record.add(field.toString());
                records.add(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }
}
