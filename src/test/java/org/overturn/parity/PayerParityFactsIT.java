package org.overturn.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.parity.ParityFacts.Answer;
import org.overturn.parity.ParityFacts.FinancialRequirement;
import org.overturn.parity.ParityFacts.Funding;
import org.overturn.payer.PayerDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A payer's parity facts read back as saved: unknown until entered, the medical/surgical cost sharing with them
 * (in classification order), and cost sharing on file for a payer whose other facts nobody entered.
 */
@OverturnIntegrationTest
class PayerParityFactsIT {

    @Autowired
    PayerParityFacts facts;
    @Autowired
    PayerDirectory directory;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPayerNobodyDescribedHasUnknownFacts() {
        String payer = payer("FACTS-NONE");

        ParityFacts read = facts.of(payer);

        assertThat(read).isEqualTo(ParityFacts.unknown(payer));
        assertThat(read.financial()).isEmpty();
        assertThat(facts.of(null)).isEqualTo(ParityFacts.unknown(null));
    }

    @Test
    void savedFactsReadBackWithTheirCostSharingInClassificationOrder() {
        String payer = payer("FACTS-FULL");
        var outpatient = new FinancialRequirement(Classification.OUTPATIENT_IN_NETWORK, new BigDecimal("25.00"), null,
                "SBC page 2");
        var inpatient = new FinancialRequirement(Classification.INPATIENT_IN_NETWORK, null, new BigDecimal("20.00"),
                "SBC page 3");
        ParityFacts saved = new ParityFacts(payer, Answer.NO, Answer.YES, Answer.UNKNOWN, Funding.FULLY_INSURED, "NY",
                Answer.NO, Answer.UNKNOWN, Answer.YES, Answer.NO, 14, 3, 80, 100, List.of(outpatient, inpatient));

        facts.save(saved, "test");
        ParityFacts read = facts.of(payer);

        assertThat(read).usingRecursiveComparison().ignoringFields("financial").isEqualTo(saved);
        assertThat(read.financial()).containsExactly(inpatient, outpatient);

        // and without cost sharing: none comes back
        facts.save(new ParityFacts(payer, Answer.NO, Answer.YES, Answer.UNKNOWN, Funding.FULLY_INSURED, "NY",
                Answer.NO, Answer.UNKNOWN, Answer.YES, Answer.NO, 14, 3, 80, 100, List.of()), "test");
        assertThat(facts.of(payer).financial()).isEmpty();
        assertThat(facts.of(payer).reviewDaysBehavioral()).isEqualTo(14);
    }

    @Test
    void costSharingOnFileWithoutTheOtherFactsComesWithUnknownAnswers() {
        String payer = payer("FACTS-COST");
        jdbc.update("""
                insert into payer_parity_financial (payer_id, classification, copay, coinsurance_percent, source,
                                                    updated_by, updated_at)
                values (?, 'OUTPATIENT_IN_NETWORK', 30.00, null, 'plan booklet', 'test', now())""", payer);

        ParityFacts read = facts.of(payer);

        assertThat(read.paForMedicalOutpatient()).isEqualTo(Answer.UNKNOWN);
        assertThat(read.funding()).isEqualTo(Funding.UNKNOWN);
        assertThat(read.financial()).containsExactly(new FinancialRequirement(Classification.OUTPATIENT_IN_NETWORK,
                new BigDecimal("30.00"), null, "plan booklet"));
    }

    private String payer(String prefix) {
        String id = prefix + System.nanoTime();
        directory.appealLimitDays(id, prefix + " PLAN", "CI");
        return id;
    }
}
