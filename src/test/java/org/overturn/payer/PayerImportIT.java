package org.overturn.payer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** The directory to Excel and back: export, edit, import; a bad workbook imports nothing and says where it is bad. */
@OverturnIntegrationTest
class PayerImportIT {

    static final List<String> HEADERS = List.of("Payer id", "Name", "Plan type", "Appeal email",
            "Appeal limit (days)", "Level 2 appeal limit (days)", "Level 3 appeal limit (days)", "Timely filing (days)",
            "Corrected claim rules", "Address line 1", "Address line 2", "City", "State", "ZIP code", "Phone",
            "Claim status request after (days)");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PayerDirectory directory;
    @Autowired
    PayerEdits edits;

    final String prefix = "PI" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    PayerProfile aetna() {
        return edits.save(prefix + "-A", new PayerDraft(null, "AETNA BETTER HEALTH", "MEDICAID",
                "appeals@aetna.example.com", "60", "30", null, "180",
                "Frequency code 7, original claim number in REF*F8",
                "PO Box 982963", null, "El Paso", "TX", "79998", "855-232-3596"), "manager").after();
    }

    /** A payer first met in an 835: default terms, needing review. */
    PayerProfile fromAnEra() {
        directory.appealLimitDays(prefix + "-B", "NGS MEDICARE", "MB");
        return directory.profile(prefix + "-B").orElseThrow();
    }

    @Test
    void anExportedWorkbookImportsBackWithTheEditsMadeInExcel() throws IOException {
        PayerProfile a = aetna();
        PayerProfile b = fromAnEra();
        var export = as("biller").getForEntity("/api/payers/export.xlsx", byte[].class);
        assertThat(export.getHeaders().getContentType()).hasToString(PayerController.XLSX);

        byte[] edited = edit(export.getBody(), sheet -> {
            for (Row row : List.copyOf(rows(sheet))) {
                if (!row.getCell(0).getStringCellValue().startsWith(prefix)) {
                    sheet.removeRow(row); // leaves a blank row, which an import skips
                } else if (row.getCell(0).getStringCellValue().equals(a.id())) {
                    row.getCell(3).setCellValue("bh-appeals@aetna.example.com");
                    row.getCell(6).setCellValue(15);
                }
            }
            Row added = sheet.createRow(sheet.getLastRowNum() + 1);
            cells(added, prefix + "-C", "CIGNA", "COMMERCIAL", null, 180d, null, null, 90d);
        });

        var imported = upload("manager", edited, "payers.xlsx");

        assertThat(imported.getStatusCode().value()).isEqualTo(200);
        assertThat(imported.getBody().get("created").asInt()).isEqualTo(1);
        assertThat(imported.getBody().get("updated").asInt()).isEqualTo(2);
        assertThat(directory.profile(a.id())).contains(new PayerProfile(a.id(), a.name(), a.planType(),
                "bh-appeals@aetna.example.com", 60, 30, 15, 180, a.correctedClaimRules(), a.addressLine1(), null,
                a.city(), a.state(), a.postalCode(), a.phone(), false));
        assertThat(directory.profile(b.id())).contains(new PayerProfile(b.id(), b.name(), PlanType.MEDICARE, null,
                120, null, null, 365, null, null, null, null, null, null, null, false));
        assertThat(directory.profile(prefix + "-C").orElseThrow().timelyFilingDays()).isEqualTo(90);
        assertThat(jdbc.queryForList("select record_id || ' ' || detail from audit_event where action = 'PAYER_CHANGED'"
                + " and record_id like ? order by id", String.class, prefix + "%")).containsSubsequence(
                a.id() + " import: changed appealEmail, thirdLevelAppealLimitDays",
                b.id() + " import: confirmed the default terms",
                prefix + "-C import: created");
        assertThat(jdbc.queryForList("select detail from audit_event where record_type = 'payer-import' "
                + "and actor = 'manager'", String.class)).contains("file payers.xlsx: 1 created, 2 updated");
    }

    @Test
    void aWorkbookWithBadRowsImportsNothingAndSaysWhereEachProblemIs() throws IOException {
        PayerProfile a = aetna();
        byte[] workbook = workbook(sheet -> {
            cells(sheet.createRow(1), a.id(), "RENAMED", "MEDICAID", null, 60d, null, null, 180d);
            cells(sheet.createRow(2), prefix + "-N1", "MAGELLAN", "COMMERCIAL", "appeals@magellan.example.com",
                    180d, null, null, 90d);
            cells(sheet.createRow(3), prefix + "-N2", "BEACON", "COMMERCIAL", "appeals(at)beacon", 180d, null,
                    null, 90d);
            cells(sheet.createRow(4), prefix + "-N3", "CARELON", "PPO", null, -30d, null, null, 90.5);
            sheet.createRow(5);
            cells(sheet.createRow(6), prefix + "-N1", "MAGELLAN AGAIN", "COMMERCIAL", null, 180d, null, null, 90d);
            Row row = sheet.createRow(7);
            cells(row, prefix + "-N4", null, "medicaid", null, "ninety", null, null, null);
            row.createCell(12).setCellValue("N.Y.");
            row.createCell(13).setCellValue("1234-5");
        });

        var response = upload("admin", workbook, "payers.xlsx");

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().get("error").asText()).contains("nothing was imported");
        assertThat(response.getBody().get("problems").findValuesAsText("text")).containsExactly(
                "Payers!R4 \"Appeal email\": not an email address",
                "Payers!R5 \"Plan type\": not a plan type: one of COMMERCIAL, MEDICARE, MEDICARE_ADVANTAGE, MEDICAID, "
                        + "TRICARE, OTHER",
                "Payers!R5 \"Appeal limit (days)\": must be a positive number of days",
                "Payers!R5 \"Timely filing (days)\": must be a whole number of days",
                "Payers!R7 \"Payer id\": the same payer id as row 3",
                "Payers!R8 \"Name\": required",
                "Payers!R8 \"Appeal limit (days)\": not a number of days",
                "Payers!R8 \"State\": must be the state's two letters, e.g. NY",
                "Payers!R8 \"ZIP code\": not a ZIP code (5 or 9 digits)");
        JsonNode first = response.getBody().get("problems").get(0);
        assertThat(first.get("sheet").asText()).isEqualTo("Payers");
        assertThat(first.get("row").asInt()).isEqualTo(4);
        assertThat(first.get("column").asText()).isEqualTo("Appeal email");
        assertThat(directory.profile(a.id())).contains(a);
        assertThat(jdbc.queryForObject("select count(*) from payer where id like ?", Long.class, prefix + "-N%"))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'PAYER_CHANGED' "
                + "and (record_id like ? or (record_type = 'payer-import' and actor = 'admin'))", Long.class,
                prefix + "-N%")).isZero();
    }

    @Test
    void refusesAFileThatIsNoWorkbook() {
        byte[] era = "ISA*00*          *00*          *ZZ*PAYER~".getBytes(StandardCharsets.US_ASCII);

        var response = upload("manager", era, "payers.xlsx");

        assertThat(response.getStatusCode().value()).isEqualTo(415);
        assertThat(response.getBody().get("error").asText()).isEqualTo("This is not an Excel workbook (.xlsx)");
    }

    @Test
    void onlyManagersAndAdminsImport() throws IOException {
        byte[] workbook = workbook(sheet -> cells(sheet.createRow(1), prefix + "-X", "X", "OTHER", null, 90d, null,
                null, 90d));

        assertThat(upload("biller", workbook, "x.xlsx").getStatusCode().value()).isEqualTo(403);
        assertThat(upload(null, workbook, "x.xlsx").getStatusCode().value()).isEqualTo(401);
        assertThat(directory.profile(prefix + "-X")).isEmpty();
    }

    interface SheetEdit {
        void apply(Sheet sheet);
    }

    private static byte[] workbook(SheetEdit rows) throws IOException {
        try (var workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Payers");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            rows.apply(sheet);
            return bytes(workbook);
        }
    }

    private static byte[] edit(byte[] xlsx, SheetEdit edit) throws IOException {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            edit.apply(workbook.getSheet("Payers"));
            return bytes(workbook);
        }
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        var out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private static List<Row> rows(Sheet sheet) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            if (sheet.getRow(r) != null) {
                rows.add(sheet.getRow(r));
            }
        }
        return rows;
    }

    /** The first columns of a row, from the id to timely filing: numbers as number cells, text as text. */
    private static void cells(Row row, Object... values) {
        for (int c = 0; c < values.length; c++) {
            if (values[c] instanceof Double number) {
                row.createCell(c).setCellValue(number);
            } else if (values[c] != null) {
                row.createCell(c).setCellValue(values[c].toString());
            }
        }
    }

    private ResponseEntity<JsonNode> upload(String user, byte[] content, String name) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        TestRestTemplate client = user == null ? rest : as(user);
        return client.postForEntity("/api/payers/import", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }
}
