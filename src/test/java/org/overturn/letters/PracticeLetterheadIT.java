package org.overturn.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.denial.Denials;
import org.overturn.intake.RemittanceIntake;
import org.overturn.practice.DemoPractices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A letter carries its practice's letterhead and signer; a practice without one gets the configured letterhead. */
@OverturnIntegrationTest
class PracticeLetterheadIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    LetterFactsAssembler assembler;
    @Autowired
    Denials denials;
    @Autowired
    JdbcTemplate jdbc;

    final String payer = "LH" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private LetterFacts factsFor(String pcn, String payee) {
        intake.ingest(pcn + ".835", KnownRemittance.toPayee(payer, "LETTERHEAD PLAN", payer + pcn, "20260302", "0",
                        payee)
                .claim("CLP*" + pcn + "*4*150*0**12", "CAS*CO*50*150", "SVC*HC:90837*150*0**1", "DTM*472*20260220")
                .bytes(), "UPLOAD", "test");
        long id = jdbc.queryForObject("select id from denial where patient_control_number = ? and payer_id = ?",
                Long.class, pcn, payer);
        return assembler.assemble(denials.find(id).orElseThrow(), LetterKind.APPEAL, 1, "Enclosed.", null, "biller",
                null);
    }

    @Test
    void aPracticeWithItsLetterheadSignsItsOwnLetters() {
        LetterFacts facts = factsFor("LH1", "N1*PE*RIVERBEND*XX*" + DemoPractices.GROUP_THERAPY.npi());

        assertThat(facts.practice()).isEqualTo(new LetterFacts.Practice(DemoPractices.GROUP_THERAPY.name(),
                DemoPractices.GROUP_THERAPY.npi(), DemoPractices.GROUP_THERAPY.address(),
                DemoPractices.GROUP_THERAPY.phone(), null, DemoPractices.GROUP_THERAPY.email(),
                DemoPractices.GROUP_THERAPY.logoDataUri()));
        assertThat(facts.practice().logo()).startsWith("data:image/png;base64,");
        assertThat(facts.signer()).isEqualTo(new LetterFacts.Signer(DemoPractices.GROUP_THERAPY.signer(),
                DemoPractices.GROUP_THERAPY.signerTitle()));
    }

    @Test
    void aPracticeWithoutALetterheadGetsTheConfiguredOne() {
        LetterFacts facts = factsFor("LH2", "N1*PE*STRANGER CLINIC*FI*"
                + (100_000_000 + Math.floorMod(payer.hashCode(), 899_999_999)));

        assertThat(facts.practice().name()).isEqualTo("Riverside Behavioral Health");
        assertThat(facts.practice().address()).isEqualTo(List.of("200 Main Street, Suite 4", "Springfield, IL 62701"));
    }
}
