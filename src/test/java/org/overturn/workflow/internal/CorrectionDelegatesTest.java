package org.overturn.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.inOrder;
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
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.overturn.FakeExecution;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimAnswers;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.StoredClaim;
import org.overturn.correction.ClaimChanges;
import org.overturn.correction.CorrectedClaims;
import org.overturn.correction.ReplacementClaims;
import org.overturn.denial.DenialKind;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.denial.RootCause;
import org.overturn.remittance.ClaimRecords;

/** RecordCorrectedClaim and ResubmitClaim: the corrected claim's record and its replacement 837, then its submission. */
class CorrectionDelegatesTest {

    private final CorrectedClaims correctedClaims = mock(CorrectedClaims.class);
    private final ReplacementClaims replacements = mock(ReplacementClaims.class);
    private final Denials denials = mock(Denials.class);
    private final ClaimAnswers claimAnswers = mock(ClaimAnswers.class);
    private final ClaimRecords claimRecords = mock(ClaimRecords.class);
    private final RecordCorrectedClaim record = new RecordCorrectedClaim(correctedClaims, replacements, denials,
            claimAnswers, claimRecords);

    private static DenialView denial() {
        return new DenialView(7L, 70L, "PCN1", "P1", "ACME", DenialKind.FULL, "4", RootCause.CODING, "coding", true,
                false, null, new BigDecimal("180.00"), DenialStatus.OPEN, false, LocalDate.of(2026, 3, 1),
                Instant.EPOCH, "COMMERCIAL", null, 10, 0, null, null, null, org.overturn.denial.WorkPath.CORRECT);
    }

    private static StoredClaim storedClaim() {
        var line = new BilledLine(1, null, "HC", "90837", List.of(), new BigDecimal("180.00"), "UN", BigDecimal.ONE,
                null, List.of(1), LocalDate.of(2026, 2, 2), null, null, null, null);
        var claim = new BilledClaim(ClaimKind.PROFESSIONAL, "PCN1", new BigDecimal("180.00"), "11", "B", "1",
                new ClaimParty("ACME", "P1"), null, null, null, null, "CI", List.of("F331"), null, null, null, null,
                null, null, null, List.of(), List.of(line));
        return new StoredClaim(3L, claim, LocalDate.of(2026, 2, 3), "B1", LocalDate.of(2026, 2, 3), null, null, null,
                null);
    }

    @Test
    void keepsTheFreeTextCorrectionWhenNoClaimIsOnFileAndSaysToResubmitByHand() {
        when(denials.find(7L)).thenReturn(Optional.of(denial()));
        when(claimAnswers.claimFor(70L)).thenReturn(Optional.empty());
        when(correctedClaims.record(eq(7L), anyString(), anyString(), anyString(), any(), anyString())).thenReturn(5L);

        record.execute(FakeExecution.with(Map.of("denialId", 7L, "whatChanged", "90837 to 90834",
                "correctionReason", "note documents 45 minutes", "lastCompletedBy", "bea")));

        verify(correctedClaims).record(7L, "90837 to 90834", "note documents 45 minutes", "bea", null, "7");
        verify(correctedClaims).noReplacement(eq(5L), contains("No claim (837) on file"));
        verify(replacements, never()).make(anyLong(), anyLong(), any(), any(), any(), any());
    }

    @Test
    void makesTheReplacementFromTheStructuredChangesAndTheClaimOnFile() {
        when(denials.find(7L)).thenReturn(Optional.of(denial()));
        when(claimAnswers.claimFor(70L)).thenReturn(Optional.of(storedClaim()));
        var remittanceClaim = mock(ClaimRecords.ClaimRecord.class);
        when(remittanceClaim.payerClaimControlNumber()).thenReturn("PAYER-991");
        when(claimRecords.find(70L)).thenReturn(Optional.of(remittanceClaim));
        when(correctedClaims.record(eq(7L), anyString(), anyString(), anyString(), any(), anyString())).thenReturn(5L);

        record.execute(FakeExecution.with(Map.of("denialId", 7L, "correctedProcedure", "90834",
                "correctedModifiers", "95", "correctedPlaceOfService", "10",
                "correctionReason", "note documents 45 minutes by video", "lastCompletedBy", "bea")));

        var changes = ArgumentCaptor.forClass(ClaimChanges.class);
        verify(replacements).make(eq(7L), eq(5L), eq(storedClaim()), eq("PAYER-991"), changes.capture(), eq("bea"));
        assertThat(changes.getValue().procedure()).isEqualTo("90834");
        assertThat(changes.getValue().modifiers()).containsExactly("95");
        assertThat(changes.getValue().placeOfService()).isEqualTo("10");
        var described = ArgumentCaptor.forClass(String.class);
        verify(correctedClaims).record(eq(7L), described.capture(), eq("note documents 45 minutes by video"),
                eq("bea"), contains("\"correctedProcedure\":\"90834\""), eq("7"));
        assertThat(described.getValue()).isEqualTo("line 1: 90837 to 90834; line 1 modifiers 95; place of service 10");
        verify(correctedClaims, never()).noReplacement(anyLong(), anyString());
    }

    @Test
    void aReplacementThatCannotBeMadeIsRecordedWithItsReasonAndTheProcessGoesOn() {
        when(denials.find(7L)).thenReturn(Optional.of(denial()));
        when(claimAnswers.claimFor(70L)).thenReturn(Optional.of(storedClaim()));
        when(claimRecords.find(70L)).thenReturn(Optional.empty());
        when(correctedClaims.record(eq(7L), anyString(), anyString(), anyString(), any(), anyString())).thenReturn(5L);
        when(replacements.make(anyLong(), anyLong(), any(), isNull(), any(), any()))
                .thenThrow(new IllegalArgumentException("the payer's claim control number (CLP07) is needed for REF*F8"));

        record.execute(FakeExecution.with(Map.of("denialId", 7L, "claimFrequency", "VOID",
                "correctionReason", "billed in error", "lastCompletedBy", "bea")));

        verify(correctedClaims).record(eq(7L), eq("claim voided (frequency 8)"), eq("billed in error"), eq("bea"),
                any(), eq("8"));
        verify(correctedClaims).noReplacement(eq(5L), contains("CLP07"));
    }

    @Test
    void resubmitClaimReleasesTheReplacementMarksTheDenialWaitingAndRendersTheCoverLetter() {
        var letters = org.mockito.Mockito.mock(org.overturn.letters.Letters.class);
        new ResubmitClaim(correctedClaims, denials, letters, replacements).execute(FakeExecution.with(Map.of(
                "denialId", 7L, "lastCompletedBy", "bea")));

        var order = inOrder(correctedClaims, replacements, denials);
        order.verify(correctedClaims).markSubmitted(7L);
        order.verify(replacements).release(7L, "bea");
        order.verify(denials).moveTo(7L, DenialStatus.CORRECTION_SUBMITTED);
        verify(letters).render(7L, org.overturn.letters.LetterKind.CORRECTED_CLAIM_COVER, 0, null, "bea");
    }
}
