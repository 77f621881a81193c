package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.overturn.dashboard.Dashboard;
import org.overturn.dashboard.DashboardFilter;
import org.overturn.dashboard.Kpis;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.overturn.worklist.TaskProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ends that are not write-offs: a manager closes a denial with nothing lost (a recoupment accepted, the claim paid
 * by another payer or by a later payment), each a status and a reason of its own, counted apart on the dashboard.
 */
@LifecycleProcessTest
class NothingLostIT {

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Kpis kpis;

    /** A payer of this test class's own, so the dashboard's figures for it are exactly what these tests did. */
    final String payerId = "NL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void closesAnAcceptedRecoupmentWithoutAWriteOff() {
        Denied denial = nothingToWork("150.00");

        scenario.complete(denial, Tasks.DECIDE_WRITE_OFF, "writeOffDecision", "NO_LOSS",
                "noLossReason", "RECOUPMENT_ACCEPTED", "writeOffReason", "Paid twice; the take-back on ERA 8812 is right");

        assertThat(denial.process()).hasPassed("Task_CloseWithoutLoss", "End_ClosedWithoutLoss")
                .hasNotPassed("Task_RecordWriteOff").isEnded();
        assertThat(scenario.status(denial.id())).isEqualTo("RECOUPMENT_ACCEPTED");
        assertThat(reason(denial)).isEqualTo("RECOUPMENT_ACCEPTED");
    }

    @Test
    void closesAClaimAnotherPayerPaid() {
        Denied denial = nothingToWork("220.00");

        scenario.complete(denial, Tasks.DECIDE_WRITE_OFF, "writeOffDecision", "NO_LOSS",
                "noLossReason", "PAID_BY_OTHER_PAYER", "writeOffReason", "Paid by the secondary plan, ERA trace 55120");

        assertThat(denial.process()).hasPassed("End_ClosedWithoutLoss").isEnded();
        assertThat(scenario.status(denial.id())).isEqualTo("PAID_ELSEWHERE");
        assertThat(reason(denial)).isEqualTo("PAID_BY_OTHER_PAYER");
    }

    @Test
    void closesAClaimWhoseLaterPaymentWasFound() {
        Denied denial = nothingToWork("90.00");

        scenario.complete(denial, Tasks.DECIDE_WRITE_OFF, "writeOffDecision", "NO_LOSS",
                "noLossReason", "LATER_PAYMENT_FOUND", "writeOffReason", "Paid on check 100442 of March 30");

        assertThat(scenario.status(denial.id())).isEqualTo("PAID_ELSEWHERE");
        assertThat(reason(denial)).isEqualTo("LATER_PAYMENT_FOUND");
    }

    @Test
    void asksWhyNothingWasLostAndWhereThePaymentIs() {
        Denied denial = nothingToWork("75.00");

        assertThatThrownBy(() -> scenario.complete(denial, Tasks.DECIDE_WRITE_OFF, "writeOffDecision", "NO_LOSS"))
                .isInstanceOfSatisfying(TaskProblem.class, p -> {
                    assertThat(p.kind()).isEqualTo(TaskProblem.Kind.INVALID);
                    assertThat(p.fieldErrors()).containsKeys("noLossReason", "writeOffReason");
                });
        assertThat(denial.process()).isWaitingAt(Tasks.DECIDE_WRITE_OFF);
        assertThat(scenario.status(denial.id())).isEqualTo("OPEN");
    }

    @Test
    void theDashboardCountsNothingLostApartFromWriteOffs() {
        Denied recouped = nothingToWork("100.00");
        Denied paidElsewhere = nothingToWork("40.00");
        Denied writtenOff = nothingToWork("25.00");
        scenario.complete(recouped, Tasks.DECIDE_WRITE_OFF, "writeOffDecision", "NO_LOSS",
                "noLossReason", "RECOUPMENT_ACCEPTED", "writeOffReason", "take-back accepted");
        scenario.complete(paidElsewhere, Tasks.DECIDE_WRITE_OFF, "writeOffDecision", "NO_LOSS",
                "noLossReason", "PAID_BY_OTHER_PAYER", "writeOffReason", "Medicaid paid it as secondary");
        scenario.complete(writtenOff, Tasks.DECIDE_WRITE_OFF, "writeOffDecision", "WRITE_OFF",
                "writeOffReason", "personal comfort service");

        Dashboard d = kpis.compute(new DashboardFilter(null, null, payerId));

        assertThat(d.writtenOff().denials()).isEqualTo(1);
        assertThat(d.writtenOff().dollars()).isEqualByComparingTo("25.00");
        assertThat(d.closedWithoutLoss()).extracting(Dashboard.NothingLost::status, Dashboard.NothingLost::denials)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DUPLICATE_OF_PAID", 0L),
                        org.assertj.core.groups.Tuple.tuple("RECOUPMENT_ACCEPTED", 1L),
                        org.assertj.core.groups.Tuple.tuple("PAID_ELSEWHERE", 1L));
        assertThat(d.closedWithoutLossTotal().dollars()).isEqualByComparingTo("140.00");
    }

    /** CO-202, a personal comfort service: neither correctable nor appealable, so it reaches a manager's decision. */
    private Denied nothingToWork(String amount) {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "202", amount)
                .payer("NOTHING LOST HEALTH", payerId));
        assertThat(denial.process()).isWaitingAt(Tasks.DECIDE_WRITE_OFF);
        return denial;
    }

    private String reason(Denied denial) {
        return jdbc.queryForObject("select closing_reason from denial where id = ?", String.class, denial.id());
    }
}
