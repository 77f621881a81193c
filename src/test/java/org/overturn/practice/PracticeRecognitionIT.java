package org.overturn.practice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The practice of an 835 is its payee: known by NPI or tax id, a stranger becomes a PENDING practice. */
@OverturnIntegrationTest
class PracticeRecognitionIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    Practices practices;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    final String payer = "PR" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final ObjectMapper json = new ObjectMapper();

    private long ingestTo(String pcn, String... payee) {
        intake.ingest(pcn + ".835", KnownRemittance.toPayee(payer, "ACME HEALTH", payer + "-" + pcn, "20260302", "0",
                        payee)
                .claim("CLP*" + pcn + "*4*150*0**12", "CAS*CO*50*150", "SVC*HC:90837*150*0**1", "DTM*472*20260220")
                .bytes(), "UPLOAD", "test");
        return jdbc.queryForObject("select id from denial where patient_control_number = ? and payer_id = ?",
                Long.class, pcn, payer);
    }

    private long practiceIdOf(String npi) {
        return jdbc.queryForObject("select id from practice where group_npi = ?", Long.class, npi);
    }

    @Test
    void aPayeeNamedByItsNpiIsItsPracticeOnTheRemittanceAndTheDenial() throws Exception {
        long denial = ingestTo("PA1", "N1*PE*RIVERBEND*XX*" + DemoPractices.GROUP_THERAPY.npi());

        long practice = practiceIdOf(DemoPractices.GROUP_THERAPY.npi());
        JsonNode one = json.readTree(WebClient.anonymous(port).withBasic("biller").get("/api/denials/" + denial).body());
        assertThat(one.get("practice").get("id").asLong()).isEqualTo(practice);
        assertThat(one.get("practice").get("name").asText()).isEqualTo(DemoPractices.GROUP_THERAPY.name());
        long remittance = jdbc.queryForObject("""
                select c.remittance_id from claim_payment c join denial d on d.claim_payment_id = c.id where d.id = ?
                """, Long.class, denial);
        JsonNode row = json.readTree(WebClient.anonymous(port).withBasic("biller")
                .get("/api/remittances/" + remittance).body()).get("remittance");
        assertThat(row.get("practice").get("name").asText()).isEqualTo(DemoPractices.GROUP_THERAPY.name());
    }

    @Test
    void aPayeeNamedByItsTaxIdAloneIsThePracticeWithThatTaxId() {
        long denial = ingestTo("PA2", "N1*PE*MILLBROOK PSYCH*FI*" + DemoPractices.PSYCHIATRIC_GROUP.taxId());

        assertThat(jdbc.queryForObject("select practice_id from denial where id = ?", Long.class, denial))
                .isEqualTo(practiceIdOf(DemoPractices.PSYCHIATRIC_GROUP.npi()));
    }

    @Test
    void anUnknownPayeeBecomesOnePendingPracticeWithItsNpiAndTaxId() {
        String npi = "9" + String.valueOf(System.nanoTime()).substring(0, 9);
        // a tax id of its own: other tests in the shared database pay to 123456789, and a known tax id is matched
        String taxId = npi.substring(1);
        long first = ingestTo("PA3", "N1*PE*NEW LEAF COUNSELING*XX*" + npi, "REF*TJ*" + taxId);
        long second = ingestTo("PA4", "N1*PE*NEW LEAF COUNSELING*XX*" + npi, "REF*TJ*" + taxId);

        long practice = practiceIdOf(npi);
        Practice pending = practices.find(practice).orElseThrow();
        assertThat(pending.status()).isEqualTo(PracticeStatus.PENDING);
        assertThat(pending.name()).isEqualTo("NEW LEAF COUNSELING");
        assertThat(pending.taxId()).isEqualTo(taxId);
        assertThat(pending.recognisedFrom()).isEqualTo(Practices.FROM_835_PAYEE);
        assertThat(jdbc.queryForList("select distinct practice_id from denial where id in (?, ?)", Long.class,
                first, second)).containsExactly(practice);
    }

    @Test
    void aBillerOfTheFirstPracticeSeesNothingOfAnother() throws Exception {
        long mine = ingestTo("PA5", "N1*PE*RIVERBEND*XX*" + DemoPractices.GROUP_THERAPY.npi());
        long other = ingestTo("PA6", "N1*PE*HARBOR LIGHT*XX*" + DemoPractices.SUD_PROGRAM.npi());

        WebClient billerA = WebClient.anonymous(port).withBasic(DemoPractices.FIRST_PRACTICE_USER);
        assertThat(billerA.get("/api/denials/" + mine).statusCode()).isEqualTo(200);
        assertThat(billerA.get("/api/denials/" + other).statusCode()).isEqualTo(403);
        JsonNode list = json.readTree(billerA.get("/api/denials?payer=" + payer).body());
        java.util.List<Long> ids = new java.util.ArrayList<>();
        list.get("content").forEach(row -> ids.add(row.get("id").asLong()));
        assertThat(ids).containsExactly(mine);
        assertThat(list.get("totalElements").asLong()).isEqualTo(1);
        JsonNode all = json.readTree(WebClient.anonymous(port).withBasic("biller").get("/api/denials?payer=" + payer)
                .body());
        assertThat(all.get("totalElements").asLong()).isEqualTo(2);
    }
}
