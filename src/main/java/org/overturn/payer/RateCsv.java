package org.overturn.payer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A practice's contracted rates as CSV, one rate a row under a header that names the columns (any order):
 * {@code payerId,procedureCode,modifier,effectiveFrom,allowedAmount}, the modifier column optional. Every row is
 * checked before any is used; a bad one is reported by row (the header is row 1) and column.
 */
final class RateCsv {

    static final String HEADER = "payerId,procedureCode,modifier,effectiveFrom,allowedAmount";
    private static final List<String> REQUIRED = List.of("payerId", "procedureCode", "effectiveFrom", "allowedAmount");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");

    private RateCsv() {
    }

    static List<PracticeContracts.PayerRate> read(String csv, Predicate<String> knownPayer) {
        List<String> lines = csv == null ? List.of() : csv.strip().lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new InvalidTerms(Map.of("file", "The file is empty: its first row names the columns " + HEADER));
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = cells(lines.get(0));
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (String name : REQUIRED) {
            if (!columns.containsKey(name.toLowerCase(Locale.ROOT))) {
                errors.put("header", "The first row names the columns " + HEADER + " (missing " + name + ")");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidTerms(errors);
        }
        List<PracticeContracts.PayerRate> rates = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            List<String> row = cells(lines.get(n));
            String where = "row " + (n + 1) + ", ";
            String payer = cell(row, columns, "payerId");
            String code = cell(row, columns, "procedureCode");
            String modifier = cell(row, columns, "modifier");
            String from = cell(row, columns, "effectiveFrom");
            String amount = cell(row, columns, "allowedAmount");
            if (payer.isEmpty() || !knownPayer.test(payer)) {
                errors.put(where + "payerId", payer.isEmpty() ? "Enter the payer's id"
                        : "No payer " + payer + " in the directory");
            }
            if (!code.matches("[A-Za-z0-9]{5}")) {
                errors.put(where + "procedureCode", "Enter a five-character CPT or HCPCS code");
            }
            if (!modifier.isEmpty() && !modifier.matches("[A-Za-z0-9]{2}")) {
                errors.put(where + "modifier", "A modifier is two letters or digits (or leave it empty)");
            }
            LocalDate day = date(from);
            if (day == null) {
                errors.put(where + "effectiveFrom", "Enter the date as YYYY-MM-DD or MM/DD/YYYY");
            }
            BigDecimal allowed = money(amount);
            if (allowed == null) {
                errors.put(where + "allowedAmount", "Enter the allowed amount in dollars (zero or more)");
            }
            if (day != null && allowed != null) {
                rates.add(new PracticeContracts.PayerRate(payer, new ContractedRate(code, allowed, day, modifier)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidTerms(errors);
        }
        if (rates.isEmpty()) {
            throw new InvalidTerms(Map.of("file", "The file has no rate under its header row"));
        }
        return rates;
    }

    private static String cell(List<String> row, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name.toLowerCase(Locale.ROOT));
        return i == null || i >= row.size() ? "" : row.get(i).strip();
    }

    /** Cells split on commas; a cell in double quotes may hold a comma ("1,200.00"). */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static LocalDate date(String text) {
        try {
            return text.contains("/") ? LocalDate.parse(text, US_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal money(String text) {
        try {
            BigDecimal amount = new BigDecimal(text.replace("$", "").replace(",", ""));
            return amount.signum() < 0 || amount.scale() > 2 ? null : amount;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
