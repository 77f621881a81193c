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
import org.overturn.part2.Recipient.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which consent lets a denial's Part 2 information go to which recipient, and what a consent must say (2.31). */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientConsentsIT {

    static final String PAYER = "CONSENT-PLAN";
    static final String NEXT_PLAN = "CONSENT-NEXT-PLAN";
    static final String PURPOSE = "Payment and health care operations: appeal of denied claims";
    static final LocalDate BORN = LocalDate.of(1984, 6, 30);

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
        claim(remittance, "RECIPIENTS", "NM1*QC*1*ADEYEMI*FOLA****MI*PC-RECIPIENTS");
        claim(remittance, "TPO", "NM1*QC*1*LINDQVIST*SAGA****MI*PC-TPO");
        // no member id anywhere on the claim: the patient is known by name only
        claim(remittance, "BY-NAME", "NM1*QC*1*Okafor*Chidi");
        // the same patient under the plan she had before, with the member id of that plan
        claim(remittance, "OLD-PLAN", "NM1*QC*1*MORENO*LUCIA****MI*OLD-MEMBER-ID");
        intake.ingest("consents.835", remittance.bytes(), "UPLOAD", "test");
        var next = KnownRemittance.from(NEXT_PLAN, "CONSENT NEXT PLAN", "CONSENT-TRACE-2", "20260303", "0");
        // her new plan gives her a new member id; so does a namesake born another day
        claim(next, "NEW-PLAN", "NM1*QC*1*MORENO*LUCIA****MI*NEW-MEMBER-ID");
        claim(next, "NAMESAKE", "NM1*QC*1*MORENO*LUCIA****MI*NAMESAKE-ID");
        intake.ingest("consents-next.835", next.bytes(), "UPLOAD", "test");
        jdbc.query("select patient_control_number, id from denial where payer_id in (?, ?)",
                rs -> {
                    denialOf.put(rs.getString(1), rs.getLong(2));
                }, PAYER, NEXT_PLAN);
        assertThat(denialOf).hasSize(11);
        // the claims as billed give the date of birth (837 DMG), which the plan change does not touch
        billedWithBirthDate("OLD-PLAN", BORN);
        billedWithBirthDate("NEW-PLAN", BORN);
        billedWithBirthDate("NAMESAKE", BORN.plusYears(20));
    }

    private static void claim(KnownRemittance remittance, String pcn, String... people) {
        remittance.claim("CLP*" + pcn + "*4*150*0**12", "CAS*CO*197*150").claim(people)
                .claim("SVC*HC:H0004*150*0**1", "DTM*472*20260220");
    }

    /** The claim as billed that this denial's 835 claim answers, as the claim module's join stores it. */
    private void billedWithBirthDate(String pcn, LocalDate born) {
        long file = jdbc.queryForObject("""
                insert into claim_file (file_name, sha256, size_bytes, kind, source, received_at)
                values (?, md5(?) || md5(?), 1, '837P', 'UPLOAD', now()) returning id""", Long.class,
                pcn + ".837", pcn, pcn);
        long billed = jdbc.queryForObject("""
                insert into billed_claim (claim_file_id, identity_key, kind, patient_control_number, charge,
                                          patient_birth_date, document, practice_id)
                values (?, md5(?), '837P', ?, 150, ?, '{}'::jsonb, (select min(id) from practice)) returning id""", Long.class, file, pcn, pcn,
                java.sql.Date.valueOf(born));
        jdbc.update("insert into claim_answer (claim_payment_id, billed_claim_id, matched_by, matched_at) "
                + "select claim_payment_id, ?, 'test', now() from denial where id = ?", billed, denialOf.get(pcn));
    }

    private static ConsentTerms terms(String memberId, String last, String first, LocalDate born, Recipient to,
                                      LocalDate signedOn, LocalDate expiresOn) {
        return new ConsentTerms(last, first, born, memberId, "Riverside Opioid Treatment Program",
                "Claims, remittances and the treatment records of the denied services", to, false, PURPOSE,
                expiresOn, expiresOn == null ? "the end of treatment" : null, "the patient", signedOn);
    }

    private ConsentTerms toPayer(String memberId, String last, String first, LocalDate signedOn, LocalDate expiresOn) {
        return terms(memberId, last, first, BORN, Recipient.payer(PAYER, null), signedOn, expiresOn);
    }

    @Test
    void aConsentSignedForThePayerLetsTheDenialGo() {
        Consent recorded = consents.record(toPayer("PC-VALID", "RIVERA", "MARISOL", today.minusDays(5),
                today.plusYears(1)), "sud-biller");

        assertThat(consents.validForDenial(denialOf.get("VALID"))).contains(recorded);
        assertThat(recorded.recordedBy()).isEqualTo("sud-biller");
        assertThat(recorded.revokedAt()).isNull();
        assertThat(recorded.missingElements()).isEmpty();
        assertThat(recorded.discloser()).isEqualTo("Riverside Opioid Treatment Program");
        assertThat(recorded.signedBy()).isEqualTo("the patient");
    }

    @Test
    void anExpiredConsentDoesNot() {
        consents.record(toPayer("PC-EXPIRED", "ROE", "RICHARD", today.minusYears(2), today.minusDays(1)), "sud-biller");

        assertThat(consents.validForDenial(denialOf.get("EXPIRED"))).isEmpty();
        assertThat(consents.forDenial(denialOf.get("EXPIRED"))).hasSize(1);
    }

    @Test
    void aRevokedConsentDoesNot() {
        Consent consent = consents.record(toPayer("PC-REVOKED", "STONE", "ALMA", today.minusDays(30), null),
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
        Consent elsewhere = consents.record(terms("PC-OTHER", "NGUYEN", "BAO", BORN,
                Recipient.payer("SOME-OTHER-PLAN", null), today.minusDays(5), null), "sud-biller");

        assertThat(consents.validForDenial(denialOf.get("OTHER-PAYER"))).isEmpty();
        assertThat(consents.forDenial(denialOf.get("OTHER-PAYER"))).containsExactly(elsewhere);
    }

    @Test
    void theNewestValidConsentIsTheOneThatCounts() {
        consents.record(toPayer("PC-NEWEST", "KOWALSKI", "EWA", today.minusDays(300), null), "sud-biller");
        Consent newer = consents.record(toPayer("PC-NEWEST", "KOWALSKI", "EWA", today.minusDays(3), null),
                "sud-biller");
        consents.record(toPayer("PC-NEWEST", "KOWALSKI", "EWA", today.minusDays(1), null), "sud-biller");
        long newest = consents.forDenial(denialOf.get("NEWEST")).get(0).id();
        consents.revoke(newest, "sud-biller");

        assertThat(consents.validForDenial(denialOf.get("NEWEST"))).contains(newer);
        assertThat(consents.forDenial(denialOf.get("NEWEST"))).hasSize(3);
    }

    @Test
    void eachKindOfRecipientGoesOnlyUnderAConsentNamingIt() {
        long denial = denialOf.get("RECIPIENTS");
        Recipient regulator = new Recipient(Kind.REGULATOR, null,
                "U.S. Department of Labor, Employee Benefits Security Administration");
        Recipient iro = new Recipient(Kind.REVIEW_BODY, "IRO", "Independent Review Co.");
        Recipient hearing = new Recipient(Kind.REVIEW_BODY, "STATE_FAIR_HEARING", "Office of Administrative Hearings");
        Recipient representative = new Recipient(Kind.AUTHORIZED_REPRESENTATIVE, null, "Bola Adeyemi");
        assertThat(java.util.List.of(Recipient.payer(PAYER, null), regulator, iro, hearing, representative))
                .allSatisfy(r -> assertThat(consents.validFor(denial, r)).as(r.kind().name()).isEmpty());

        Consent toPayer = consents.record(terms("PC-RECIPIENTS", "ADEYEMI", "FOLA", BORN,
                Recipient.payer(PAYER, null), today, null), "sud-biller");
        Consent toRegulator = consents.record(terms("PC-RECIPIENTS", "ADEYEMI", "FOLA", BORN, regulator, today, null),
                "sud-biller");
        Consent toIro = consents.record(terms("PC-RECIPIENTS", "ADEYEMI", "FOLA", BORN, iro, today, null),
                "sud-biller");
        Consent toRepresentative = consents.record(terms("PC-RECIPIENTS", "ADEYEMI", "FOLA", BORN, representative,
                today, null), "sud-biller");

        assertThat(consents.validFor(denial, Recipient.payer(PAYER, null))).contains(toPayer);
        assertThat(consents.validFor(denial, regulator)).contains(toRegulator);
        assertThat(consents.validFor(denial, new Recipient(Kind.REGULATOR, null, "State insurance department")))
                .isEmpty();
        assertThat(consents.validFor(denial, iro)).contains(toIro);
        assertThat(consents.validFor(denial, hearing)).isEmpty();
        assertThat(consents.validFor(denial, representative)).contains(toRepresentative);
    }

    @Test
    void theGeneralDesignationLetsTheRecordGoToThePayerOnly() {
        long denial = denialOf.get("TPO");
        Consent tpo = consents.record(new ConsentTerms("LINDQVIST", "SAGA", BORN, "PC-TPO", "Riverside OTP",
                "All my substance use disorder treatment records", null, true, "Treatment, payment and health care "
                + "operations", null, "the end of treatment", "the patient", today), "sud-biller");

        assertThat(consents.validForDenial(denial)).contains(tpo);
        assertThat(consents.validFor(denial, new Recipient(Kind.REVIEW_BODY, "IRO", "Independent Review Co.")))
                .isEmpty();
    }

    @Test
    void aConsentFollowsThePatientToHerNextPlanByDateOfBirthNotMemberId() {
        Consent signed = consents.recordForDenial(denialOf.get("OLD-PLAN"), new ConsentTerms(null, null, null, null,
                null, "Claims and treatment records of the denied services", null, true, PURPOSE, null,
                "the end of treatment", "the patient", today), "sud-biller");

        assertThat(signed.patientBirthDate()).as("from the claim as billed").isEqualTo(BORN);
        assertThat(signed.memberId()).isEqualTo("OLD-MEMBER-ID");
        assertThat(consents.validForDenial(denialOf.get("OLD-PLAN"))).contains(signed);
        assertThat(consents.validForDenial(denialOf.get("NEW-PLAN"))).contains(signed);
        assertThat(consents.validForDenial(denialOf.get("NAMESAKE"))).as("same name, born another day").isEmpty();
        assertThat(consents.forDenial(denialOf.get("NAMESAKE"))).isEmpty();
    }

    @Test
    void recordedForADenialItNamesTheClaimsPatientPayerAndPaidProgram() {
        Consent consent = consents.recordForDenial(denialOf.get("BY-NAME"), new ConsentTerms(null, null, BORN, null,
                null, "Claims and treatment records", null, false, PURPOSE, today.plusYears(1), null, "the patient",
                today), "sud-biller");

        assertThat(consent.patientLastName()).isEqualTo("Okafor");
        assertThat(consent.recipient()).isEqualTo(new Recipient(Kind.PAYER, PAYER, "CONSENT HEALTH PLAN"));
        assertThat(consent.discloser()).as("the payee the 835 paid").startsWith("RIVERSIDE COUNSELING")
                .endsWith("(NPI 1234567893)");
        assertThat(consents.validForDenial(denialOf.get("BY-NAME"))).contains(consent);
    }

    @Test
    void refusesADateOfBirthThatIsNotTheClaimsAndANewConsentWithoutTheElementsOf231() {
        assertThatThrownBy(() -> consents.recordForDenial(denialOf.get("NAMESAKE"), new ConsentTerms(null, null, BORN,
                null, null, "Claims", null, false, PURPOSE, null, "the end of treatment", "the patient", today), "x"))
                .isInstanceOfSatisfying(Part2Problem.class,
                        p -> assertThat(p.fieldErrors()).containsOnlyKeys("patientBirthDate"));
        assertThatThrownBy(() -> consents.record(new ConsentTerms(null, "DOE", null, null, " ", null, null, false, "  ",
                null, null, null, null), "sud-biller"))
                .isInstanceOfSatisfying(Part2Problem.class, p -> assertThat(p.fieldErrors().keySet())
                        .containsExactly("patient", "patientBirthDate", "discloser", "information", "recipient",
                                "purpose", "signedOn", "expiresOn", "signedBy"));
    }

    @Test
    void refusesAConsentSignedInTheFutureOrExpiringBeforeItWasSigned() {
        assertThatThrownBy(() -> consents.record(toPayer("PC-X", "DOE", "JANE", today.plusDays(1), null),
                "sud-biller"))
                .isInstanceOfSatisfying(Part2Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Part2Problem.Kind.INVALID);
                    assertThat(p.fieldErrors()).containsOnlyKeys("signedOn");
                });
        assertThatThrownBy(() -> consents.record(toPayer("PC-X", "DOE", "JANE", today.minusDays(3),
                today.minusDays(3)), "sud-biller"))
                .isInstanceOfSatisfying(Part2Problem.class,
                        p -> assertThat(p.fieldErrors()).containsOnlyKeys("expiresOn"));
    }

    @Test
    void auditsEveryConsentRecordedAndRevoked() {
        Consent consent = consents.record(toPayer("PC-AUDIT", "DOE", "JANE", today, null), "sud-biller");
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
