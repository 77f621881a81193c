package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.junit.jupiter.api.Test;
import org.overturn.denial.HoldHarmless;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.overturn.worklist.TaskProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hold-harmless: the patient is not billed for a contractual (CO) denial, from any task that could bill them,
 * unless a manager overrides it with a reason, recorded with the denial and in the audit log. A denial whose
 * primary adjustment is not contractual (OA, PI) stays billable, as does patient responsibility (PR), which is
 * never a denial at all.
 */
@LifecycleProcessTest
class HoldHarmlessIT {

    static final String WAIVER = "The patient signed a waiver for this service before it was given.";

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    HoldHarmless holdHarmless;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void refusesToBillThePatientForAContractualDenialFromCorrectClaim() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "180.00")
                .procedure("90791"));

        assertThat(holdHarmless.protectsPatient(denial.id())).isTrue();
        assertRefused(() -> scenario.complete(denial, Tasks.CORRECT_CLAIM, "correctionOutcome", "PATIENT"),
                "correctionOutcome", "hold-harmless");
        assertThat(denial.process()).isWaitingAt(Tasks.CORRECT_CLAIM);
    }

    @Test
    void refusesToBillThePatientForAContractualDenialFromPrepareAppeal() {
        Denied denial = scenario.denial(AppealPathIT.medicalNecessity(LifecycleScenario.newClaim(), "400.00"));

        assertRefused(() -> scenario.complete(denial, Tasks.PREPARE_APPEAL, "appealAction", "PATIENT"),
                "appealAction", "hold-harmless");
        assertRefused(() -> scenario.complete(denial, Tasks.PREPARE_APPEAL, "appealAction", "PATIENT",
                "patientBillingOverride", WAIVER), "patientBillingOverride", "Only a manager");
        assertThat(denial.process()).isWaitingAt(Tasks.PREPARE_APPEAL);
        assertThat(overrides(denial)).isZero();
    }

    @Test
    void aManagerOverridesWithAReasonThatIsRecordedAndAudited() {
        Denied denial = scenario.denial(AppealPathIT.medicalNecessity(LifecycleScenario.newClaim(), "400.00"));
        scenario.complete(denial, Tasks.PREPARE_APPEAL, "appealAction", "WRITE_OFF");

        assertRefused(() -> scenario.complete(denial, Tasks.DECIDE_WRITE_OFF, "writeOffDecision", "PATIENT"),
                "writeOffDecision", "hold-harmless");
        scenario.complete(denial, Tasks.DECIDE_WRITE_OFF, "writeOffDecision", "PATIENT",
                "patientBillingOverride", WAIVER);

        assertThat(denial.process()).isWaitingAt(Tasks.BILL_PATIENT);
        var override = holdHarmless.overrideOf(denial.id()).orElseThrow();
        assertThat(override.manager()).isEqualTo(LifecycleScenario.MANAGER.id());
        assertThat(override.reason()).isEqualTo(WAIVER);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where action = 'PATIENT_BILLING_OVERRIDE' and record_type = 'denial'
                   and record_id = ? and actor = ? and detail not like '%waiver%'""", Integer.class,
                String.valueOf(denial.id()), LifecycleScenario.MANAGER.id())).isEqualTo(1);
    }

    @Test
    void billsThePatientForADenialThatIsNotContractual() {
        // coverage ended (OA-27): the primary adjustment is OA, not CO
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "OA", "27", "160.00"));

        assertThat(holdHarmless.protectsPatient(denial.id())).isFalse();
        assertThat(denial.process()).isWaitingAt(Tasks.CORRECT_CLAIM);
        scenario.complete(denial, Tasks.CORRECT_CLAIM, "correctionOutcome", "PATIENT");

        assertThat(denial.process()).isWaitingAt(Tasks.BILL_PATIENT);
        assertThat(overrides(denial)).isZero();
    }

    @Test
    void refusesAnOverrideWhereNoneIsNeeded() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "202", "150.00"));

        assertRefused(() -> scenario.complete(denial, Tasks.DECIDE_WRITE_OFF, "writeOffDecision", "WRITE_OFF",
                "writeOffReason", "comfort item", "patientBillingOverride", WAIVER), "patientBillingOverride",
                "Only for billing the patient");
    }

    private int overrides(Denied denial) {
        return jdbc.queryForObject("select count(*) from denial_patient_billing_override where denial_id = ?",
                Integer.class, denial.id());
    }

    private static void assertRefused(Runnable completion, String field, String says) {
        assertThatThrownBy(completion::run).isInstanceOfSatisfying(TaskProblem.class, p -> {
            assertThat(p.kind()).isEqualTo(TaskProblem.Kind.INVALID);
            assertThat(p.fieldErrors()).containsKey(field);
            assertThat(p.fieldErrors().get(field)).contains(says);
        });
    }
}
