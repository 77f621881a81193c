package org.overturn.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimMatcherTest {

    static final LocalDate SERVICE = LocalDate.of(2026, 3, 2);

    static AnsweredClaim answer(String payerId, String charge, LocalDate service, LocalDate answeredOn) {
        return new AnsweredClaim(7L, "PCN1", payerId, "ACME HEALTH", new BigDecimal(charge), service, service,
                answeredOn, "PAYER-1");
    }

    static ClaimMatcher.Candidate claim(long id, String payerId, String payerName, String charge, LocalDate service,
                                        LocalDate sent) {
        return new ClaimMatcher.Candidate(id, payerId, payerName, new BigDecimal(charge), service, service, sent);
    }

    @Test
    void noClaimWithTheControlNumberIsNoMatch() {
        assertThat(ClaimMatcher.match(answer("P1", "150.00", SERVICE, SERVICE.plusDays(30)), List.of())).isEmpty();
    }

    @Test
    void theOnlyClaimWithTheControlNumberIsTheOne() {
        var match = ClaimMatcher.match(answer("P1", "150.00", SERVICE, SERVICE.plusDays(30)),
                List.of(claim(1, "P1", "ACME", "150.00", SERVICE, SERVICE.plusDays(3))));

        assertThat(match).get().extracting(ClaimMatcher.Match::billedClaimId).isEqualTo(1L);
        assertThat(match.get().reason()).startsWith("CLM01 = CLP01").contains("same payer", "same charge");
    }

    @Test
    void aResubmissionSentAfterThe835CannotBeWhatItAnswers() {
        var match = ClaimMatcher.match(answer("P1", "150.00", SERVICE, SERVICE.plusDays(30)), List.of(
                claim(1, "P1", "ACME", "150.00", SERVICE, SERVICE.plusDays(3)),
                claim(2, "P1", "ACME", "150.00", SERVICE, SERVICE.plusDays(45))));

        assertThat(match.get().billedClaimId()).isEqualTo(1L);
        assertThat(match.get().reason()).contains("sent on or before the 835");
    }

    @Test
    void ofSeveralSubmissionsBeforeThe835TheLatestWins() {
        // sent, rejected by the clearinghouse, sent again: the 835 answers the second
        var match = ClaimMatcher.match(answer("P1", "150.00", SERVICE, SERVICE.plusDays(60)), List.of(
                claim(1, "P1", "ACME", "150.00", SERVICE, SERVICE.plusDays(3)),
                claim(2, "P1", "ACME", "150.00", SERVICE, SERVICE.plusDays(20))));

        assertThat(match.get().billedClaimId()).isEqualTo(2L);
        assertThat(match.get().reason()).contains("the latest sent of 2 claims");
    }

    @Test
    void aControlNumberReusedForAnotherVisitIsToldApartByDatesOfService() {
        var match = ClaimMatcher.match(answer("P1", "150.00", SERVICE, SERVICE.plusDays(60)), List.of(
                claim(1, "P1", "ACME", "150.00", SERVICE, SERVICE.plusDays(3)),
                claim(2, "P1", "ACME", "150.00", SERVICE.plusDays(7), SERVICE.plusDays(10))));

        assertThat(match.get().billedClaimId()).isEqualTo(1L);
        assertThat(match.get().reason()).contains("dates of service overlap");
    }

    @Test
    void theSameControlNumberSentToAnotherPayerIsNotThisPayersClaim() {
        var match = ClaimMatcher.match(answer("P1", "150.00", SERVICE, SERVICE.plusDays(60)), List.of(
                claim(1, "P1", "ACME HEALTH", "150.00", SERVICE, SERVICE.plusDays(3)),
                claim(2, "OTHER", "SECONDARY MUTUAL", "150.00", SERVICE, SERVICE.plusDays(40))));

        assertThat(match.get().billedClaimId()).isEqualTo(1L);
        assertThat(match.get().reason()).contains("same payer");
    }

    @Test
    void payerIdsThatDifferBetween835And837AreMatchedByName() {
        // the 835 names the payer by its tax id (REF*2U), the 837 by the clearinghouse payer id
        var match = ClaimMatcher.match(answer("87726", "150.00", SERVICE, SERVICE.plusDays(60)), List.of(
                claim(1, "CH-0042", "Acme Health ", "150.00", SERVICE, SERVICE.plusDays(3)),
                claim(2, "CH-9999", "OTHER PLAN", "150.00", SERVICE, SERVICE.plusDays(4))));

        assertThat(match.get().billedClaimId()).isEqualTo(1L);
    }

    @Test
    void aChargeThatDiffersDecidesOnlyWhenAnotherAgrees() {
        var replaced = ClaimMatcher.match(answer("P1", "200.00", SERVICE, SERVICE.plusDays(60)), List.of(
                claim(1, "P1", "ACME", "150.00", SERVICE, SERVICE.plusDays(3)),
                claim(2, "P1", "ACME", "200.00", SERVICE, SERVICE.plusDays(2))));
        var alone = ClaimMatcher.match(answer("P1", "120.00", SERVICE, SERVICE.plusDays(60)), List.of(
                claim(1, "P1", "ACME", "150.00", SERVICE, SERVICE.plusDays(3))));

        assertThat(replaced.get().billedClaimId()).isEqualTo(2L);
        assertThat(replaced.get().reason()).contains("same charge");
        // a payer that adjudicated a different charge (a line split off) still answers the only claim
        assertThat(alone.get().billedClaimId()).isEqualTo(1L);
        assertThat(alone.get().reason()).doesNotContain("same charge");
    }
}
