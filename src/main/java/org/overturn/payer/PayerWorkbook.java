package org.overturn.payer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The payer list as an Excel workbook: sheet {@value #SHEET}, one column per field headed by its label, then the
 * read-only columns an import ignores. Export and import share the layout, so an exported file imports unchanged.
 */
final class PayerWorkbook {

    static final String SHEET = "Payers";
    static final long MAX_BYTES = 5L * 1024 * 1024;
    /** What the workbook may unpack to: a payer list is a few hundred kilobytes, a ZIP bomb is gigabytes. */
    static final long MAX_UNPACKED_BYTES = 50L * 1024 * 1024;
    static final int MAX_ROWS = 10_000;
    static final String NEEDS_REVIEW = "Needs review";
    static final String UPDATED_AT = "Updated at";
    static final String UPDATED_BY = "Updated by";
    private static final Set<String> READ_ONLY = Set.of(NEEDS_REVIEW.toLowerCase(Locale.ROOT),
            UPDATED_AT.toLowerCase(Locale.ROOT), UPDATED_BY.toLowerCase(Locale.ROOT));

    /** A data row of the sheet, numbered as Excel shows it. */
    record Line(int row, PayerDraft draft) {
    }

    /** Something wrong in the file, located as a spreadsheet user finds it: {@code Payers!R7 "Appeal email"}. */
    record Problem(String sheet, int row, String column, String message) {
        String text() {
            return sheet + (row > 0 ? "!R" + row : "") + (column == null ? "" : " \"" + column + "\"") + ": " + message;
        }
    }

    record Contents(List<Line> lines, List<Problem> problems) {
    }

    /** An upload that is not an .xlsx workbook at all, or too big to be a payer list; not read any further. */
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

    private PayerWorkbook() {
    }

    static void write(List<PayerDirectory.Entry> entries, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(SHEET);
            Styles styles = new Styles(workbook);
            List<String> headers = new ArrayList<>(Arrays.stream(PayerField.values()).map(PayerField::label).toList());
            headers.addAll(List.of(NEEDS_REVIEW, UPDATED_AT, UPDATED_BY));
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(c, Math.max(headers.get(c).length() + 3, width(c)) * 256);
            }
            for (PayerField field : PayerField.values()) {
                // rows typed in later keep their leading zeros (ZIP codes, payer ids)
                sheet.setDefaultColumnStyle(field.ordinal(), field.days() ? styles.days : styles.text);
            }
            int r = 1;
            for (PayerDirectory.Entry entry : entries) {
                Row row = sheet.createRow(r++);
                for (PayerField field : PayerField.values()) {
                    Object value = field.valueIn(entry.profile());
                    Cell cell = row.createCell(field.ordinal());
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                        cell.setCellStyle(styles.days);
                    } else {
                        if (value != null) {
                            cell.setCellValue(value.toString());
                        }
                        cell.setCellStyle(styles.text);
                    }
                }
                int c = PayerField.values().length;
                row.createCell(c).setCellValue(entry.profile().needsReview() ? "yes" : "no");
                if (entry.updatedAt() != null) {
                    Cell updated = row.createCell(c + 1);
                    updated.setCellValue(LocalDateTime.ofInstant(entry.updatedAt(), ZoneId.systemDefault()));
                    updated.setCellStyle(styles.dateTime);
                }
                if (entry.updatedBy() != null) {
                    row.createCell(c + 2).setCellValue(entry.updatedBy());
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, r - 1), 0, headers.size() - 1));
            planTypeList(sheet);
            workbook.write(out);
        }
    }

    /** A drop-down of the plan types on the plan type column, for the rows someone adds. */
    private static void planTypeList(Sheet sheet) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int column = PayerField.PLAN_TYPE.ordinal();
        var validation = helper.createValidation(helper.createExplicitListConstraint(
                Arrays.stream(PlanType.values()).map(Enum::name).toArray(String[]::new)),
                new CellRangeAddressList(1, MAX_ROWS, column, column));
        validation.setShowErrorBox(true);
        validation.createErrorBox("Plan type", "One of " + PayerRules.PLAN_TYPES);
        sheet.addValidationData(validation);
    }

    private static int width(int column) {
        if (column >= PayerField.values().length) {
            return 17;
        }
        PayerField field = PayerField.values()[column];
        return field.days() ? 12 : Math.min(Math.max(field.maxLength(), 8), 36);
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle days;
        final CellStyle dateTime;

        Styles(XSSFWorkbook workbook) {
            var format = workbook.createDataFormat();
            header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = workbook.createCellStyle();
            text.setDataFormat(format.getFormat("@"));
            days = workbook.createCellStyle();
            days.setDataFormat(format.getFormat("0"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm"));
        }
    }

    /**
     * Refuses what is not an .xlsx workbook before Apache POI parses it: too large, an old .xls or an encrypted
     * file (both OLE2), not a ZIP, a ZIP without a workbook, or one that unpacks to far more than a payer list.
     */
    static void check(byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new Refused(413, "The file is larger than 5 MB; a payer list is much smaller");
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new Refused(415, "This is an Excel 97-2003 (.xls) or password-protected workbook: "
                    + "save it as an .xlsx workbook without a password");
        }
        if (!startsWith(content, 'P', 'K', 3, 4)) {
            throw new Refused(415, "This is not an Excel workbook (.xlsx)");
        }
        Set<String> entries = new HashSet<>();
        long unpacked = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw new Refused(413, "The workbook unpacks to more than 50 MB; a payer list is much smaller");
                    }
                }
            }
        } catch (ZipException e) {
            throw new Refused(415, "This is not an Excel workbook (.xlsx): the file is damaged");
        } catch (IOException e) {
            throw new Refused(415, "This is not an Excel workbook (.xlsx): it cannot be read");
        }
        if (!entries.contains("[Content_Types].xml") || !entries.contains("xl/workbook.xml")) {
            throw new Refused(415, "This is a ZIP file, not an Excel workbook (.xlsx)");
        }
    }

    /** The rows of sheet {@value #SHEET}, or what keeps the file from being read as the payer list. */
    static Contents read(byte[] content) {
        check(content);
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            // POI's many ways of saying the parts are not a spreadsheet
            throw new Refused(415, "This is not a readable Excel workbook (.xlsx)");
        }
        try (workbook) {
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                return new Contents(List.of(), List.of(new Problem(SHEET, 0, null,
                        "the workbook has no sheet named \"" + SHEET + "\"")));
            }
            return read(sheet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Contents read(Sheet sheet) {
        List<Problem> problems = new ArrayList<>();
        Map<Integer, PayerField> columns = columns(sheet.getRow(0), problems);
        if (!problems.isEmpty()) {
            return new Contents(List.of(), problems);
        }
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<PayerField, String> values = new EnumMap<>(PayerField.class);
            boolean blank = true;
            for (var column : columns.entrySet()) {
                Cell cell = row.getCell(column.getKey());
                String error = error(cell);
                if (error != null) {
                    problems.add(new Problem(SHEET, r + 1, column.getValue().label(),
                            "holds the Excel error " + error));
                    blank = false;
                    continue;
                }
                String value = text(cell, column.getValue());
                if (value != null && !value.isBlank()) {
                    values.put(column.getValue(), value);
                    blank = false;
                }
            }
            if (blank) {
                continue;
            }
            if (lines.size() == MAX_ROWS) {
                problems.add(new Problem(SHEET, r + 1, null, "more than " + MAX_ROWS + " payers: split the list"));
                break;
            }
            lines.add(new Line(r + 1, PayerDraft.of(values)));
        }
        return new Contents(lines, problems);
    }

    /** Which column holds which field; every field must have its column, once. */
    private static Map<Integer, PayerField> columns(Row header, List<Problem> problems) {
        Map<Integer, PayerField> columns = new LinkedHashMap<>();
        if (header == null) {
            problems.add(new Problem(SHEET, 1, null, "the header row is missing"));
            return columns;
        }
        Set<PayerField> seen = EnumSet.noneOf(PayerField.class);
        for (Cell cell : header) {
            String label = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().strip() : "";
            if (label.isEmpty() || READ_ONLY.contains(label.toLowerCase(Locale.ROOT))) {
                continue;
            }
            var field = PayerField.byLabel(label);
            if (field.isEmpty()) {
                problems.add(new Problem(SHEET, 1, label, "not a column of the payer list"));
            } else if (!seen.add(field.get())) {
                problems.add(new Problem(SHEET, 1, label, "appears twice"));
            } else {
                columns.put(cell.getColumnIndex(), field.get());
            }
        }
        for (PayerField field : PayerField.values()) {
            if (!seen.contains(field) && !field.optionalColumn()) {
                problems.add(new Problem(SHEET, 1, field.label(), "column missing"));
            }
        }
        return columns;
    }

    private static String error(Cell cell) {
        if (cell == null) {
            return null;
        }
        boolean isError = cell.getCellType() == CellType.ERROR || (cell.getCellType() == CellType.FORMULA
                && cell.getCachedFormulaResultType() == CellType.ERROR);
        if (!isError) {
            return null;
        }
        try {
            return FormulaError.forInt(cell.getErrorCellValue()).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }

    /** A cell as text: whole numbers without ".0", a ZIP code typed as a number with its leading zeros back. */
    private static String text(Cell cell, PayerField field) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> number(cell.getNumericCellValue(), field);
            default -> null;
        };
    }

    private static String number(double value, PayerField field) {
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        if (field == PayerField.POSTAL_CODE && plain.matches("\\d{1,9}")) {
            // Excel drops a ZIP's leading zeros when it takes it for a number: 02134 arrives as 2134
            return plain.length() <= 5 ? "0".repeat(5 - plain.length()) + plain
                    : "0".repeat(9 - plain.length()) + plain;
        }
        return plain;
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
}
