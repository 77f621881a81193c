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
import java.util.concurrent.atomic.AtomicLong;
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
     * 100,000 rows generated on demand (never held in a list) stream through a heap far smaller than the
     * workbook would need in memory; the file is read back with POI's streaming reader.
     */
    @Test
    void streamsAHundredThousandRowsInLittleMemory(@TempDir Path dir) throws Exception {
        int rows = 100_000;
        AtomicLong produced = new AtomicLong();
        ExcelSheet.RowSource<Line> generated = (Consumer<? super Line> sink) -> {
            for (long i = 1; i <= rows; i++) {
                produced.incrementAndGet();
                sink.accept(new Line(i, "Payer " + (i % 37), BigDecimal.valueOf(i, 2), (i % 100) / 100.0,
                        LocalDate.of(2026, 1, 1).plusDays(i % 365)));
            }
        };
        Path file = dir.resolve("large.xlsx");
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        PeakHeap peak = PeakHeap.watch();
        try (OutputStream out = Files.newOutputStream(file)) {
            ExcelWriter.write(out, List.of(new ExcelSheet<>("Large", COLUMNS, generated)));
        }
        long peakGrowth = peak.stop() - before;
        assertThat(produced.get()).isEqualTo(rows);
        // an in-memory XSSF workbook of this size needs several hundred MB; the streaming one stays small
        assertThat(peakGrowth).isLessThan(256L * 1024 * 1024);
        assertThat(Files.size(file)).isGreaterThan(1_000_000);

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

    /** Samples the used heap every few milliseconds while a piece of work runs. */
    static final class PeakHeap {
        private final Thread sampler;
        private volatile boolean running = true;
        private volatile long peak;

        private PeakHeap() {
            Runtime runtime = Runtime.getRuntime();
            sampler = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "peak-heap");
            sampler.setDaemon(true);
        }

        static PeakHeap watch() {
            PeakHeap watch = new PeakHeap();
            watch.sampler.start();
            return watch;
        }

        long stop() throws InterruptedException {
            running = false;
            sampler.join();
            return peak;
        }
    }
}
