package org.overturn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.overturn.remittance.ClaimPayment;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceBalance;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.RemittanceParser;
import org.overturn.remittance.ServiceLine;

/** The product's own parser reads what the generator writes, claim for claim, and finds it balanced. */
class GeneratedRemittanceParsingTest {

    private static final GeneratorSettings SETTINGS = GeneratorSettings.defaults()
            .withSeed(42L)
            .withClaimCount(2_000)
            .withClaimsPerTransaction(150)
            .withTransactionsPerInterchange(5);

    private static ScannedRemittance scanned;
    private static RemittanceFile parsed;

    @BeforeAll
    static void generateAndParse() throws Exception {
        String text = RemittanceGeneratorTest.generate(SETTINGS);
        scanned = ScannedRemittance.scan(text);
        parsed = RemittanceParser.standard().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void parsesEveryTransactionAndClaim() {
        assertThat(parsed.transactions()).hasSize(SETTINGS.transactionCount());
        assertThat(parsed.claimCount()).isEqualTo(2_000);
        assertThat(parsed.transactions()).extracting(RemittanceAdvice::version).containsOnly("005010X221A1");
    }

    @Test
    void claimsKeepTheirIdentityStatusAndAmounts() {
        List<ClaimPayment> claims = parsed.transactions().stream().flatMap(t -> t.claims().stream()).toList();
        List<ScannedRemittance.Claim> expected = scanned.claims();

        assertThat(claims).extracting(ClaimPayment::patientControlNumber)
                .containsExactlyElementsOf(expected.stream().map(ScannedRemittance.Claim::patientControlNumber).toList());
        assertThat(claims).extracting(ClaimPayment::status)
                .containsExactlyElementsOf(expected.stream().map(ScannedRemittance.Claim::status).toList());
        assertThat(claims).extracting(ClaimPayment::status).contains("1", "4", "22");
        for (int i = 0; i < claims.size(); i++) {
            assertThat(claims.get(i).paid()).isEqualByComparingTo(expected.get(i).paid());
            assertThat(claims.get(i).charge()).isEqualByComparingTo(expected.get(i).charge());
            assertThat(claims.get(i).lines()).hasSameSizeAs(expected.get(i).lines());
        }
    }

    @Test
    void everyTransactionBalances() {
        assertThat(parsed.transactions()).allSatisfy(t -> assertThat(RemittanceBalance.problems(t)).isEmpty());
    }

    @Test
    void partiesRemarksAndModifiersSurviveTheRoundTrip() {
        RemittanceAdvice first = parsed.transactions().get(0);
        assertThat(first.payee().npi()).isEqualTo(Clinic.riverbend().npi());
        assertThat(first.payer().id()).isNotBlank();
        assertThat(first.payment().amount()).isGreaterThanOrEqualTo(BigDecimal.ZERO);

        List<ServiceLine> lines = parsed.transactions().stream().flatMap(t -> t.claims().stream())
                .flatMap(c -> c.lines().stream()).toList();
        assertThat(lines).filteredOn(l -> l.remarks().contains("N54")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.adjustments()).anyMatch(a -> "197".equals(a.reason())));
        assertThat(lines).flatExtracting(ServiceLine::modifiers).contains("95", "GT", "HF");
        assertThat(parsed.transactions()).flatExtracting(RemittanceAdvice::providerAdjustments).isNotEmpty();
    }
}
