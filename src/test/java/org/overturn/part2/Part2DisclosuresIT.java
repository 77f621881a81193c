package org.overturn.part2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.RemittanceIntake;
import org.overturn.letters.LetterFacts;
import org.overturn.letters.LetterKind;
import org.overturn.letters.Letters;
import org.overturn.letters.Part2GatedSending;
import org.overturn.part2.Recipient.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The accounting of disclosures (42 CFR 2.25): each recipient a Part 2 record went to, under which consent, listed and
 * downloaded per patient by admins, audited; and a complaint to a regulator that leaves only under a consent naming it.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Part2DisclosuresIT {

    static final String PAYER = "DISCLOSURE-PLAN";
    static final LocalDate BORN = LocalDate.of(1979, 2, 11);
    static final Recipient REGULATOR = new Recipient(Kind.REGULATOR, null, "Testland Department of Insurance");

    @Autowired
    RemittanceIntake intake;
    @Autowired
    PatientConsents consents;
    @Autowired
    Part2GatedSending gate;
    @Autowired
    Letters letters;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    Clock clock;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    long denialId;
    LocalDate today;

    @BeforeAll
    void ingestASubstanceUseDenial() {
        today = LocalDate.now(clock);
        intake.ingest("disclosures.835", KnownRemittance.from(PAYER, "DISCLOSURE PLAN", "DISCLOSURE-1", "20260302", "0")
                .claim("CLP*DISC-1*4*420*0**12", "CAS*CO*50*420", "NM1*QC*1*HALVORSEN*INGRID****MI*DISC-M1",
                        "SVC*HC:H2036*420*0**1", "DTM*472*20260220")
                .bytes(), "UPLOAD", "test");
        denialId = jdbc.queryForObject("select id from denial where payer_id = ?", Long.class, PAYER);
        assertThat(jdbc.queryForObject("select part2 from denial where id = ?", Boolean.class, denialId))
                .as("H2036 is a substance-use service").isTrue();
    }

    private Consent consentTo(Recipient recipient) {
        return consents.recordForDenial(denialId, new ConsentTerms(null, null, BORN, null, null,
                "Claims, the parity evidence and the treatment records of the denied services", recipient, false,
                "Parity complaint about the denial of residential treatment", today.plusYears(1), null, "the patient",
                today), "sud-biller");
    }

    @Test
    void adminsListAndDownloadAPatientsAccountingAndEveryLookIsAudited() {
        Consent consent = consentTo(REGULATOR);
        gate.accountDeliveredByHand(denialId, REGULATOR, "parity complaint with its evidence", "parity-pat");

        JsonNode rows = rest.withBasicAuth("admin", "demo").getForObject("/api/part2/disclosures?lastName=halvorsen"
                + "&firstName=Ingrid&birthDate=" + BORN, JsonNode.class);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("recipientKind").asText()).isEqualTo("REGULATOR");
            assertThat(row.get("recipientName").asText()).isEqualTo("Testland Department of Insurance");
            assertThat(row.get("consentId").asLong()).isEqualTo(consent.id());
            assertThat(row.get("information").asText()).isEqualTo("parity complaint with its evidence");
            assertThat(row.get("purpose").asText()).isEqualTo("Parity complaint about the denial of residential "
                    + "treatment");
            assertThat(row.get("disclosedBy").asText()).isEqualTo("parity-pat");
            assertThat(row.get("denialId").asLong()).isEqualTo(denialId);
        });
        assertThat(rest.withBasicAuth("admin", "demo").getForObject("/api/part2/disclosures?lastName=HALVORSEN"
                + "&firstName=INGRID&birthDate=" + BORN.plusDays(1), JsonNode.class)).as("born another day").isEmpty();

        var csv = rest.withBasicAuth("admin", "demo").getForEntity("/api/part2/disclosures.csv?lastName=HALVORSEN"
                + "&firstName=INGRID", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("part2-disclosures.csv");
        assertThat(csv.getBody().lines().toList()).hasSize(2).first().asString().startsWith("disclosed_at,recipient_kind");
        assertThat(csv.getBody()).contains("REGULATOR,Testland Department of Insurance", "," + consent.id() + ",");
        assertThat(rest.withBasicAuth("admin", "demo").getForObject("/api/denials/" + denialId
                + "/disclosures?format=csv", String.class)).contains("parity complaint with its evidence");

        for (String user : List.of("biller", "sud-biller", "manager", "parity")) {
            assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/part2/disclosures.csv?lastName=HALVORSEN"
                    + "&firstName=INGRID", String.class).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(jdbc.queryForList("select action from audit_event where actor = 'admin' and record_type = "
                + "'part2-accounting'", String.class)).contains("VIEW", "EXPORT");
    }

    @Test
    void aComplaintToTheRegulatorIsDownloadedForFilingOnlyUnderAConsentNamingIt() {
        var complaint = letters.render(denialId, LetterKind.PARITY_COMPLAINT, 0, "The plan applies stricter criteria.",
                "parity-pat", new LetterFacts.Parity("ERISA", "MHPAEA (29 U.S.C. 1185a)", "NQTL_MEDICAL_NECESSITY",
                        "medical-necessity criteria", "LIKELY", "stricter criteria", "Residential", "2026-03-01",
                        "2026-03-31", null, "Testland Department of Financial Services", List.of("1 Main St"),
                        "File online", List.of("The payer's denial")));
        String pdf = "/letters/" + complaint.id() + ".pdf";
        assertThat(letters.addressee(complaint.id())).contains(new Recipient(Kind.REGULATOR, null,
                "Testland Department of Financial Services"));

        // a page path: signed in with a session, as the browser is
        var admin = org.overturn.WebClient.anonymous(port).as("admin");
        assertThat(admin.getBytes(pdf).statusCode()).isEqualTo(409);
        consentTo(new Recipient(Kind.REGULATOR, null, "Testland Department of Financial Services"));

        var downloaded = admin.getBytes(pdf);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.headers().firstValue("Content-Type")).contains("application/pdf");
        // a complaint filed by hand is no pending email: the payer's consent is all the next emailed letter needs
        assertThat(gate.uncovered(denialId)).contains(Recipient.payer(PAYER, "DISCLOSURE PLAN"));
        consentTo(Recipient.payer(PAYER, null));
        assertThat(gate.uncovered(denialId)).isEmpty();
    }
}
