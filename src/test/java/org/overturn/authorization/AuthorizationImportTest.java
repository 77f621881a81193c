package org.overturn.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class AuthorizationImportTest {

    static final String HEADER = "Payer id,Member id,Authorization number,Level of care,Services (codes),Counts,"
            + "Approved,From,To,Rendering NPI\n";

    @Test
    void readsEveryRowOfACsvFileIntoTerms() {
        var read = AuthorizationImport.read("auths.csv", (HEADER
                + "60054,KHP100,A-1,,\"S9480, H0015\",DAYS,20,2026-03-01,3/31/2026,\n"
                + "60054,KHP200,A-2,OUTPATIENT,90837,VISITS,12,2026-03-01,2026-06-30,1497758544\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(read.problems()).isEmpty();
        assertThat(read.terms()).hasSize(2);
        AuthorizationTerms iop = read.terms().get(0);
        assertThat(iop.levelOfCare()).as("from the services").isEqualTo(LevelOfCare.INTENSIVE_OUTPATIENT);
        assertThat(iop.procedures()).containsExactly("S9480", "H0015");
        assertThat(iop.unitType()).isEqualTo(UnitType.DAYS);
        assertThat(iop.to()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(iop.status()).isEqualTo(AuthorizationStatus.APPROVED);
        assertThat(read.terms().get(1).renderingNpi()).isEqualTo("1497758544");
    }

    @Test
    void namesEveryBadCellByRowAndColumnAndKeepsNoRow() {
        var read = AuthorizationImport.read("auths.csv", (HEADER
                + "60054,KHP100,A-1,,90837,,ten,2026-03-01,2026-02-01,\n"
                + "60054,,A-2,OUTPATIENT,90837,,12,2026-13-01,2026-06-30,12345\n"
                + "60054,KHP300,A-3,OUTPATIENT,90837,,4,2026-03-01,2026-06-30,\n"
                + "60054,KHP301,A-3,SOMEWHERE,90837,,4,2026-03-01,2026-06-30,\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(read.terms()).as("nothing half-imported").isEmpty();
        assertThat(read.problems()).extracting(AuthorizationImport.Problem::text).containsExactlyInAnyOrder(
                "row 2 \"Approved\": not a number",
                "row 2 \"To\": ends before it starts (2026-03-01)",
                "row 3 \"Member id\": required",
                "row 3 \"From\": \"2026-13-01\" is not a date (2026-03-31 or 3/31/2026)",
                "row 3 \"Rendering NPI\": an NPI is 10 digits",
                "row 5 \"Level of care\": \"SOMEWHERE\" is not one of OUTPATIENT, INTENSIVE_OUTPATIENT, "
                        + "PARTIAL_HOSPITALIZATION, RESIDENTIAL, WITHDRAWAL_MANAGEMENT, INPATIENT");
    }

    @Test
    void theSamePayerAndNumberTwiceInOneFileIsAProblemOfTheSecondRow() {
        var read = AuthorizationImport.read("auths.csv", (HEADER
                + "60054,KHP100,A-1,,90837,,4,2026-03-01,2026-04-01,\n"
                + "60054,KHP100,A-1,,90837,,6,2026-03-01,2026-04-01,\n").getBytes(StandardCharsets.UTF_8));

        assertThat(read.problems()).extracting(AuthorizationImport.Problem::text)
                .containsExactly("row 3 \"Authorization number\": the same payer and number as row 2");
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsOrWithAnUnknownOneIsRefusedWhole() {
        var read = AuthorizationImport.read("auths.csv", "Payer id,Member,Authorization number,Approved,From,To\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(read.problems()).extracting(AuthorizationImport.Problem::text).containsExactlyInAnyOrder(
                "row 1 \"Member\": not a column of the register", "row 1 \"Member id\": column missing");
    }

    @Test
    void theTemplateFilledInExcelImports() throws IOException {
        byte[] template = AuthorizationImport.template();
        byte[] filled;
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template)); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheet(AuthorizationImport.SHEET);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Payer id");
            Row row = sheet.createRow(1);
            row.createCell(AuthorizationField.PAYER_ID.ordinal()).setCellValue("60054");
            row.createCell(AuthorizationField.MEMBER_ID.ordinal()).setCellValue("00012345");
            row.createCell(AuthorizationField.NUMBER.ordinal()).setCellValue("A-9");
            row.createCell(AuthorizationField.PROCEDURES.ordinal()).setCellValue("90837");
            row.createCell(AuthorizationField.UNITS_APPROVED.ordinal()).setCellValue(8);
            var date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("m/d/yy"));
            var from = row.createCell(AuthorizationField.FROM.ordinal());
            from.setCellValue(LocalDate.of(2026, 3, 1));
            from.setCellStyle(date);
            row.createCell(AuthorizationField.TO.ordinal()).setCellValue("2026-05-31");
            workbook.write(out);
            filled = out.toByteArray();
        }

        var read = AuthorizationImport.read("filled.xlsx", filled);

        assertThat(read.problems()).isEmpty();
        AuthorizationTerms terms = read.terms().get(0);
        assertThat(terms.memberId()).as("leading zeros kept").isEqualTo("00012345");
        assertThat(terms.unitsApproved()).isEqualByComparingTo(new BigDecimal(8));
        assertThat(terms.from()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(terms.levelOfCare()).isEqualTo(LevelOfCare.OUTPATIENT);
    }

    @Test
    void anOldExcelFileOrAnythingUnreadableIsRefusedBeforeAnyRowIsRead() {
        assertThatThrownBy(() -> AuthorizationImport.read("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11,
                (byte) 0xE0, 0, 0})).hasMessageContaining(".xls");
        assertThatThrownBy(() -> AuthorizationImport.read("broken.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3}))
                .hasMessageContaining("not a readable Excel workbook");
        assertThatThrownBy(() -> AuthorizationImport.read("latin1.csv", new byte[] {'a', (byte) 0xE9, ','}))
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> AuthorizationImport.read("empty.csv", new byte[0])).hasMessageContaining("empty");
    }

    @Test
    void theLevelOfCareTableIsParitysTable() {
        var codes = new java.util.ArrayList<>(java.util.List.of("90837", "90791", "90853"));
        org.overturn.codeset.BehavioralHealthCodes.shipped().entries().stream()
                .filter(e -> e.set().name().startsWith("LEVEL_")).forEach(e -> codes.add(e.code()));
        for (String code : codes) {
            assertThat(LevelOfCare.of(code).name()).as(code)
                    .isEqualTo(org.overturn.parity.LevelOfCare.of(java.util.List.of(code)).name());
        }
    }
}
