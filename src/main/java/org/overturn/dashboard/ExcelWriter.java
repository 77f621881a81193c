package org.overturn.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes sheets to an .xlsx with Apache POI's streaming SXSSF: only a window of rows stays in memory (the rest
 * goes to compressed temporary files), so 100,000 rows and more export in a few megabytes of heap. Each sheet
 * has a bold frozen header row and an autofilter; numbers, money, percentages and dates are real typed cells.
 */
public final class ExcelWriter {

    private static final int WINDOW = 200;
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    private ExcelWriter() {
    }

    public static void write(OutputStream out, List<ExcelSheet<?>> sheets) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
            workbook.setCompressTempFiles(true);
            Map<ExcelSheet.Kind, CellStyle> styles = styles(workbook);
            CellStyle header = headerStyle(workbook);
            Set<String> names = new HashSet<>();
            for (ExcelSheet<?> sheet : sheets) {
                writeSheet(workbook, sheet, uniqueName(sheet.name(), names), styles, header);
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static <T> void writeSheet(SXSSFWorkbook workbook, ExcelSheet<T> spec, String name,
                                       Map<ExcelSheet.Kind, CellStyle> styles, CellStyle headerStyle) {
        SXSSFSheet sheet = workbook.createSheet(name);
        List<ExcelSheet.Column<T>> columns = spec.columns();
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(c, Math.min(255, Math.max(columns.get(c).width(), columns.get(c).header().length() + 3)) * 256);
        }
        sheet.createFreezePane(0, 1);
        int[] next = {1};
        spec.rows().forEach(item -> {
            if (next[0] > MAX_ROWS) {
                throw new IllegalStateException("more rows than an Excel sheet holds (" + MAX_ROWS + ")");
            }
            Row row = sheet.createRow(next[0]++);
            for (int c = 0; c < columns.size(); c++) {
                ExcelSheet.Column<T> column = columns.get(c);
                Object value = column.value().apply(item);
                if (value != null) {
                    setCell(row.createCell(c), column.kind(), value, styles);
                }
            }
        });
        if (!columns.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next[0] - 1), 0, columns.size() - 1));
        }
    }

    private static void setCell(Cell cell, ExcelSheet.Kind kind, Object value, Map<ExcelSheet.Kind, CellStyle> styles) {
        switch (kind) {
            case TEXT -> cell.setCellValue(value.toString());
            case DATE -> {
                if (value instanceof LocalDate date) {
                    cell.setCellValue(date);
                } else {
                    cell.setCellValue(value.toString());
                }
            }
            case DATE_TIME -> {
                if (value instanceof Instant instant) {
                    cell.setCellValue(LocalDateTime.ofInstant(instant, ZoneId.systemDefault()));
                } else if (value instanceof LocalDateTime time) {
                    cell.setCellValue(time);
                } else {
                    cell.setCellValue(value.toString());
                }
            }
            default -> {
                if (value instanceof BigDecimal decimal) {
                    cell.setCellValue(decimal.doubleValue());
                } else if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else {
                    cell.setCellValue(value.toString());
                }
            }
        }
        CellStyle style = styles.get(kind);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static Map<ExcelSheet.Kind, CellStyle> styles(SXSSFWorkbook workbook) {
        Map<ExcelSheet.Kind, CellStyle> styles = new EnumMap<>(ExcelSheet.Kind.class);
        var format = workbook.createDataFormat();
        Map<ExcelSheet.Kind, String> formats = Map.of(ExcelSheet.Kind.INTEGER, "#,##0", ExcelSheet.Kind.MONEY,
                "#,##0.00", ExcelSheet.Kind.PERCENT, "0.0%", ExcelSheet.Kind.DECIMAL, "0.0",
                ExcelSheet.Kind.DATE, "yyyy-mm-dd", ExcelSheet.Kind.DATE_TIME, "yyyy-mm-dd hh:mm");
        formats.forEach((kind, pattern) -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(format.getFormat(pattern));
            styles.put(kind, style);
        });
        return styles;
    }

    private static CellStyle headerStyle(SXSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private static String uniqueName(String wanted, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Sheet" : wanted);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }
}
