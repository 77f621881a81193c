package org.overturn.parity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.junit.jupiter.api.Test;
import org.overturn.FakeExecution;
import org.overturn.parity.ParityCases;
import org.overturn.parity.ParityEscalation.Errors;
import org.overturn.parity.ParityLetters;
import org.overturn.parity.ParityPolicy;

/** The parity delegates read their variables typed, and throw the error codes the model declares. */
class ParityVariablesTest {

    @Test
    void aMissingVariableFailsWithItsNameBeforeAnythingIsWritten() {
        ParityCases cases = mock(ParityCases.class);
        var update = new UpdateParityCase(cases, mock(ParityLetters.class),
                new ParityPolicy(java.time.Duration.ofDays(30)), mock(org.overturn.letters.Part2GatedSending.class));

        assertThatThrownBy(() -> update.execute(FakeExecution.with(Map.of("caseStatus", "CONFIRMED"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("denialId");
        assertThatThrownBy(() -> update.execute(FakeExecution.with(Map.of("denialId", 7L))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("caseStatus");
        assertThatThrownBy(() -> update.execute(FakeExecution.with(Map.of("denialId", 7L,
                "caseStatus", "COMPLAINT_FILED")))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("complaintFiledOn");
        verifyNoInteractions(cases);
    }

    @Test
    void theModelCatchesExactlyTheErrorCodesTheDelegatesThrow() {
        var model = Bpmn.readModelFromStream(getClass().getResourceAsStream("/bpmn/parity-escalation.bpmn"));

        assertThat(model.getModelElementsByType(Error.class).stream().map(Error::getErrorCode)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(Errors.NO_APPEAL_ADDRESS, Errors.CONSENT_MISSING);
    }
}
