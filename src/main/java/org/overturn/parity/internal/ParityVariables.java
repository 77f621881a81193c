package org.overturn.parity.internal;

import static org.overturn.parity.ParityEscalation.Variables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.overturn.parity.ParityEscalation.Status;

/**
 * Typed reads of the parity escalation's variables, so delegates never cast raw objects: a missing required
 * variable fails with its name, not a NullPointerException or ClassCastException deep in a delegate.
 */
final class ParityVariables {

    private final VariableScope scope;

    private ParityVariables(VariableScope scope) {
        this.scope = scope;
    }

    static ParityVariables of(VariableScope scope) {
        return new ParityVariables(scope);
    }

    long denialId() {
        return requiredLong(DENIAL_ID);
    }

    long requestVersionId() {
        return requiredLong(REQUEST_VERSION_ID);
    }

    String lastCompletedBy() {
        return string(LAST_COMPLETED_BY);
    }

    Status caseStatus() {
        String status = string(CASE_STATUS);
        if (status == null) {
            throw new IllegalStateException("process variable " + CASE_STATUS + " is missing");
        }
        return Status.valueOf(status);
    }

    String parityReason() {
        return string(PARITY_REASON);
    }

    String assessmentNote() {
        return string(ASSESSMENT_NOTE);
    }

    LocalDate complaintFiledOn() {
        String filedOn = string(COMPLAINT_FILED_ON);
        if (filedOn == null) {
            throw new IllegalStateException("process variable " + COMPLAINT_FILED_ON + " is missing");
        }
        return LocalDate.parse(filedOn);
    }

    String complaintReference() {
        return string(COMPLAINT_REFERENCE);
    }

    String complaintOutcome() {
        return string(COMPLAINT_OUTCOME);
    }

    private long requiredLong(String name) {
        if (!(scope.getVariable(name) instanceof Number number)) {
            throw new IllegalStateException("process variable " + name + " is missing");
        }
        return number.longValue();
    }

    private String string(String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
