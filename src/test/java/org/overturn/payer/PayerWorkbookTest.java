package org.overturn.payer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class PayerWorkbookTest {

    static final PayerProfile UHC = new PayerProfile("87726", "UNITED HEALTHCARE", PlanType.COMMERCIAL,
            "appeals@uhc.example.com", 180, 60, null, 90,
            "Frequency code 7 with the original payer claim number in REF*F8",
            "PO Box 30432", null, "Salt Lake City", "UT", "84130-0432", "877-842-3210", false);
    static final PayerProfile MEDICARE = new PayerProfile("06102", "NGS MEDICARE", PlanType.MEDICARE, null, 120, null,
            null, 365, null, null, null, null, "NY", "02134", null, true);

    static byte[] export(PayerProfile... profiles) throws IOException {
        var out = new ByteArrayOutputStream();
        PayerWorkbook.write(java.util.Arrays.stream(profiles).map(p -> new PayerDirectory.Entry(p,
                Instant.parse("2026-01-05T10:00:00Z"), p.needsReview() ? null : Instant.parse("2026-02-01T09:30:00Z"),
                p.needsReview() ? null : "manager")).toList(), out);
        return out.toByteArray();
    }

    @Test
    void writesOneNumericColumnPerDayCountUnderAFrozenFilteredHeader() throws IOException {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export(UHC, MEDICARE)))) {
            XSSFSheet sheet = workbook.getSheet("Payers");
            Row header = sheet.getRow(0);

            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Payer id");
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("Appeal limit (days)");
            assertThat(header.getCell(15).getStringCellValue()).isEqualTo("Claim status request after (days)");
            assertThat(header.getLastCellNum()).isEqualTo((short) 19);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:S3");
            Row uhc = sheet.getRow(1);
            assertThat(uhc.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(uhc.getCell(4).getNumericCellValue()).isEqualTo(180);
            assertThat(uhc.getCell(7).getNumericCellValue()).isEqualTo(90);
            assertThat(uhc.getCell(6).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(sheet.getRow(2).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("06102");
            assertThat(sheet.getRow(2).getCell(16).getStringCellValue()).isEqualTo("yes");
        }
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        var contents = PayerWorkbook.read(export(UHC, MEDICARE));

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.lines()).extracting(PayerWorkbook.Line::row).containsExactly(2, 3);
        assertThat(contents.lines().get(0).draft()).isEqualTo(PayerDraft.of(UHC));
        assertThat(contents.lines().get(1).draft()).isEqualTo(PayerDraft.of(MEDICARE));
    }

    @Test
    void readsNumbersTypedIntoTextColumnsAsAPersonMeantThem() throws IOException {
        byte[] edited = edit(export(UHC), sheet -> {
            Row row = sheet.getRow(1);
            row.getCell(0).setCellValue(87726d);              // payer id typed as a number
            row.getCell(13).setCellValue(2134d);              // ZIP code 02134 as Excel keeps it
            row.getCell(4).setCellValue("120");               // a day count typed as text
        });

        var draft = PayerWorkbook.read(edited).lines().get(0).draft();

        assertThat(draft.id()).isEqualTo("87726");
        assertThat(draft.postalCode()).isEqualTo("02134");
        assertThat(draft.appealLimitDays()).isEqualTo("120");
    }

    @Test
    void skipsBlankRowsAndReportsMissingOrUnknownColumns() throws IOException {
        byte[] edited = edit(export(UHC, MEDICARE), sheet -> {
            sheet.removeRow(sheet.getRow(1));
            sheet.getRow(0).getCell(3).setCellValue("Email");
        });

        var contents = PayerWorkbook.read(edited);

        assertThat(contents.problems()).extracting(PayerWorkbook.Problem::text).containsExactly(
                "Payers!R1 \"Email\": not a column of the payer list",
                "Payers!R1 \"Appeal email\": column missing");
    }

    @Test
    void readsAWorkbookExportedBeforeTheClaimStatusDaysColumnExisted() throws IOException {
        byte[] older = edit(export(UHC), sheet -> {
            for (Row row : sheet) {
                row.removeCell(row.getCell(15));
            }
        });

        var contents = PayerWorkbook.read(older);

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.lines().get(0).draft().claimStatusDays()).isNull();
        assertThat(contents.lines().get(0).draft().appealLimitDays()).isEqualTo("180");
    }

    @Test
    void reportsAnErrorCellWhereItIs() throws IOException {
        byte[] edited = edit(export(UHC), sheet -> sheet.getRow(1).getCell(1).setCellFormula("1/0"));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(edited))) {
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            var out = new ByteArrayOutputStream();
            workbook.write(out);
            edited = out.toByteArray();
        }

        assertThat(PayerWorkbook.read(edited).problems()).extracting(PayerWorkbook.Problem::text)
                .containsExactly("Payers!R2 \"Name\": holds the Excel error #DIV/0!");
    }

    @Test
    void saysSoWhenTheSheetIsMissing() throws IOException {
        byte[] renamed = edit(export(UHC), sheet -> sheet.getWorkbook().setSheetName(0, "Sheet1"));

        assertThat(PayerWorkbook.read(renamed).problems()).extracting(PayerWorkbook.Problem::text)
                .containsExactly("Payers: the workbook has no sheet named \"Payers\"");
    }

    @Test
    void refusesWhatIsNoXlsxWorkbook() throws IOException {
        assertRefused("ISA*00*          *00*".getBytes(StandardCharsets.US_ASCII), 415, "not an Excel workbook");
        assertRefused(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}, 415, ".xls");
        assertRefused(zip("readme.txt", new byte[10]), 415, "a ZIP file, not an Excel workbook");
        byte[] truncated = java.util.Arrays.copyOf(export(UHC), 600);
        assertRefused(truncated, 415, "not");
        assertRefused(new byte[(int) PayerWorkbook.MAX_BYTES + 1], 413, "larger than 5 MB");
    }

    @Test
    void refusesAWorkbookThatUnpacksToFarMoreThanAPayerList() throws IOException {
        byte[] bomb = zip("xl/workbook.xml", new byte[(int) PayerWorkbook.MAX_UNPACKED_BYTES + 1]);

        assertThat(bomb.length).isLessThan(1_000_000);
        assertRefused(bomb, 413, "unpacks to more than 50 MB");
    }

    private static void assertRefused(byte[] content, int status, String message) {
        assertThatThrownBy(() -> PayerWorkbook.read(content)).isInstanceOfSatisfying(PayerWorkbook.Refused.class,
                refused -> {
                    assertThat(refused.status()).isEqualTo(status);
                    assertThat(refused.getMessage()).contains(message);
                });
    }

    interface SheetEdit {
        void apply(Sheet sheet);
    }

    static byte[] edit(byte[] xlsx, SheetEdit edit) throws IOException {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            edit.apply(workbook.getSheetAt(0));
            var out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
        }
        return out.toByteArray();
    }
}
