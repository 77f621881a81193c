package org.overturn.denial.internal;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.overturn.denial.ReasonCode;

/** Reads the code-list CSVs: the shipped copies (shared/codes layout) and X12's own CSV downloads. */
public final class CodeListFiles {

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu"),
            DateTimeFormatter.BASIC_ISO_DATE);

    private CodeListFiles() {
    }

    /** Trimmed and upper-case, so "n54 " finds N54. */
    public static String key(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * The shipped CARC/RARC files: {@code code, description, start_date, last_modified, stop_date,
     * status_in_source, ...}. A CARC that VistA still had active but OpenEMR's 2022 active list lacks
     * (15, 138, 165, 168, B5) was deactivated since; SOURCES.md says to treat it so.
     */
    public static Map<String, ReasonCode> readShippedCodes(Reader in) {
        CsvTable table = CsvTable.read(in);
        int status = table.column("status_in_source");
        int inOpenEmr = table.column("in_openemr_2022_active_list");
        Map<String, ReasonCode> codes = new LinkedHashMap<>();
        Columns columns = Columns.of(table);
        for (List<String> row : table.rows()) {
            ReasonCode code = columns.code(row);
            if (code == null) {
                continue;
            }
            boolean active = "active".equalsIgnoreCase(CsvTable.field(row, status))
                    && !"N".equalsIgnoreCase(CsvTable.field(row, inOpenEmr));
            codes.put(key(code.code()), new ReasonCode(code.code(), code.description(), code.startDate(),
                    code.stopDate(), active));
        }
        return Collections.unmodifiableMap(codes);
    }

    /**
     * An X12-style code list CSV: a header row, then code, description, start date, last modified, stop date
     * in any order; every column but the code may be missing. A code is active while its stop date is absent
     * or after {@code today}.
     */
    public static List<ReasonCode> readX12Codes(Reader in, LocalDate today) {
        CsvTable table = CsvTable.read(in);
        Columns columns = Columns.of(table);
        if (columns.code < 0) {
            throw new IllegalArgumentException("code list has no code column in its header row");
        }
        List<ReasonCode> codes = new ArrayList<>();
        for (List<String> row : table.rows()) {
            ReasonCode code = columns.code(row);
            if (code != null) {
                boolean active = code.stopDate() == null || code.stopDate().isAfter(today);
                codes.add(new ReasonCode(code.code(), code.description(), code.startDate(), code.stopDate(), active));
            }
        }
        return codes;
    }

    /** A two-column list (code and a name or description), e.g. CAS groups or CLP02 statuses. */
    public static Map<String, String> readNames(Reader in, String nameColumn) {
        CsvTable table = CsvTable.read(in);
        int code = table.column("code");
        int name = table.column(nameColumn);
        Map<String, String> names = new LinkedHashMap<>();
        for (List<String> row : table.rows()) {
            String value = CsvTable.field(row, code);
            if (value != null) {
                names.put(key(value), VistaText.fixApostrophes(CsvTable.field(row, name)));
            }
        }
        return Collections.unmodifiableMap(names);
    }

    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next format; a date no format reads is treated as not given
            }
        }
        return null;
    }

    private record Columns(int code, int description, int start, int stop) {

        static Columns of(CsvTable table) {
            return new Columns(table.column("code", "reason code", "remark code", "carc", "rarc"),
                    table.column("description", "code description", "text"),
                    table.column("start date", "start", "effective date"),
                    table.column("stop date", "stop", "deactivation date", "end date"));
        }

        /** The row as a code, active flag still to be decided; null for a row without a code. */
        ReasonCode code(List<String> row) {
            String value = CsvTable.field(row, code);
            if (value == null) {
                return null;
            }
            String text = VistaText.fixApostrophes(CsvTable.field(row, description));
            return new ReasonCode(value, text == null ? "" : text, date(CsvTable.field(row, start)),
                    date(CsvTable.field(row, stop)), false);
        }
    }
}
