package org.overturn.workflow.internal;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;
import org.overturn.FakeExecution;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimAcceptance;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.StoredClaim;
import org.overturn.claim.TimelyFiling;
import org.overturn.denial.BilledClaims;
import org.overturn.denial.DenialKind;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.denial.RootCause;

/** SuggestTimelyFilingProof: the proof on file offered as the task's answer, or nothing. */
class SuggestTimelyFilingProofTest {

    static final LocalDate SERVICE = LocalDate.of(2026, 1, 5);

    final Denials denials = mock(Denials.class);
    final BilledClaims billedClaims = mock(BilledClaims.class);
    final DelegateTask task = mock(DelegateTask.class);

    SuggestTimelyFilingProofTest() {
        var execution = FakeExecution.with(Map.of("denialId", 7L));
        when(task.getExecution()).thenReturn(execution);
        when(denials.find(7L)).thenReturn(Optional.of(new DenialView(7L, 70L, "PCN1", "P1", "ACME", DenialKind.FULL,
                "29", RootCause.TIMELY_FILING, "appeals", false, true, null, new BigDecimal("180.00"),
                DenialStatus.OPEN, false, SERVICE.plusDays(120), Instant.EPOCH, "COMMERCIAL", null, 10, 0, null, null,
                null, org.overturn.denial.WorkPath.TIMELY_FILING_PROOF)));
    }

    void claimOnFile(ClaimAcceptance acceptance, int limit) {
        var line = new BilledLine(1, null, "HC", "90837", List.of(), new BigDecimal("180.00"), "UN", BigDecimal.ONE,
                null, List.of(1), SERVICE, null, null, null, null);
        var claim = new BilledClaim(ClaimKind.PROFESSIONAL, "PCN1", new BigDecimal("180.00"), "11", "B", "1", null,
                null, null, null, null, "CI", List.of("F331"), null, null, null, null, null, null, null, List.of(),
                List.of(line));
        var stored = new StoredClaim(3L, claim, SERVICE.plusDays(10), "B1", SERVICE.plusDays(10), acceptance, null,
                null, null);
        when(billedClaims.of(70L, "P1")).thenReturn(Optional.of(new BilledClaims.BilledClaim(stored, null,
                TimelyFiling.of(stored, limit))));
    }

    @Test
    void anAcceptanceWithinTheLimitIsOfferedAsTheProof() {
        claimOnFile(new ClaimAcceptance(SERVICE.plusDays(12), "RPT-9", "ACME"), 90);

        new SuggestTimelyFilingProof(denials, billedClaims).notify(task);

        verify(task).setVariable("proofOfTimelyFiling", true);
        verify(task).setVariable(eq("proofDescription"), contains("277CA acceptance on 2026-01-17, report RPT-9: 12 days"));
    }

    @Test
    void anAcceptancePastTheLimitIsSaidButNotOfferedAsProof() {
        claimOnFile(new ClaimAcceptance(SERVICE.plusDays(95), "RPT-9", "ACME"), 90);

        new SuggestTimelyFilingProof(denials, billedClaims).notify(task);

        verify(task, never()).setVariable(eq("proofOfTimelyFiling"), org.mockito.ArgumentMatchers.any());
        verify(task).setVariable(eq("proofDescription"), contains("past its limit of 90 days"));
    }

    @Test
    void withoutAnAcceptanceTheFirstSendingIsSaid() {
        claimOnFile(null, 90);

        new SuggestTimelyFilingProof(denials, billedClaims).notify(task);

        verify(task, never()).setVariable(eq("proofOfTimelyFiling"), org.mockito.ArgumentMatchers.any());
        verify(task).setVariable(eq("proofDescription"), contains("No payer acceptance (277CA) on file"));
    }

    @Test
    void withoutAClaimOnFileNothingIsSuggested() {
        when(billedClaims.of(70L, "P1")).thenReturn(Optional.empty());

        new SuggestTimelyFilingProof(denials, billedClaims).notify(task);

        verify(task, never()).setVariable(anyString(), org.mockito.ArgumentMatchers.any());
    }
}
