package org.overturn.parity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.junit.jupiter.api.Test;
import org.overturn.FakeExecution;
import org.overturn.denial.DenialKind;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.denial.RootCause;
import org.overturn.letters.LetterMailer;
import org.overturn.letters.Part2GatedSending;
import org.overturn.letters.LetterKind;
import org.overturn.letters.Letters;
import org.overturn.parity.ParityCases;
import org.overturn.parity.ParityEscalation.Errors;
import org.overturn.parity.ParityEscalation.Status;
import org.overturn.parity.ParityLetters;
import org.overturn.parity.ParityPolicy;
import org.overturn.part2.Consent;
import org.overturn.part2.PatientConsents;
import org.overturn.part2.Recipient;

/** The parity escalation's delegates, each on its own. */
class ParityDelegatesTest {

    private final ParityCases cases = mock(ParityCases.class);
    private final ParityLetters letters = mock(ParityLetters.class);
    private final ParityPolicy policy = new ParityPolicy(java.time.Duration.ofDays(30));
    private final LetterMailer mailer = mock(LetterMailer.class);
    private final Denials denials = mock(Denials.class);
    private final PatientConsents consents = mock(PatientConsents.class);
    private final org.overturn.letters.Letters letterVersions = mock(org.overturn.letters.Letters.class);
    private final Part2GatedSending sending = new Part2GatedSending(mailer, letterVersions, denials, consents,
            mock(org.overturn.part2.Disclosures.class));
    private final Part2GatedSending handDelivery = mock(Part2GatedSending.class);

    private void version(long id, long denialId) {
        when(letterVersions.version(id)).thenReturn(Optional.of(new org.overturn.letters.Letters.LetterVersion(id, 3L,
                denialId, org.overturn.letters.LetterKind.PARITY_ANALYSIS_REQUEST, 0, 1, "analysis-request.ftlh",
                "ab".repeat(32), 1, "pat", java.time.Instant.now(), null)));
    }

    @Test
    void updateParityCaseRecordsTheSpecialistsDecisionAndReason() {
        var update = new UpdateParityCase(cases, letters, policy, handDelivery);

        update.execute(FakeExecution.with(Map.of("denialId", 7L, "caseStatus", "CONFIRMED", "lastCompletedBy", "pat",
                "parityReason", "stricter than medical")));
        update.execute(FakeExecution.with(Map.of("denialId", 8L, "caseStatus", "DISMISSED", "lastCompletedBy", "pat",
                "parityReason", "same for medical")));

        verify(cases).decide(7L, Status.CONFIRMED, "pat", "stricter than medical");
        verify(cases).decide(8L, Status.DISMISSED, "pat", "same for medical");
    }

    @Test
    void updateParityCaseRecordsAFilingWithItsRegulatorAndTheOutcome() {
        when(letters.regulatorOf(7L)).thenReturn("Department of Insurance of NY");
        var update = new UpdateParityCase(cases, letters, policy, handDelivery);

        update.execute(FakeExecution.with(Map.of("denialId", 7L, "caseStatus", "COMPLAINT_FILED",
                "complaintFiledOn", "2026-11-20", "complaintReference", "DOI-1")));
        update.execute(FakeExecution.with(Map.of("denialId", 7L, "caseStatus", "CLOSED",
                "complaintOutcome", "VIOLATION_FOUND")));
        update.execute(FakeExecution.with(Map.of("denialId", 9L, "caseStatus", "RESOLVED")));
        update.execute(FakeExecution.with(Map.of("denialId", 10L, "caseStatus", "REQUEST_SENT")));

        verify(cases).complaintFiled(7L, "Department of Insurance of NY", LocalDate.of(2026, 11, 20), "DOI-1");
        verify(handDelivery).accountDeliveredByHand(7L, new Recipient(Recipient.Kind.REGULATOR, null,
                "Department of Insurance of NY"), "parity complaint with its evidence", null);
        verify(cases).complaintDecided(7L, "VIOLATION_FOUND");
        verify(cases).resolved(9L);
        verify(cases).requestSent(10L, policy.responseDue());
    }

    @Test
    void renderAnalysisRequestKeepsTheVersionForTheSend() {
        when(letters.renderRequest(7L, policy.responseDue(), "pat")).thenReturn(version(41L));
        var execution = FakeExecution.with(new HashMap<>(Map.of("denialId", 7L, "lastCompletedBy", "pat")));

        new RenderAnalysisRequest(letters, policy).execute(execution);

        assertThat(execution.getVariable("parityRequestVersionId")).isEqualTo(41L);
    }

    @Test
    void sendAnalysisRequestEmailsUnderThePart2ConsentAndStartsTheWindow() {
        when(denials.find(7L)).thenReturn(Optional.of(denial(7L, true)));
        Recipient payer = Recipient.payer("P", "PAYER");
        Consent consent = new Consent(5L, "DOE", "JANE", LocalDate.of(1980, 1, 2), "M1", "Riverside OTP",
                "claims and treatment records", payer, false, "appeal", LocalDate.now().plusYears(1), null,
                "the patient", LocalDate.now(), null, "sam", List.of());
        when(consents.payerOf(7L)).thenReturn(Optional.of(payer));
        when(consents.validFor(7L, payer)).thenReturn(Optional.of(consent));

        version(41L, 7L);

        new SendAnalysisRequest(sending, cases, policy).execute(FakeExecution.with(Map.of(
                "denialId", 7L, "parityRequestVersionId", 41L, "lastCompletedBy", "pat")));

        verify(mailer).send(41L, "pat", null, List.of(new Part2GatedSending.Grant(payer, consent)));
        verify(cases).requestSent(7L, policy.responseDue());
    }

    @Test
    void sendAnalysisRequestLeavesByBpmnErrorsWithoutConsentOrAddress() {
        when(denials.find(7L)).thenReturn(Optional.of(denial(7L, true)));
        when(denials.find(8L)).thenReturn(Optional.of(denial(8L, false)));
        when(consents.payerOf(7L)).thenReturn(Optional.of(Recipient.payer("P", "PAYER")));
        when(mailer.send(42L, null, null, List.of())).thenThrow(new LetterMailer.NoAppealAddress("P"));
        version(41L, 7L);
        version(42L, 8L);
        var send = new SendAnalysisRequest(sending, cases, policy);

        assertThatThrownBy(() -> send.execute(FakeExecution.with(Map.of("denialId", 7L, "parityRequestVersionId", 41L))))
                .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(Errors.CONSENT_MISSING));
        assertThatThrownBy(() -> send.execute(FakeExecution.with(Map.of("denialId", 8L, "parityRequestVersionId", 42L))))
                .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(Errors.NO_APPEAL_ADDRESS));
        verifyNoInteractions(cases);
    }

    @Test
    void prepareParityComplaintArguesWithTheSpecialistsReasonsAndTheAssessment() {
        when(letters.renderComplaint(7L, "stricter than medical\n\nThe plan's analysis: no comparison", "pat"))
                .thenReturn(version(43L));
        var execution = FakeExecution.with(new HashMap<>(Map.of("denialId", 7L, "parityReason", "stricter than medical",
                "assessmentNote", "no comparison", "lastCompletedBy", "pat")));

        new PrepareParityComplaint(letters).execute(execution);

        assertThat(execution.getVariable("parityComplaintVersionId")).isEqualTo(43L);
    }

    private static Letters.LetterVersion version(long id) {
        return new Letters.LetterVersion(id, 1L, 7L, LetterKind.PARITY_ANALYSIS_REQUEST, 0, 1, "parity/x.ftlh",
                "ab".repeat(32), 1, "pat", Instant.now(), null);
    }

    private static DenialView denial(long id, boolean part2) {
        return new DenialView(id, 1L, "PCN", "P", "PAYER", DenialKind.FULL, "50", RootCause.MEDICAL_NECESSITY,
                "appeals", false, true, null, new BigDecimal("100"), DenialStatus.OPEN, part2, LocalDate.now(),
                Instant.now(), "COMMERCIAL", LocalDate.now().plusDays(180), 50, 0, null, null, null,
                org.overturn.denial.WorkPath.APPEAL);
    }
}
