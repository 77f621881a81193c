package org.overturn.authorization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The register's import: an Excel workbook (sheet {@value #SHEET}) or a CSV file, one authorization a row under a
 * header row of the field labels (the downloadable template). Every row is checked before anything is stored, and
 * each problem is named by row and column as the user sees them in the spreadsheet.
 */
final class AuthorizationImport {

    static final String SHEET = "Authorizations";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_ROWS = 10_000;
    private static final Set<AuthorizationField> REQUIRED_COLUMNS = EnumSet.of(AuthorizationField.PAYER_ID,
            AuthorizationField.MEMBER_ID, AuthorizationField.NUMBER, AuthorizationField.UNITS_APPROVED,
            AuthorizationField.FROM, AuthorizationField.TO);

    /** Something wrong in the file, where a spreadsheet user finds it: {@code Authorizations!R7 "Approved"}. */
    record Problem(String sheet, int row, String column, String message, String text) {
        static Problem of(String sheet, int row, String column, String message) {
            String where = "CSV".equals(sheet) ? (row > 0 ? "row " + row : "the file") : sheet + (row > 0 ? "!R" + row : "");
            return new Problem(sheet, row, column, message,
                    where + (column == null ? "" : " \"" + column + "\"") + ": " + message);
        }
    }

    /** The rows as terms when every one is right, else the problems (and no terms). */
    record Read(List<AuthorizationTerms> terms, List<Problem> problems) {
    }

    /** A file that is not a spreadsheet the import reads at all. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private AuthorizationImport() {
    }

    static Read read(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new Refused(400, "The file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new Refused(413, "The file is larger than 5 MB: split the list");
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new Refused(415, "This is an Excel 97-2003 (.xls) or password-protected workbook: "
                    + "save it as an .xlsx workbook without a password, or as CSV");
        }
        if (startsWith(content, 'P', 'K', 3, 4)) {
            return workbook(content);
        }
        return csv(content);
    }

    private static Read workbook(byte[] content) {
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            // POI's many ways of saying the parts are not a spreadsheet (a ZIP bomb among them)
            throw new Refused(415, "This is not a readable Excel workbook (.xlsx)");
        }
        try (workbook) {
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                return new Read(List.of(), List.of(Problem.of(SHEET, 0, null,
                        "the workbook has no sheet named \"" + SHEET + "\"")));
            }
            DataFormatter formatter = new DataFormatter(Locale.US);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                }
                rows.add(cells);
            }
            return rows(SHEET, rows);
        } catch (IOException e) {
            throw new Refused(415, "This is not a readable Excel workbook (.xlsx)");
        }
    }

    private static Read csv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(415, "This is neither an Excel workbook (.xlsx) nor a CSV file in UTF-8");
        }
        if (text.indexOf('\0') >= 0) {
            throw new Refused(415, "This is neither an Excel workbook (.xlsx) nor a CSV file");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return rows("CSV", Csv.parse(text));
    }

    private static Read rows(String sheet, List<List<String>> rows) {
        List<Problem> problems = new ArrayList<>();
        Map<Integer, AuthorizationField> columns = columns(sheet, rows.isEmpty() ? null : rows.get(0), problems);
        if (!problems.isEmpty()) {
            return new Read(List.of(), problems);
        }
        List<AuthorizationTerms> terms = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int dataRows = 0;
        for (int r = 1; r < rows.size(); r++) {
            Map<AuthorizationField, String> values = new EnumMap<>(AuthorizationField.class);
            List<String> cells = rows.get(r);
            for (var column : columns.entrySet()) {
                String value = column.getKey() < cells.size() ? cells.get(column.getKey()) : null;
                if (value != null && !value.isBlank()) {
                    values.put(column.getValue(), value);
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            int excelRow = r + 1;
            if (++dataRows > MAX_ROWS) {
                problems.add(Problem.of(sheet, excelRow, null, "more than " + MAX_ROWS + " rows: split the list"));
                break;
            }
            for (var value : values.entrySet()) {
                if (value.getValue().startsWith("#") && value.getValue().endsWith("!")
                        || value.getValue().matches("#(N/A|NAME\\?|NULL!|NUM!|REF!|VALUE!|DIV/0!)")) {
                    problems.add(Problem.of(sheet, excelRow, value.getKey().label(),
                            "holds the Excel error " + value.getValue()));
                }
            }
            try {
                AuthorizationTerms t = AuthorizationRules.check(AuthorizationField.draftOf(values));
                Integer first = seen.putIfAbsent(t.payerId() + "\u0000" + t.number(), excelRow);
                if (first != null) {
                    problems.add(Problem.of(sheet, excelRow, AuthorizationField.NUMBER.label(),
                            "the same payer and number as row " + first));
                }
                terms.add(t);
            } catch (InvalidAuthorization invalid) {
                for (var error : invalid.fieldErrors().entrySet()) {
                    problems.add(Problem.of(sheet, excelRow, labelOf(error.getKey()), error.getValue()));
                }
            }
        }
        return problems.isEmpty() ? new Read(terms, List.of()) : new Read(List.of(), problems);
    }

    /** Which column holds which field: the required ones must be there, none twice, no column unknown. */
    private static Map<Integer, AuthorizationField> columns(String sheet, List<String> header, List<Problem> problems) {
        Map<Integer, AuthorizationField> columns = new LinkedHashMap<>();
        if (header == null || header.stream().allMatch(h -> h == null || h.isBlank())) {
            problems.add(Problem.of(sheet, 1, null, "the header row is missing"));
            return columns;
        }
        Set<AuthorizationField> found = EnumSet.noneOf(AuthorizationField.class);
        for (int c = 0; c < header.size(); c++) {
            String label = header.get(c) == null ? "" : header.get(c).strip();
            if (label.isEmpty()) {
                continue;
            }
            var field = AuthorizationField.byLabel(label);
            if (field.isEmpty()) {
                problems.add(Problem.of(sheet, 1, label, "not a column of the register"));
            } else if (!found.add(field.get())) {
                problems.add(Problem.of(sheet, 1, label, "appears twice"));
            } else {
                columns.put(c, field.get());
            }
        }
        for (AuthorizationField field : REQUIRED_COLUMNS) {
            if (!found.contains(field)) {
                problems.add(Problem.of(sheet, 1, field.label(), "column missing"));
            }
        }
        return columns;
    }

    private static String labelOf(String key) {
        for (AuthorizationField f : AuthorizationField.values()) {
            if (f.key().equals(key)) {
                return f.label();
            }
        }
        return key;
    }

    /** A cell as text: a date as 2026-03-31, a number without ".0", an error as Excel shows it. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case ERROR -> formatter.formatCellValue(cell);
            default -> null;
        };
    }

    /** The template: the header, drop-downs for the choices, and a sheet that says what each column takes. */
    static byte[] template() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row row = sheet.createRow(0);
            for (AuthorizationField field : AuthorizationField.values()) {
                Cell cell = row.createCell(field.ordinal());
                cell.setCellValue(field.label());
                cell.setCellStyle(header);
                sheet.setColumnWidth(field.ordinal(), Math.max(field.label().length() + 4, 14) * 256);
                // typed-in ids, numbers and dates stay as written (member ids keep their leading zeros)
                sheet.setDefaultColumnStyle(field.ordinal(), text);
            }
            sheet.createFreezePane(0, 1);
            choices(sheet, AuthorizationField.LEVEL_OF_CARE, AuthorizationRules.names(LevelOfCare.class));
            choices(sheet, AuthorizationField.UNIT_TYPE, AuthorizationRules.names(UnitType.class));
            choices(sheet, AuthorizationField.STATUS, AuthorizationRules.names(AuthorizationStatus.class));
            Sheet help = workbook.createSheet("How to fill");
            String[][] lines = {
                    {"Column", "What it takes"},
                    {"Payer id", "Required. The payer's id as its 835s carry it (the payer directory's id)."},
                    {"Member id", "Required. The member id on the payer's card, as claims carry it."},
                    {"Authorization number", "Required. Unique per payer: a row with a number on file replaces it."},
                    {"Level of care", "One of " + String.join(", ", AuthorizationRules.names(LevelOfCare.class))
                            + ". Blank: taken from the services."},
                    {"Services (codes)", "CPT/HCPCS or revenue codes, separated by commas. Blank: every service "
                            + "of the level of care."},
                    {"Counts", "UNITS (default), VISITS or DAYS."},
                    {"Approved", "Required. How many units, visits or days were approved."},
                    {"From, To", "Required. The approved span: 2026-03-31 or 3/31/2026."},
                    {"Rendering NPI, Facility NPI", "Only when the authorization is restricted to that provider."},
                    {"Next review", "The next concurrent-review date, if any."},
                    {"Status", "REQUESTED, APPROVED (default), PARTIALLY_APPROVED, DENIED or EXPIRED."}};
            for (int r = 0; r < lines.length; r++) {
                Row line = help.createRow(r);
                line.createCell(0).setCellValue(lines[r][0]);
                line.createCell(1).setCellValue(lines[r][1]);
            }
            help.setColumnWidth(0, 30 * 256);
            help.setColumnWidth(1, 100 * 256);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void choices(Sheet sheet, AuthorizationField field, List<String> names) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        var validation = helper.createValidation(helper.createExplicitListConstraint(names.toArray(String[]::new)),
                new CellRangeAddressList(1, MAX_ROWS, field.ordinal(), field.ordinal()));
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }

    private static boolean startsWith(byte[] content, int... signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((content[i] & 0xff) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
