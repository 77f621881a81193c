package org.overturn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimAddress;
import org.overturn.claim.ClaimBatch;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimPerson;
import org.overturn.claim.ClaimProvider;
import org.overturn.claim.ClaimWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * 837s, 999s and 277CAs through the upload door: stored once, joined to the denials their 835s raise whichever comes
 * first, and feeding the denial's root cause, Part 2 flag and timely-filing count.
 */
@OverturnIntegrationTest
class ClaimIntakeIT {

    static final AtomicLong BATCH = new AtomicLong(100);
    static final ClaimParty PAYER = new ClaimParty("KEYSTONE HEALTH PLAN", "60054");
    static final ClaimProvider CLINIC = new ClaimProvider("1234567893", "RIVERBEND BEHAVIORAL HEALTH", null,
            "261QM0801X", "123456789", new ClaimAddress("400 RIVER ROAD", null, "HARRISBURG", "PA", "17101"));
    static final ClaimProvider LCSW = new ClaimProvider("1497758544", "MORALES", "ANA", "1041C0700X", null, null);
    static final ClaimPerson PATIENT = new ClaimPerson("KHP100200300", "TESTPATIENT", "JORDAN",
            LocalDate.of(1984, 3, 12), "F");
    static final LocalDate SERVICE = LocalDate.of(2026, 3, 2);

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    TestRestTemplate rest;

    @BeforeEach
    void signIn() {
        rest = anonymous.withBasicAuth("admin", "demo");
    }

    static BilledClaim psychotherapy(String pcn, String placeOfService, ClaimProvider billing,
                                     ClaimProvider rendering) {
        var line = new BilledLine(1, null, "HC", "90837", List.of(), new BigDecimal("180.00"), "UN", BigDecimal.ONE,
                null, List.of(1, 2), SERVICE, null, null, null, null);
        return new BilledClaim(ClaimKind.PROFESSIONAL, pcn, new BigDecimal("180.00"), placeOfService, "B", "1", PAYER,
                billing, rendering, PATIENT, PATIENT, "CI", List.of("F331", "F411"), "AUTH-77", null, null, null,
                null, null, null, List.of(), List.of(line));
    }

    static byte[] claimFile(LocalDate sentOn, BilledClaim... claims) {
        long batch = BATCH.incrementAndGet();
        return ClaimWriter.standard().write(new ClaimBatch(ClaimKind.PROFESSIONAL, "RBH0001", "CPEDI01", batch,
                LocalDateTime.of(sentOn, java.time.LocalTime.NOON), "RBH-" + batch, false,
                new ClaimParty("RIVERBEND BEHAVIORAL HEALTH", "RBH0001"), "BILLING OFFICE", "7175550100",
                new ClaimParty("CLEARPATH EDI", "CPEDI01"), List.of(claims)));
    }

    static byte[] denialOf(String payerId, String trace, String pcn, String carc) {
        return KnownRemittance.from(payerId, "KEYSTONE HEALTH PLAN", trace, "20260320", "0")
                .claim("CLP*" + pcn + "*4*180*0**12*ICN-" + pcn, "CAS*CO*" + carc + "*180",
                        "SVC*HC:90837*180*0**1", "DTM*472*20260302").bytes();
    }

    @Test
    void anEightThirtySevenIsStoredOnceAndItsClaimCompletesTheDenialTheEightThirtyFiveRaises() {
        byte[] claims = claimFile(LocalDate.of(2026, 3, 5), psychotherapy("CJ-1001", "10", CLINIC, LCSW));

        JsonNode stored = upload("claims-1.837", claims).getBody();
        JsonNode again = upload("claims-1-again.837", claims).getBody();
        JsonNode otherLayout = upload("claims-1-crlf.837",
                new String(claims, StandardCharsets.US_ASCII).replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII))
                .getBody();

        assertThat(stored.get("outcome").asText()).isEqualTo("STORED");
        assertThat(stored.get("kind").asText()).isEqualTo("837P");
        assertThat(stored.at("/claimFile/claimsStored").asInt()).isEqualTo(1);
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(otherLayout.get("duplicate").asBoolean()).isTrue();
        assertThat(otherLayout.at("/claimFile/duplicateClaims").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from billed_claim where patient_control_number = 'CJ-1001'",
                Long.class)).isEqualTo(1);

        // the payer drops the place of service and the modifier; the claim as billed says telehealth at home
        var remittance = upload("era-cj-1001.835", denialOf("CJ-PAYER-1", "CJ-T1", "CJ-1001", "58")).getBody();
        assertThat(remittance.get("denials").asInt()).isEqualTo(1);
        long denialId = denialIdOf("CJ-1001");
        JsonNode denial = rest.getForObject("/api/denials/" + denialId, JsonNode.class);

        assertThat(denial.get("rootCause").asText()).isEqualTo("TELEHEALTH");
        JsonNode claim = denial.get("claim");
        assertThat(claim.get("patientControlNumber").asText()).isEqualTo("CJ-1001");
        assertThat(claim.get("placeOfService").asText()).isEqualTo("10");
        assertThat(claim.get("frequency").asText()).isEqualTo("1");
        assertThat(claim.get("diagnoses")).extracting(JsonNode::asText).containsExactly("F331", "F411");
        assertThat(claim.get("priorAuthorization").asText()).isEqualTo("AUTH-77");
        assertThat(claim.get("submittedOn").asText()).isEqualTo("2026-03-05");
        assertThat(claim.at("/patient/memberId").asText()).isEqualTo("KHP100200300");
        assertThat(claim.at("/patient/birthDate").asText()).isEqualTo("1984-03-12");
        assertThat(claim.at("/billingProvider/npi").asText()).isEqualTo("1234567893");
        assertThat(claim.at("/renderingProvider/taxonomy").asText()).isEqualTo("1041C0700X");
        assertThat(claim.at("/renderingProvider/credential").asText()).contains("LCSW");
        assertThat(claim.at("/lines/0/procedure").asText()).isEqualTo("90837");
        assertThat(claim.at("/lines/0/charge").decimalValue()).isEqualByComparingTo("180");
        assertThat(claim.at("/lines/0/serviceDate").asText()).isEqualTo("2026-03-02");
        assertThat(claim.get("matchedBy").asText()).startsWith("CLM01 = CLP01");
        assertThat(denial.at("/timelyFiling/proofOnFile").asBoolean()).isFalse();
        assertThat(denial.at("/timelyFiling/daysToFiling").asLong()).isEqualTo(3);
    }

    @Test
    void withoutAClaimOnFileTheDenialSaysSoAndIsClassifiedFromThe835Alone() {
        upload("era-cj-2001.835", denialOf("CJ-PAYER-2", "CJ-T2", "CJ-2001", "58"));

        JsonNode denial = rest.getForObject("/api/denials/" + denialIdOf("CJ-2001"), JsonNode.class);

        assertThat(denial.get("claim").isNull()).isTrue();
        assertThat(denial.get("rootCause").asText()).isNotEqualTo("TELEHEALTH");
    }

    @Test
    void aClaimArrivingAfterItsDenialIsJoinedOnceAndAPart2ProgramBillingItMakesTheDenialPart2() {
        String program = "1821234568";
        // flagged as an admin does, before its claims arrive (the programs are read through the part2 module)
        assertThat(rest.postForEntity("/api/part2/programs", Map.of("npi", program, "name", "CJ SUD PROGRAM"),
                String.class).getStatusCode().is2xxSuccessful()).isTrue();
        ClaimProvider sudProgram = new ClaimProvider(program, "RIVERBEND RECOVERY", null, "261QR0405X", "123456789",
                new ClaimAddress("1 MAIN ST", null, "HARRISBURG", "PA", "17101"));
        upload("era-cj-3001.835", denialOf("CJ-PAYER-3", "CJ-T3", "CJ-3001", "16"));
        long denialId = denialIdOf("CJ-3001");
        assertThat(jdbc.queryForObject("select part2 from denial where id = ?", Boolean.class, denialId)).isFalse();

        JsonNode stored = upload("late.837", claimFile(LocalDate.of(2026, 3, 6),
                psychotherapy("CJ-3001", "11", sudProgram, null))).getBody();

        assertThat(stored.at("/claimFile/denialsJoined").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from claim_answer a join denial d on d.claim_payment_id = "
                + "a.claim_payment_id where d.id = ?", Long.class, denialId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select part2 from denial where id = ?", Boolean.class, denialId)).isTrue();
        assertThat(jdbc.queryForObject("select part2 from claim_payment where id = (select claim_payment_id from "
                + "denial where id = ?)", Boolean.class, denialId)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from denial_process where denial_id = ?", Long.class,
                denialId)).isEqualTo(1);
    }

    @Test
    void aPayersAcceptanceOnFileIsTheProofOfTimelyFiling() {
        upload("claims-4.837", claimFile(LocalDate.of(2026, 3, 5), psychotherapy("CJ-4001", "11", CLINIC, LCSW)));
        String ack = String.join("~\n",
                "ISA*00*          *00*          *ZZ*CPEDI01        *ZZ*RBH0001        *260309*1200*^*00501*000000501*0*T*:",
                "GS*HN*CPEDI01*RBH0001*20260309*1200*501*X*005010X214",
                "ST*277*0001*005010X214", "BHT*0085*08*RPT-CJ4*20260309*1200*TH",
                "HL*1**20*1", "NM1*PR*2*KEYSTONE HEALTH PLAN*****PI*60054", "TRN*1*RPT-CJ4",
                "DTP*050*D8*20260309", "DTP*009*D8*20260309",
                "HL*2*1*21*1", "NM1*41*2*RIVERBEND BEHAVIORAL HEALTH*****46*RBH0001", "TRN*2*B1",
                "STC*A1:19*20260309*WQ*180", "QTY*90*1", "AMT*YU*180",
                "HL*3*2*19*1", "NM1*85*2*RIVERBEND BEHAVIORAL HEALTH*****XX*1234567893",
                "HL*4*3*PT", "NM1*QC*1*TESTPATIENT*JORDAN****MI*KHP100200300", "TRN*2*CJ-4001",
                "STC*A2:20*20260307*WQ*180", "REF*1K*PAYER-CJ4", "DTP*472*D8*20260302",
                "SE*22*0001", "GE*1*501", "IEA*1*000000501") + "~\n";

        JsonNode answered = upload("ack-cj4.277", ack.getBytes(StandardCharsets.US_ASCII)).getBody();
        upload("era-cj-4001.835", denialOf("CJ-PAYER-4", "CJ-T4", "CJ-4001", "29"));
        JsonNode denial = rest.getForObject("/api/denials/" + denialIdOf("CJ-4001"), JsonNode.class);

        assertThat(answered.get("kind").asText()).isEqualTo("277CA");
        assertThat(answered.at("/claimFile/answersJoined").asInt()).isEqualTo(1);
        assertThat(denial.at("/claim/acceptedOn").asText()).isEqualTo("2026-03-07");
        assertThat(denial.at("/claim/acceptanceReference").asText()).contains("RPT-CJ4", "PAYER-CJ4");
        assertThat(denial.at("/timelyFiling/proofOnFile").asBoolean()).isTrue();
        assertThat(denial.at("/timelyFiling/daysToFiling").asLong()).isEqualTo(5);
        assertThat(denial.at("/timelyFiling/withinLimit").asBoolean()).isTrue();
    }

    @Test
    void aClaimBelongsToThePracticeOfItsBillingProviderAsDoesTheDenialOfThePaymentThatAnswersIt() {
        upload("claims-9.837", claimFile(LocalDate.of(2026, 3, 5), psychotherapy("CJ-9001", "11", CLINIC, LCSW)));
        upload("era-cj-9001.835", denialOf("CJ-PAYER-9", "CJ-T9", "CJ-9001", "29"));

        long practice = jdbc.queryForObject("select practice_id from billed_claim where patient_control_number = ?",
                Long.class, "CJ-9001");
        // the 837's billing provider (2010AA NPI) and the 835's payee (N1*PE XX) name the same practice
        assertThat(jdbc.queryForObject("select group_npi from practice where id = ?", String.class, practice))
                .isEqualTo(CLINIC.npi());
        assertThat(jdbc.queryForObject("select practice_id from denial where patient_control_number = ?", Long.class,
                "CJ-9001")).isEqualTo(practice);
    }

    @Test
    void aMalformedEightThirtySevenIsRefusedWithItsSegmentAndKeptInQuarantine() {
        String broken = new String(claimFile(LocalDate.of(2026, 3, 5), psychotherapy("CJ-5001", "11", CLINIC, LCSW)),
                StandardCharsets.US_ASCII).replace("CLM*CJ-5001*180.00", "CLM*CJ-5001*1X0");

        ResponseEntity<JsonNode> response = upload("broken.837", broken.getBytes(StandardCharsets.US_ASCII));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("error").asText()).matches("broken\\.837: segment \\d+ \\(CLM\\): .*CLM02.*");
        assertThat(jdbc.queryForObject("select count(*) from quarantined_file where file_name = 'broken.837'",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from billed_claim where patient_control_number = 'CJ-5001'",
                Long.class)).isZero();
    }

    @Test
    void ofTwoSubmissionsWithOneControlNumberThe835AnswersTheLatestSentBeforeIt() {
        upload("first.837", claimFile(LocalDate.of(2026, 3, 4), psychotherapy("CJ-6001", "11", CLINIC, LCSW)));
        upload("again.837", claimFile(LocalDate.of(2026, 3, 12), psychotherapy("CJ-6001", "11", CLINIC, LCSW)));
        upload("after.837", claimFile(LocalDate.of(2026, 3, 25), psychotherapy("CJ-6001", "11", CLINIC, LCSW)));

        upload("era-cj-6001.835", denialOf("CJ-PAYER-6", "CJ-T6", "CJ-6001", "16"));
        JsonNode denial = rest.getForObject("/api/denials/" + denialIdOf("CJ-6001"), JsonNode.class);

        assertThat(denial.at("/claim/submittedOn").asText()).isEqualTo("2026-03-12");
        assertThat(denial.at("/claim/firstSubmittedOn").asText()).isEqualTo("2026-03-04");
        assertThat(denial.at("/claim/matchedBy").asText()).contains("sent on or before the 835",
                "the latest sent of 2 claims");
        // timely filing counts from the first sending, which an appeal can prove with the first submission
        assertThat(denial.at("/timelyFiling/daysToFiling").asLong()).isEqualTo(2);
    }

    @Test
    void aNineNineNineRejectionIsKeptAgainstTheClaimsOfTheSetItAnswers() {
        upload("set.837", claimFile(LocalDate.of(2026, 3, 5), psychotherapy("CJ-7001", "11", CLINIC, LCSW),
                psychotherapy("CJ-7002", "11", CLINIC, LCSW)));
        var set = jdbc.queryForMap("select group_control_number, transaction_control_number from billed_claim "
                + "where patient_control_number = 'CJ-7001'");
        String ack = String.join("~\n",
                "ISA*00*          *00*          *ZZ*CPEDI01        *ZZ*RBH0001        *260305*1300*^*00501*000000701*0*T*:",
                "GS*FA*CPEDI01*RBH0001*20260305*1300*701*X*005010X231A1",
                "ST*999*0001*005010X231A1", "AK1*HC*" + set.get("group_control_number") + "*005010X222A1",
                "AK2*837*" + set.get("transaction_control_number") + "*005010X222A1",
                "IK3*CLM*30**8", "CTX*CLM01:CJ-7002", "IK4*2*782*1", "IK5*E*5",
                "AK9*E*1*1*1", "SE*9*0001", "GE*1*701", "IEA*1*000000701") + "~\n";

        JsonNode stored = upload("ack.999", ack.getBytes(StandardCharsets.US_ASCII)).getBody();

        assertThat(stored.get("kind").asText()).isEqualTo("999");
        assertThat(stored.at("/claimFile/answersJoined").asInt()).isEqualTo(2);
        assertThat(stored.at("/claimFile/rejected").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForList("""
                select b.patient_control_number || ':' || a.accepted from claim_acknowledgement a
                  join billed_claim b on b.id = a.billed_claim_id where a.kind = '999'
                   and b.patient_control_number in ('CJ-7001', 'CJ-7002') order by 1""", String.class))
                .containsExactly("CJ-7001:true", "CJ-7002:false");
    }

    @Test
    void theDenialPageShowsTheClaimAsBilledAndTheReplacementIsDownloadableOnlyOnceMade() {
        upload("claims-8.837", claimFile(LocalDate.of(2026, 3, 5), psychotherapy("CJ-8001", "10", CLINIC, LCSW)));
        upload("era-cj-8001.835", denialOf("CJ-PAYER-8", "CJ-T8", "CJ-8001", "58"));
        long denialId = denialIdOf("CJ-8001");

        String page = org.overturn.WebClient.anonymous(port).as("admin").get("/denials/" + denialId).body();

        assertThat(page).contains("The claim as billed", "F331, F411", "MORALES", "Clinical social worker",
                "AUTH-77", "first sending against a limit of");
        assertThat(rest.getForEntity("/api/denials/" + denialId + "/corrected-claim.837", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private long denialIdOf(String pcn) {
        return jdbc.queryForObject("select id from denial where patient_control_number = ?", Long.class, pcn);
    }

    private ResponseEntity<JsonNode> upload(String name, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return rest.postForEntity("/api/remittances", new HttpEntity<>(parts, headers), JsonNode.class);
    }
}
