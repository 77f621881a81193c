package org.overturn.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** Workbooks as Excel reads them: typed cells, frozen header, autofilter, and 100,000 streamed rows. */
class ExcelWriterTest {

    record Line(long id, String payer, BigDecimal atRisk, double rate, LocalDate due) {
    }

    static final List<ExcelSheet.Column<Line>> COLUMNS = List.of(
            ExcelSheet.integer("Denial", Line::id), ExcelSheet.text("Payer", 20, Line::payer),
            ExcelSheet.money("At risk", Line::atRisk), ExcelSheet.percent("Rate", Line::rate),
            ExcelSheet.date("Appeal due", Line::due));

    @Test
    void writesTypedCellsUnderAFrozenFilteredHeader() throws IOException {
        var out = new ByteArrayOutputStream();
        ExcelWriter.write(out, List.of(ExcelSheet.of("Denials", List.of(
                new Line(7, "ACME", new BigDecimal("1234.50"), 0.25, LocalDate.of(2026, 4, 1)),
                new Line(8, null, new BigDecimal("0.10"), 1, LocalDate.of(2026, 5, 2))), COLUMNS)));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("Denials");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("At risk");
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).isPositive();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef())
                    .isEqualTo("A1:E3");
            var first = sheet.getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(7);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(1234.5);
            assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(DateUtil.isCellDateFormatted(first.getCell(4))).isTrue();
            assertThat(first.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 4, 1));
            assertThat(sheet.getRow(2).getCell(1)).isNull();
        }
    }

    @Test
    void givesEverySheetAUniqueValidName() throws IOException {
        var out = new ByteArrayOutputStream();
        ExcelWriter.write(out, List.of(ExcelSheet.of("Rates: by payer/week?", List.<Line>of(), COLUMNS),
                ExcelSheet.of("Rates: by payer/week?", List.<Line>of(), COLUMNS)));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(0)).doesNotContain(":", "/", "?");
            assertThat(workbook.getSheetName(1)).isNotEqualTo(workbook.getSheetName(0)).endsWith("(2)");
        }
    }

    /**
     * 100,000 rows generated on demand (never held in a list) written by a separate JVM whose heap is capped at
     * 64 MB, far below what the same workbook needs in memory; the file is then read back with POI's streaming
     * reader.
     */
    @Test
    void streamsAHundredThousandRowsThroughA64MegabyteHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.xlsx");
        Path output = dir.resolve("jvm-output.txt");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), LargeExport.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(jvm.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).as("export finished in time").isTrue();
        assertThat(jvm.exitValue()).as(Files.readString(output)).isZero();
        assertThat(Files.size(file)).isGreaterThan(1_000_000);
        int rows = LargeExport.ROWS;

        long[] lastRow = {-1};
        String[] lastId = {null};
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            try (InputStream sheet = reader.getSheetsData().next()) {
                var parser = SAXParserFactory.newInstance();
                parser.setNamespaceAware(true);
                parser.newSAXParser().parse(sheet, new DefaultHandler() {
                    boolean inFirstCellValue;
                    boolean firstCell;

                    @Override
                    public void startElement(String uri, String local, String qName, Attributes attributes) {
                        if (local.equals("row")) {
                            lastRow[0] = Long.parseLong(attributes.getValue("r"));
                            firstCell = true;
                        } else if (local.equals("c")) {
                            inFirstCellValue = false;
                        } else if (local.equals("v") && firstCell) {
                            inFirstCellValue = true;
                            lastId[0] = "";
                        }
                    }

                    @Override
                    public void characters(char[] ch, int start, int length) {
                        if (inFirstCellValue) {
                            lastId[0] += new String(ch, start, length);
                        }
                    }

                    @Override
                    public void endElement(String uri, String local, String qName) {
                        if (local.equals("v") && inFirstCellValue) {
                            inFirstCellValue = false;
                            firstCell = false;
                        }
                    }
                });
            }
        }
        assertThat(lastRow[0]).isEqualTo(rows + 1); // the header, then every row
        assertThat(Double.parseDouble(lastId[0])).isEqualTo(rows);
    }

    /** Writes {@value #ROWS} generated rows to the file named by its argument; run in a JVM with a small heap. */
    public static final class LargeExport {

        static final int ROWS = 100_000;

        public static void main(String[] args) throws IOException {
            ExcelSheet.RowSource<Line> generated = (Consumer<? super Line> sink) -> {
                for (long i = 1; i <= ROWS; i++) {
                    sink.accept(new Line(i, "Payer " + (i % 37), BigDecimal.valueOf(i, 2), (i % 100) / 100.0,
                            LocalDate.of(2026, 1, 1).plusDays(i % 365)));
                }
            };
            try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
                ExcelWriter.write(out, List.of(new ExcelSheet<>("Large", COLUMNS, generated)));
            }
        }
    }
}
