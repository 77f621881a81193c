package org.overturn.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OngoingCareTest {

    @Test
    void aLevelOfCareDenialOfAPartialHospitalizationStayIsAReviewDenial() {
        assertThat(OngoingCare.reviewDenialOf(List.of("186"), List.of("H0035"))).contains(LevelOfCare.PARTIAL_HOSPITALIZATION);
        assertThat(OngoingCare.reviewDenialOf(List.of("45", "150"), List.of("0114", "90837")))
                .contains(LevelOfCare.INPATIENT);
        assertThat(OngoingCare.reviewDenialOf(List.of("198"), List.of("S9480"))).contains(LevelOfCare.INTENSIVE_OUTPATIENT);
    }

    @Test
    void anOutpatientSessionOrAnotherReasonIsNot() {
        assertThat(OngoingCare.reviewDenialOf(List.of("186"), List.of("90837"))).isEmpty();
        assertThat(OngoingCare.reviewDenialOf(List.of("50", "197"), List.of("H0035"))).isEmpty();
    }

    @Test
    void aStayIsStillGoingOnWhenBilledOnAnInterimClaimOrRecently() {
        LocalDate answered = LocalDate.of(2026, 3, 20);
        assertThat(OngoingCare.stillGoingOn("3", LocalDate.of(2026, 1, 1), answered, 14)).isTrue();
        assertThat(OngoingCare.stillGoingOn("1", answered.minusDays(14), answered, 14)).isTrue();
        assertThat(OngoingCare.stillGoingOn("1", answered.minusDays(15), answered, 14)).isFalse();
        assertThat(OngoingCare.stillGoingOn(null, null, answered, 14)).isFalse();
    }
}
