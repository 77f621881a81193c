package org.overturn.underpayment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.TestPractices;
import org.overturn.WebClient;
import org.overturn.intake.RemittanceIntake;
import org.overturn.payer.PayerDirectory;
import org.overturn.practice.DemoPractices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 835s through intake for two practices with their own contracts with one payer: the lines allowed below the
 * contract are flagged on the remittance, listed for disputing and counted on the dashboard, each for its own
 * practice only; contractual reductions down to the contract are not.
 */
@OverturnIntegrationTest
class UnderpaymentIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    PayerDirectory payers;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    final String payer = "UP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void linesAllowedBelowTheContractAreFlaggedListedAndCountedForTheirPracticeOnly() {
        long first = TestPractices.first(jdbc);
        long second = TestPractices.of(jdbc, DemoPractices.PSYCHIATRIC_GROUP);
        payers.appealLimitDays(payer, "UNDERPAY PLAN", "12"); // the directory's entry, as a first 835 makes it
        contract(first, """
                [{"procedureCode": "90837", "allowedAmount": 140.00, "effectiveFrom": "2026-01-01"},
                 {"procedureCode": "90837", "modifier": "95", "allowedAmount": 150.00, "effectiveFrom": "2026-01-01"},
                 {"procedureCode": "90834", "allowedAmount": 100.00, "effectiveFrom": "2026-01-01"}]""");
        contract(second, """
                [{"procedureCode": "90837", "allowedAmount": 170.00, "effectiveFrom": "2026-01-01"}]""");

        long remittance = ingest("RIVERBEND*XX*" + DemoPractices.GROUP_THERAPY.npi(), "350",
                paid("UA1", "SVC*HC:90837*200*140**1", "CAS*CO*45*60"),
                paid("UA2", "SVC*HC:90837:95*200*140**1", "CAS*CO*45*60"),
                paid("UA3", "SVC*HC:90834*150*70**1", "CAS*CO*45*60", "CAS*PR*2*20"));
        ingest("MILLBROOK*XX*" + DemoPractices.PSYCHIATRIC_GROUP.npi(), "140",
                paid("UB1", "SVC*HC:90837*200*140**1", "CAS*CO*45*60"));

        assertThat(jdbc.queryForList("select patient_control_number || ' ' || underpaid_amount from underpayment"
                + " where payer_id = ? order by patient_control_number", String.class, payer))
                .as("the contractual reduction down to 140.00 (UA1) is none").containsExactly("UA2 10.00", "UA3 10.00",
                        "UB1 30.00");

        JsonNode detail = api("biller", "/api/remittances/" + remittance);
        assertThat(lineOf(detail, "UA2").get("underpayment").asText())
                .isEqualTo("paid $10.00 below contract ($150.00 contracted, $140.00 paid)");
        assertThat(lineOf(detail, "UA3").get("underpayment").asText()).isEqualTo("paid $10.00 below contract "
                + "($100.00 contracted, $90.00 paid: $70.00 by the payer, $20.00 owed by the patient)");
        assertThat(lineOf(detail, "UA1").get("underpayment").isNull()).isTrue();
        String page = WebClient.anonymous(port).as("biller").get("/remittances/" + remittance).body();
        assertThat(page).contains("class=\"badge warn underpaid\"")
                .contains("90837: paid $10.00 below contract ($150.00 contracted, $140.00 paid)");

        assertThat(mine(DemoPractices.FIRST_PRACTICE_USER)).as("biller-a: the first practice's only")
                .containsExactlyInAnyOrder("UA2", "UA3");
        assertThat(mine("biller")).containsExactlyInAnyOrder("UA2", "UA3", "UB1");

        assertThat(underpaid("manager", first).get("dollars").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(underpaid("manager", second).get("dollars").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(underpaid("manager", second).get("lines").asLong()).isEqualTo(1);
        assertThat(summary("manager", first)).contains("Underpaid (lines paid below contract) = 2 / 20.0");
        assertThat(WebClient.anonymous(port).as("manager").get("/dashboard?payer=" + payer + "&practice=" + first)
                .body()).contains("id=\"kpi-underpaid\">$20.00<");
    }

    /** The dashboard export's Summary sheet as "figure = count / dollars" lines. */
    private List<String> summary(String user, long practice) {
        byte[] xlsx = WebClient.anonymous(port).as(user).getBytes("/dashboard/export.xlsx?payer=" + payer
                + "&practice=" + practice).body();
        List<String> figures = new ArrayList<>();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            for (var row : workbook.getSheet("Summary")) {
                if (row.getRowNum() > 0 && row.getCell(1) != null) {
                    figures.add(row.getCell(0).getStringCellValue() + " = " + (long) row.getCell(1).getNumericCellValue()
                            + " / " + (row.getCell(2) == null ? "" : row.getCell(2).getNumericCellValue()));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return figures;
    }

    @Test
    void aDisputeIsRecordedUntilItEndsAndOnlyByThoseWhoWorkThePractice() {
        long second = TestPractices.of(jdbc, DemoPractices.PSYCHIATRIC_GROUP);
        payers.appealLimitDays(payer, "UNDERPAY PLAN", "12");
        contract(second, """
                [{"procedureCode": "90837", "allowedAmount": 150.00, "effectiveFrom": "2026-01-01"}]""");
        ingest("MILLBROOK*XX*" + DemoPractices.PSYCHIATRIC_GROUP.npi(), "140",
                paid("UC1", "SVC*HC:90837*200*140**1", "CAS*CO*45*60"));
        long id = jdbc.queryForObject("select id from underpayment where payer_id = ?", Long.class, payer);

        assertThat(move(DemoPractices.FIRST_PRACTICE_USER, id, "DISPUTED").getStatusCode())
                .as("not a practice of biller-a's").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(move("biller", id, "DISPUTED").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(move("biller", id, "RECOVERED").getBody().get("status").asText()).isEqualTo("RECOVERED");
        assertThat(move("biller", id, "DISPUTED").getStatusCode()).as("closed").isEqualTo(HttpStatus.CONFLICT);
        assertThat(underpaid("manager", second).get("open").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(underpaid("manager", second).get("dollars").decimalValue()).isEqualByComparingTo("10.00");
    }

    @Test
    void aSubstanceUseClaimsUnderpaymentShowsOnlyItsMoneyToUsersWithoutPart2Access() {
        payers.appealLimitDays(payer, "UNDERPAY PLAN", "12");
        contract(TestPractices.first(jdbc), """
                [{"procedureCode": "H0015", "allowedAmount": 300.00, "effectiveFrom": "2026-01-01"}]""");
        ingest("RIVERBEND*XX*" + DemoPractices.GROUP_THERAPY.npi(), "250",
                paid("UD1", "SVC*HC:H0015*400*250**1", "CAS*CO*45*150"));

        JsonNode biller = ofPayer("biller");
        assertThat(biller.get("underpaid").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(biller.get("patientControlNumber").asText()).startsWith("Restricted");
        assertThat(biller.get("procedure").isNull()).isTrue();
        assertThat(biller.get("serviceDate").isNull()).isTrue();
        JsonNode sudBiller = ofPayer("sud-biller");
        assertThat(sudBiller.get("patientControlNumber").asText()).isEqualTo("UD1");
        assertThat(sudBiller.get("procedure").asText()).isEqualTo("H0015");
    }

    @Test
    void aPartlyDeniedClaimShowsItsUnderpaidLineOnTheDenialPage() {
        payers.appealLimitDays(payer, "UNDERPAY PLAN", "12");
        contract(TestPractices.first(jdbc), """
                [{"procedureCode": "90837", "allowedAmount": 140.00, "effectiveFrom": "2026-01-01"}]""");
        ingest("RIVERBEND*XX*" + DemoPractices.GROUP_THERAPY.npi(), "130", new String[] {
                "CLP*UE1*1*350*130**12*ICN-UE1",
                "SVC*HC:90837*200*130**1", "DTM*472*20260220", "CAS*CO*45*70",
                "SVC*HC:90785*150*0**1", "DTM*472*20260220", "CAS*CO*50*150"});
        long denial = jdbc.queryForObject("select id from denial where payer_id = ? and patient_control_number = 'UE1'",
                Long.class, payer);

        String page = WebClient.anonymous(port).as("biller").get("/denials/" + denial).body();

        assertThat(page).contains("id=\"underpaid-line-1\"")
                .contains("paid $10.00 below contract ($140.00 contracted, $130.00 paid)")
                .doesNotContain("id=\"underpaid-line-2\"");
    }

    private JsonNode ofPayer(String user) {
        List<JsonNode> found = new ArrayList<>();
        api(user, "/api/underpayments?limit=1000").forEach(u -> {
            if (payer.equals(u.get("payerId").asText())) {
                found.add(u);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private void contract(long practice, String rates) {
        var answer = anonymous.withBasicAuth("admin", "demo").exchange("/api/practices/" + practice + "/payer-terms/"
                + payer, HttpMethod.PUT, json("{\"contractedRates\": " + rates + "}"), JsonNode.class);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
    }

    private static String[] paid(String pcn, String svc, String... cas) {
        String charge = svc.split("\\*")[2];
        String paid = svc.split("\\*")[3];
        List<String> segments = new ArrayList<>(List.of("CLP*" + pcn + "*1*" + charge + "*" + paid + "**12*ICN-" + pcn,
                svc, "DTM*472*20260220"));
        segments.addAll(List.of(cas));
        return segments.toArray(String[]::new);
    }

    private long ingest(String payee, String amount, String[]... claims) {
        var file = KnownRemittance.toPayee(payer, "UNDERPAY PLAN", payer + "-" + claims[0][0].split("\\*")[1],
                "20260302", amount, "N1*PE*" + payee);
        for (String[] claim : claims) {
            file.claim(claim);
        }
        var result = intake.ingest(payer + claims[0][0].split("\\*")[1] + ".835", file.bytes(), "UPLOAD", "test");
        return result.remittances().get(0).remittanceId();
    }

    private JsonNode api(String user, String path) {
        return anonymous.withBasicAuth(user, "demo").getForObject(path, JsonNode.class);
    }

    private static JsonNode lineOf(JsonNode remittance, String pcn) {
        for (JsonNode claim : remittance.get("claims")) {
            if (claim.get("patientControlNumber").asText().equals(pcn)) {
                return claim.get("lines").get(0);
            }
        }
        throw new AssertionError("no claim " + pcn);
    }

    private List<String> mine(String user) {
        List<String> pcns = new ArrayList<>();
        api(user, "/api/underpayments?limit=1000").forEach(u -> {
            if (payer.equals(u.get("payerId").asText())) {
                pcns.add(u.get("patientControlNumber").asText());
            }
        });
        return pcns;
    }

    private JsonNode underpaid(String user, long practice) {
        return api(user, "/api/dashboard?payer=" + payer + "&practice=" + practice).at("/dashboard/underpaid");
    }

    private org.springframework.http.ResponseEntity<JsonNode> move(String user, long id, String status) {
        return anonymous.withBasicAuth(user, "demo").exchange("/api/underpayments/" + id, HttpMethod.POST,
                json(Map.of("status", status)), JsonNode.class);
    }

    private static HttpEntity<Object> json(Object body) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
