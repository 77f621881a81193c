package org.overturn.correction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimProvider;

class ClaimChangesTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    static BilledClaim original() {
        var psychotherapy = new BilledLine(1, null, "HC", "90837", List.of("95"), new BigDecimal("180.00"), "UN",
                BigDecimal.ONE, "10", List.of(1, 2), DAY, null, "LINE-AUTH", null, "1497758544");
        var interactive = new BilledLine(2, null, "HC", "90785", List.of(), new BigDecimal("20.00"), "UN",
                BigDecimal.ONE, null, List.of(2), DAY, null, null, null, null);
        return new BilledClaim(ClaimKind.PROFESSIONAL, "PCN1", new BigDecimal("200.00"), "10", "B", "1",
                new ClaimParty("ACME", "P1"), null, new ClaimProvider("1497758544", "MORALES", "ANA", "1041C0700X",
                null, null), null, null, "CI", List.of("F331", "F411"), "AUTH-1", null, null, null, null, null, null,
                List.of(), List.of(psychotherapy, interactive));
    }

    static ClaimChanges changes(Map<String, String> fields) {
        assertThat(ClaimChangeFields.problems(fields)).isEmpty();
        return ClaimChangeFields.changes(fields);
    }

    @Test
    void aReplacementIsTheClaimAsBilledWithTheChangesFrequencySevenAndTheOriginalReference() {
        var replacement = changes(Map.of("correctedProcedure", "90834", "correctedModifiers", "none"))
                .applyTo(original(), "ICN-77");

        assertThat(replacement.frequency()).isEqualTo("7");
        assertThat(replacement.originalReference()).isEqualTo("ICN-77");
        assertThat(replacement.lines().get(0).procedure()).isEqualTo("90834");
        assertThat(replacement.lines().get(0).modifiers()).isEmpty();
        assertThat(replacement.lines().get(1)).isEqualTo(original().lines().get(1));
        assertThat(replacement.charge()).isEqualByComparingTo("200.00");
        assertThat(replacement.diagnoses()).containsExactly("F331", "F411");
        assertThat(replacement.renderingProvider()).isEqualTo(original().renderingProvider());
    }

    @Test
    void claimLevelChangesReachEveryLineTheyConcern() {
        var replacement = changes(Map.of("correctedDiagnoses", "f43.10", "correctedPlaceOfService", "02",
                "correctedAuthorization", "AUTH-2", "correctedRenderingNpi", "1679576722",
                "correctedRenderingName", "Okafor, Daniel")).applyTo(original(), "ICN-77");

        assertThat(replacement.diagnoses()).containsExactly("F4310");
        assertThat(replacement.lines()).allSatisfy(l -> assertThat(l.diagnosisPointers()).containsExactly(1));
        assertThat(replacement.placeOfService()).isEqualTo("02");
        assertThat(replacement.lines()).allSatisfy(l -> assertThat(l.placeOfService()).isNull());
        assertThat(replacement.priorAuthorization()).isEqualTo("AUTH-2");
        assertThat(replacement.lines().get(0).priorAuthorization()).as("the line's own authorization gives way")
                .isNull();
        assertThat(replacement.renderingProvider().npi()).isEqualTo("1679576722");
        assertThat(replacement.renderingProvider().lastName()).isEqualTo("OKAFOR");
        assertThat(replacement.renderingProvider().firstName()).isEqualTo("DANIEL");
        assertThat(replacement.lines().get(0).renderingNpi()).isNull();
    }

    @Test
    void aNamedLineIsTheOneChanged() {
        var replacement = changes(Map.of("correctedLine", "2", "correctedUnits", "2"))
                .applyTo(original(), "ICN-77");

        assertThat(replacement.lines().get(0).units()).isEqualByComparingTo("1");
        assertThat(replacement.lines().get(1).units()).isEqualByComparingTo("2");
    }

    @Test
    void aVoidChangesNothingButTheFrequency() {
        var voided = changes(Map.of("claimFrequency", "VOID", "correctedProcedure", "90834"))
                .applyTo(original(), "ICN-77");

        assertThat(voided.frequency()).isEqualTo("8");
        assertThat(voided.lines()).isEqualTo(original().lines());
        assertThat(changes(Map.of("claimFrequency", "VOID")).describe(original()))
                .isEqualTo("claim voided (frequency 8)");
    }

    @Test
    void nothingCanBeReplacedWithoutThePayersClaimNumberOrOnALineTheClaimDoesNotHave() {
        assertThatThrownBy(() -> ClaimChanges.none().applyTo(original(), null)).hasMessageContaining("CLP07");
        assertThatThrownBy(() -> changes(Map.of("correctedLine", "5", "correctedUnits", "1"))
                .applyTo(original(), "ICN-77")).hasMessageContaining("no line 5 (it has 2)");
    }

    @Test
    void describesTheChangesInABillersWords() {
        assertThat(changes(Map.of("correctedProcedure", "90834", "correctedModifiers", "95, GT", "correctedUnits",
                "1", "correctedPlaceOfService", "10")).describe(original()))
                .isEqualTo("line 1: 90837 to 90834; line 1 modifiers 95, GT; line 1 units 1; place of service 10");
        assertThat(ClaimChanges.none().describe(original())).isEqualTo("resubmitted unchanged");
    }

    @Test
    void eachFieldIsCheckedWithAMessageABillerCanActOn() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("correctedProcedure", "9083");
        bad.put("correctedModifiers", "95,GTX");
        bad.put("correctedUnits", "-1");
        bad.put("correctedDiagnoses", "depression");
        bad.put("correctedPlaceOfService", "1");
        bad.put("correctedRenderingNpi", "12345");
        bad.put("correctedAuthorization", "AUTH 1");
        bad.put("correctedLine", "0");

        assertThat(ClaimChangeFields.problems(bad)).containsOnlyKeys("correctedProcedure", "correctedModifiers",
                "correctedUnits", "correctedDiagnoses", "correctedPlaceOfService", "correctedRenderingNpi",
                "correctedRenderingName", "correctedAuthorization", "correctedLine");
        assertThat(ClaimChangeFields.problems(bad).get("correctedRenderingName")).contains("Last, First");
        assertThat(ClaimChangeFields.problems(Map.of())).isEmpty();
    }
}
