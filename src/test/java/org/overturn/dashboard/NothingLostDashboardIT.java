package org.overturn.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard page and its Excel export count the denials closed with nothing lost apart from the write-offs, by
 * the way they closed (the process paths that close them are NothingLostIT's).
 */
@OverturnIntegrationTest
class NothingLostDashboardIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    final String payer = "NLD" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void showsNothingLostApartFromWriteOffsOnThePageAndInTheExport() throws Exception {
        intake.ingest(payer + ".835", KnownRemittance.from(payer, "NOTHING LOST PLAN", payer, "20260302", "0")
                .claim("CLP*N1*4*100*0**12", "CAS*CO*202*100", "SVC*HC:90837*100*0**1", "DTM*472*20260220")
                .claim("CLP*N2*4*40*0**12", "CAS*CO*202*40", "SVC*HC:90834*40*0**1", "DTM*472*20260221")
                .claim("CLP*N3*4*25*0**12", "CAS*CO*202*25", "SVC*HC:90834*25*0**1", "DTM*472*20260222")
                .bytes(), "UPLOAD", "test");
        KnownRemittance.awaitTasks(jdbc, payer, 3);
        close("N1", "RECOUPMENT_ACCEPTED");
        close("N2", "PAID_ELSEWHERE");
        close("N3", "WRITTEN_OFF");

        var web = WebClient.anonymous(port).as("manager");
        assertThat(web.get("/dashboard?payer=" + payer).body()).contains(
                "id=\"kpi-nothing-lost\">$140.00<", "2 denials, not written off: 0 duplicates of paid claims · "
                        + "1 recoupments accepted · 1 paid elsewhere", "id=\"kpi-written-off\">$25.00<");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(
                web.getBytes("/dashboard/export.xlsx?payer=" + payer).body()))) {
            List<String> figures = new ArrayList<>();
            for (Row row : workbook.getSheet("Summary")) {
                if (row.getRowNum() > 0 && row.getCell(1) != null) {
                    figures.add(row.getCell(0).getStringCellValue() + " = " + (long) row.getCell(1).getNumericCellValue()
                            + " / " + (row.getCell(2) == null ? "" : row.getCell(2).getNumericCellValue()));
                }
            }
            assertThat(figures).contains("Written off = 1 / 25.0",
                    "Closed with nothing lost (not written off) = 2 / 140.0",
                    "  duplicate of a paid claim = 0 / 0.0", "  recoupment accepted = 1 / 100.0",
                    "  paid by another payer or a later payment = 1 / 40.0");
        }
    }

    private void close(String claim, String status) {
        jdbc.update("update denial set status = ?, closed_at = now() where payer_id = ? and patient_control_number = ?",
                status, payer, claim);
    }
}
