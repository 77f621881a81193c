package org.overturn.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.overturn.FakeExecution;
import org.overturn.letters.Part2GatedSending;
import org.overturn.letters.LetterKind;
import org.overturn.letters.Letters;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.overturn.denial.Appeals;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.Denials;

/** SendAppeal, RecordAppealSent, RecordAppealDecision and RaiseAppealLevel: the appeal of each level from sending to decision. */
class AppealDelegatesTest {

    private final Denials denials = mock(Denials.class);
    private final Appeals appeals = mock(Appeals.class);

    private final Letters letters = mock(Letters.class);
    private final Part2GatedSending sending = mock(Part2GatedSending.class);

    private SendAppeal sendAppeal() {
        return new SendAppeal(letters, sending, new RecordAppealSent(appeals, denials));
    }

    private static Letters.LetterVersion version(long id) {
        return new Letters.LetterVersion(id, 3L, 7L, LetterKind.APPEAL, 2, 1, "medical-necessity.ftlh", "ab".repeat(32),
                1, "bea", Instant.now(), null);
    }

    @Test
    void recordAppealSentRecordsTheAppealOfTheCurrentLevelAndWaits() {
        DelegateExecution execution = FakeExecution.with(Map.of("denialId", 7L, "appealLevel", 2,
                "appealArgument", "note attached", "appealPreparedBy", "bea", "appealApprovedBy", "max"));

        new RecordAppealSent(appeals, denials).execute(execution);

        verify(appeals).recordSent(7L, 2, "note attached", "bea", "max");
        var order = inOrder(denials);
        order.verify(denials).enterAppealLevel(7L, 2);
        order.verify(denials).moveTo(7L, DenialStatus.APPEALED);
        assertThat(execution.getVariable("appealSent")).isEqualTo(true);
    }

    @Test
    void recordAppealSentStartsAtLevelOneAndKeepsHowAPostedAppealWent() {
        new RecordAppealSent(appeals, denials).execute(FakeExecution.with(Map.of("denialId", 7L,
                "appealArgument", "note attached", "appealPreparedBy", "bea", "sentBy", "FAX",
                "sentReference", "confirmation 88")));

        verify(appeals).recordSent(7L, 1, "note attached\n\nSent by FAX: confirmation 88", "bea", null);
        verify(denials).enterAppealLevel(7L, 1);
    }

    @Test
    void sendAppealEmailsTheLatestVersionOfTheLevelUnderItsConsentThenRecordsIt() {
        when(letters.latest(7L, LetterKind.APPEAL, 2)).thenReturn(Optional.of(version(41L)));
        when(sending.send(41L, "bea", "max")).thenReturn(new Part2GatedSending.Sent(null, 5L));
        DelegateExecution execution = FakeExecution.with(new HashMap<>(Map.of("denialId", 7L, "appealLevel", 2,
                "appealArgument", "note", "appealPreparedBy", "bea", "appealApprovedBy", "max")));

        sendAppeal().execute(execution);

        var order = inOrder(sending, appeals);
        order.verify(sending).send(41L, "bea", "max");
        order.verify(appeals).recordSent(7L, 2, "note", "bea", "max");
        assertThat(execution.getVariable("appealLetterVersionId")).isEqualTo(41L);
    }

    @Test
    void sendAppealLeavesByABpmnErrorWhenThePayerTakesNoEmail() {
        when(letters.latest(7L, LetterKind.APPEAL, 1)).thenReturn(Optional.of(version(41L)));
        when(sending.send(41L, "bea", null)).thenReturn(new Part2GatedSending.NoAppealAddress("no email for OVT"));

        assertThatThrownBy(() -> sendAppeal().execute(FakeExecution.with(Map.of("denialId", 7L,
                "appealPreparedBy", "bea"))))
                .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("NO_APPEAL_ADDRESS"));
        verifyNoInteractions(appeals);
    }

    @Test
    void sendAppealRefusesAPart2DisclosureWithoutConsent() {
        when(letters.latest(7L, LetterKind.APPEAL, 1)).thenReturn(Optional.of(version(41L)));
        when(sending.send(41L, null, null)).thenReturn(new Part2GatedSending.ConsentMissing(null));

        assertThatThrownBy(() -> sendAppeal().execute(FakeExecution.with(Map.of("denialId", 7L))))
                .isInstanceOfSatisfying(BpmnError.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("PART2_CONSENT_MISSING"));
        verifyNoInteractions(appeals);
    }

    @Test
    void recordAppealDecisionRecordsTheOutcomeOfTheCurrentLevelAndTellsTheParityCaseOfAnUpheldOne() {
        var parity = mock(org.overturn.parity.ParityCases.class);
        new RecordAppealDecision(appeals, parity).execute(FakeExecution.with(Map.of("denialId", 7L, "appealLevel", 2,
                "appealOutcome", "UPHELD")));
        new RecordAppealDecision(appeals, parity).execute(FakeExecution.with(Map.of("denialId", 8L, "appealLevel", 1,
                "appealOutcome", "OVERTURNED")));

        verify(appeals).recordDecision(7L, 2, Appeals.Outcome.UPHELD);
        verify(appeals).recordDecision(8L, 1, Appeals.Outcome.OVERTURNED);
        verify(parity).appealUpheld(7L);
        org.mockito.Mockito.verifyNoMoreInteractions(parity);
    }

    @Test
    void raiseAppealLevelOpensTheNextLevelFromTheDecisionLetterAndWatchesItsDeadline() {
        var deadlines = mock(org.overturn.denial.AppealDeadlines.class);
        var watch = mock(org.overturn.workflow.AppealDeadlineWatch.class);
        java.time.LocalDate letter = java.time.LocalDate.of(2026, 3, 2);
        java.time.LocalDate due = java.time.LocalDate.of(2026, 7, 2);
        when(deadlines.raise(7L, letter)).thenReturn(new org.overturn.denial.AppealStep(
                org.overturn.regime.AppealRegime.ERISA, 2, "External review", due, "the IRO"));
        DelegateExecution execution = FakeExecution.with(new HashMap<>(Map.of("denialId", 7L, "appealLevel", 1,
                "appealSent", true, "appealDecidedOn", "2026-03-02")));

        new RaiseAppealLevel(denials, deadlines, watch).execute(execution);

        assertThat(execution.getVariable("appealLevel")).isEqualTo(2);
        assertThat(execution.getVariable("appealSent")).isEqualTo(false);
        assertThat(execution.getVariable("appealDecidedOn")).as("the next level's letter date is its own").isNull();
        verify(denials).moveTo(7L, DenialStatus.OPEN);
        verify(watch).watch(7L, 2, due);
        assertThat(execution.getVariables()).as("its tasks read the denial's priority").doesNotContainKey("priority");
    }

    @Test
    void raiseAppealLevelRanksALifecycleThatHoldsItsPriorityByTheDenialsNewOne() {
        var deadlines = mock(org.overturn.denial.AppealDeadlines.class);
        when(deadlines.raise(eq(7L), any())).thenReturn(new org.overturn.denial.AppealStep(
                org.overturn.regime.AppealRegime.ERISA, 2, "External review", java.time.LocalDate.of(2026, 7, 2),
                "the IRO"));
        when(denials.find(7L)).thenReturn(Optional.of(org.overturn.denial.DenialViews.medicalNecessity(7L, "400.00", 88)));
        // started before 2026-12-06: the priority is a stored copy
        DelegateExecution execution = FakeExecution.with(new HashMap<>(Map.of("denialId", 7L, "priority", 40,
                "appealDecidedOn", "2026-03-02")));

        new RaiseAppealLevel(denials, deadlines, mock(org.overturn.workflow.AppealDeadlineWatch.class))
                .execute(execution);

        assertThat(execution.getVariable("priority")).isEqualTo(88);
    }

    @Test
    void screenForParitySetsTheRiskAndWhetherACaseIsOpen() {
        var screen = screening(org.overturn.parity.ScreenResult.Risk.LIKELY);
        var cases = mock(org.overturn.parity.ParityCases.class);
        when(cases.caseOf(7L)).thenReturn(Optional.empty());
        DelegateExecution execution = FakeExecution.with(new HashMap<>(Map.of("denialId", 7L)));

        new ScreenForParity(screen, cases).execute(execution);

        assertThat(execution.getVariable("parityRisk")).isEqualTo("LIKELY");
        assertThat(execution.getVariable("parityCaseOpen")).isEqualTo(false);
    }

    @Test
    void screenForParityDoesNotLookForACaseWithoutAConcern() {
        var screen = screening(org.overturn.parity.ScreenResult.Risk.NONE);
        var cases = mock(org.overturn.parity.ParityCases.class);
        DelegateExecution execution = FakeExecution.with(new HashMap<>(Map.of("denialId", 7L)));

        new ScreenForParity(screen, cases).execute(execution);

        assertThat(execution.getVariable("parityRisk")).isEqualTo("NONE");
        assertThat(execution.hasVariable("parityCaseOpen")).isFalse();
        org.mockito.Mockito.verifyNoInteractions(cases);
    }

    /** A parity screen that finds this risk for denial 7 (a medical-necessity limitation unless there is none). */
    private static org.overturn.parity.ParityScreen screening(org.overturn.parity.ScreenResult.Risk risk) {
        var screen = mock(org.overturn.parity.ParityScreen.class);
        boolean none = risk == org.overturn.parity.ScreenResult.Risk.NONE;
        when(screen.screen(7L)).thenReturn(new org.overturn.parity.ScreenResult(7L, none ? "NONE" : "MHPAEA",
                none ? "NONE" : "NQTL_MEDICAL_NECESSITY", risk, "why", "COMMERCIAL",
                org.overturn.parity.LevelOfCare.INTENSIVE_OUTPATIENT, Instant.now()));
        return screen;
    }

    @Test
    void openParityCaseOpensTheCaseOfTheScreenedDenial() {
        var screen = mock(org.overturn.parity.ParityScreen.class);
        var cases = mock(org.overturn.parity.ParityCases.class);
        var result = new org.overturn.parity.ScreenResult(7L, "MHPAEA", "NQTL_PRIOR_AUTHORIZATION",
                org.overturn.parity.ScreenResult.Risk.POSSIBLE, "why", "COMMERCIAL",
                org.overturn.parity.LevelOfCare.OUTPATIENT, Instant.now());
        when(screen.screen(7L)).thenReturn(result);
        when(cases.open(result)).thenReturn(java.util.Optional.of("escalation-1"));
        var processes = mock(org.overturn.workflow.ProcessesOfDenials.class);
        DelegateExecution execution = FakeExecution.with(new HashMap<>(Map.of("denialId", 7L)));

        new OpenParityCase(screen, cases, processes).execute(execution);

        verify(cases).open(result);
        // the escalation is one of the denial's processes, recorded by workflow, which owns that record
        verify(processes).register(7L, "PARITY", "escalation-1");
        assertThat(execution.getVariable("parityCaseOpen")).isEqualTo(true);
    }
}
