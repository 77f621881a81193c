package org.overturn.workflow.internal;

import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overturn.FakeExecution;
import org.overturn.correction.CorrectedClaims;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.Denials;

/** RecordCorrectedClaim and ResubmitClaim: the corrected claim's record, then its submission. */
class CorrectionDelegatesTest {

    private final CorrectedClaims correctedClaims = mock(CorrectedClaims.class);
    private final Denials denials = mock(Denials.class);

    @Test
    void recordCorrectedClaimKeepsWhatChangedWhyAndWho() {
        new RecordCorrectedClaim(correctedClaims).execute(FakeExecution.with(Map.of("denialId", 7L,
                "whatChanged", "90837 to 90834", "correctionReason", "note documents 45 minutes",
                "lastCompletedBy", "bea")));

        verify(correctedClaims).record(7L, "90837 to 90834", "note documents 45 minutes", "bea");
    }

    @Test
    void resubmitClaimMarksTheCorrectionSubmittedTheDenialWaitingAndRendersTheCoverLetter() {
        var letters = org.mockito.Mockito.mock(org.overturn.letters.Letters.class);
        new ResubmitClaim(correctedClaims, denials, letters).execute(FakeExecution.with(Map.of("denialId", 7L,
                "lastCompletedBy", "bea")));

        var order = inOrder(correctedClaims, denials);
        order.verify(correctedClaims).markSubmitted(7L);
        order.verify(denials).moveTo(7L, DenialStatus.CORRECTION_SUBMITTED);
        verify(letters).render(7L, org.overturn.letters.LetterKind.CORRECTED_CLAIM_COVER, 0, null, "bea");
    }
}
