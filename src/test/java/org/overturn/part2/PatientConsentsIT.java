package org.overturn.part2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which consent lets a denial's Part 2 information go to its payer, and what a consent must say. */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientConsentsIT {

    static final String PAYER = "CONSENT-PLAN";
    static final String PURPOSE = "Payment and health care operations: appeal of denied claims";

    @Autowired
    PatientConsents consents;
    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    LocalDate today;
    final Map<String, Long> denialOf = new HashMap<>();

    @BeforeAll
    void ingestDenialsOfSeveralPatients() {
        today = LocalDate.now(clock);
        var remittance = KnownRemittance.from(PAYER, "CONSENT HEALTH PLAN", "CONSENT-TRACE-1", "20260302", "0");
        claim(remittance, "VALID", "NM1*QC*1*RIVERA*MARISOL****MI*PC-VALID");
        claim(remittance, "EXPIRED", "NM1*QC*1*ROE*RICHARD****MI*PC-EXPIRED");
        claim(remittance, "REVOKED", "NM1*QC*1*STONE*ALMA****MI*PC-REVOKED");
        claim(remittance, "OTHER-PAYER", "NM1*QC*1*NGUYEN*BAO****MI*PC-OTHER");
        claim(remittance, "NEWEST", "NM1*QC*1*KOWALSKI*EWA****MI*PC-NEWEST");
        // no member id anywhere on the claim: the patient is known by name only
        claim(remittance, "BY-NAME", "NM1*QC*1*Okafor*Chidi");
        // the insured's member id names the patient, whatever the spelling of the name
        claim(remittance, "INSURED", "NM1*QC*1*BAKER*TOM", "NM1*IL*1*BAKER*THOMAS****MI*PC-INSURED");
        intake.ingest("consents.835", remittance.bytes(), "UPLOAD", "test");
        jdbc.query("select patient_control_number, id from denial where payer_id = ?",
                rs -> {
                    denialOf.put(rs.getString(1), rs.getLong(2));
                }, PAYER);
        assertThat(denialOf).hasSize(7);
    }

    private static void claim(KnownRemittance remittance, String pcn, String... people) {
        remittance.claim("CLP*" + pcn + "*4*150*0**12", "CAS*CO*197*150").claim(people)
                .claim("SVC*HC:H0004*150*0**1", "DTM*472*20260220");
    }

    @Test
    void aConsentSignedForThePayerLetsTheDenialGo() {
        Consent recorded = consents.record("PC-VALID", "RIVERA", "MARISOL", PAYER, PURPOSE, today.minusDays(5),
                today.plusYears(1), "sud-biller");

        assertThat(consents.validForDenial(denialOf.get("VALID"))).contains(recorded);
        assertThat(recorded.recordedBy()).isEqualTo("sud-biller");
        assertThat(recorded.revokedAt()).isNull();
    }

    @Test
    void anExpiredConsentDoesNot() {
        consents.record("PC-EXPIRED", "ROE", "RICHARD", PAYER, PURPOSE, today.minusYears(2), today.minusDays(1),
                "sud-biller");

        assertThat(consents.validForDenial(denialOf.get("EXPIRED"))).isEmpty();
        assertThat(consents.forDenial(denialOf.get("EXPIRED"))).hasSize(1);
    }

    @Test
    void aRevokedConsentDoesNot() {
        Consent consent = consents.record("PC-REVOKED", "STONE", "ALMA", PAYER, PURPOSE, today.minusDays(30), null,
                "sud-biller");
        assertThat(consents.validForDenial(denialOf.get("REVOKED"))).isPresent();

        consents.revoke(consent.id(), "sud-biller");

        assertThat(consents.validForDenial(denialOf.get("REVOKED"))).isEmpty();
        assertThat(consents.forDenial(denialOf.get("REVOKED"))).singleElement()
                .satisfies(c -> assertThat(c.revokedAt()).isNotNull());
        assertThat(jdbc.queryForObject("select revoked_by from patient_consent where id = ?", String.class,
                consent.id())).isEqualTo("sud-biller");
    }

    @Test
    void aConsentForAnotherPayerDoesNotButIsListed() {
        Consent elsewhere = consents.record("PC-OTHER", "NGUYEN", "BAO", "SOME-OTHER-PLAN", PURPOSE,
                today.minusDays(5), null, "sud-biller");

        assertThat(consents.validForDenial(denialOf.get("OTHER-PAYER"))).isEmpty();
        assertThat(consents.forDenial(denialOf.get("OTHER-PAYER"))).containsExactly(elsewhere);
    }

    @Test
    void theNewestValidConsentIsTheOneThatCounts() {
        consents.record("PC-NEWEST", "KOWALSKI", "EWA", PAYER, PURPOSE, today.minusDays(300), null, "sud-biller");
        Consent newer = consents.record("PC-NEWEST", "KOWALSKI", "EWA", PAYER, PURPOSE, today.minusDays(3), null,
                "sud-biller");
        consents.record("PC-NEWEST", "KOWALSKI", "EWA", PAYER, PURPOSE, today.minusDays(1), null, "sud-biller");
        long newest = consents.forDenial(denialOf.get("NEWEST")).get(0).id();
        consents.revoke(newest, "sud-biller");

        assertThat(consents.validForDenial(denialOf.get("NEWEST"))).contains(newer);
        assertThat(consents.forDenial(denialOf.get("NEWEST"))).hasSize(3);
    }

    @Test
    void withoutAMemberIdThePatientIsMatchedByNameIgnoringCase() {
        Consent byName = consents.record(null, "OKAFOR", "CHIDI", PAYER, PURPOSE, today.minusDays(1), null,
                "sud-biller");
        consents.record(null, "OKAFOR", "NGOZI", PAYER, PURPOSE, today.minusDays(1), null, "sud-biller");

        assertThat(consents.validForDenial(denialOf.get("BY-NAME"))).contains(byName);
        assertThat(consents.forDenial(denialOf.get("BY-NAME"))).containsExactly(byName);
    }

    @Test
    void aMemberIdOnTheClaimIsMatchedByMemberIdAlone() {
        Consent byMemberId = consents.record("PC-INSURED", "BAKER", "THOMAS", PAYER, PURPOSE, today, null,
                "sud-biller");
        // the same name without the member id is another patient as far as this claim is concerned
        consents.record(null, "BAKER", "TOM", PAYER, PURPOSE, today, null, "sud-biller");

        assertThat(consents.validForDenial(denialOf.get("INSURED"))).contains(byMemberId);
        assertThat(consents.forDenial(denialOf.get("INSURED"))).containsExactly(byMemberId);
    }

    @Test
    void refusesAConsentSignedInTheFutureOrExpiringBeforeItWasSigned() {
        assertThatThrownBy(() -> consents.record("PC-X", "DOE", "JANE", PAYER, PURPOSE, today.plusDays(1), null,
                "sud-biller"))
                .isInstanceOfSatisfying(Part2Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Part2Problem.Kind.INVALID);
                    assertThat(p.fieldErrors()).containsOnlyKeys("signedOn");
                });
        assertThatThrownBy(() -> consents.record("PC-X", "DOE", "JANE", PAYER, PURPOSE, today.minusDays(3),
                today.minusDays(3), "sud-biller"))
                .isInstanceOfSatisfying(Part2Problem.class,
                        p -> assertThat(p.fieldErrors()).containsOnlyKeys("expiresOn"));
    }

    @Test
    void refusesAConsentThatNamesNoPatientPayerOrPurpose() {
        assertThatThrownBy(() -> consents.record(null, "DOE", " ", null, "  ", today, null, "sud-biller"))
                .isInstanceOfSatisfying(Part2Problem.class, p -> assertThat(p.fieldErrors().keySet())
                        .containsExactly("patient", "payerId", "purpose"));
    }

    @Test
    void auditsEveryConsentRecordedAndRevoked() {
        Consent consent = consents.record("PC-AUDIT", "DOE", "JANE", PAYER, PURPOSE, today, null, "sud-biller");
        consents.revoke(consent.id(), "admin");
        consents.revoke(consent.id(), "admin");

        assertThat(jdbc.queryForList("select action || ':' || actor from audit_event where record_type = 'consent' "
                + "and record_id = ? order by id", String.class, String.valueOf(consent.id())))
                .containsExactly("CONSENT_RECORDED:sud-biller", "CONSENT_REVOKED:admin");
    }

    @Test
    void revokingAnUnknownConsentIsNotFound() {
        assertThatThrownBy(() -> consents.revoke(-1, "sud-biller")).isInstanceOfSatisfying(Part2Problem.class,
                p -> assertThat(p.kind()).isEqualTo(Part2Problem.Kind.NOT_FOUND));
    }

    @Test
    void anUnknownDenialHasNoConsent() {
        assertThat(consents.validForDenial(-1)).isEmpty();
        assertThat(consents.forDenial(-1)).isEmpty();
    }
}
