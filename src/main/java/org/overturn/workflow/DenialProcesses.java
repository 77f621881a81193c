package org.overturn.workflow;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.remittance.ClaimPaymentStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives every new denial its process and every later 835 for a claim to the process already working it. Runs
 * inside the ingestion transaction, so a denial is never stored without its process, nor a payer's answer
 * lost between the two.
 */
@Service
public class DenialProcesses {

    private static final Logger log = LoggerFactory.getLogger(DenialProcesses.class);

    private final RuntimeService runtime;
    private final Denials denials;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DenialProcesses(RuntimeService runtime, Denials denials, JdbcTemplate jdbc, Clock clock) {
        this.runtime = runtime;
        this.denials = denials;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record OpenDenial(long denialId, String processInstanceId) {
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ClaimPaymentStored payment) {
        Optional<OpenDenial> open = openDenialFor(payment);
        if (open.isEmpty()) {
            if (payment.denialId() != null) {
                start(payment.denialId());
            }
            return;
        }
        String answer = answerOf(payment);
        boolean waitingForAnswer = isWaitingFor(open.get(), DenialLifecycle.Messages.PAYER_ANSWER);
        if (waitingForAnswer && !answer.equals(DenialLifecycle.PayerAnswers.REVERSED)) {
            correlate(open.get(), DenialLifecycle.Messages.PAYER_ANSWER, payment, answer);
            if (payment.denialId() != null) {
                denials.follow(payment.denialId(), open.get().denialId());
                recordProcess(payment.denialId(), open.get().processInstanceId());
            }
        } else if (waitingForAnswer) {
            // a reversal while waiting: the payer's new adjudication of the claim follows in a later 835
            log.info("Reversal for denial #{} while it waits for the payer: still waiting", open.get().denialId());
        } else {
            correlate(open.get(), DenialLifecycle.Messages.LATER_PAYMENT_RECEIVED, payment, answer);
            if (payment.denialId() != null) {
                start(payment.denialId());
            }
        }
    }

    /** Starts the lifecycle of a denial; the primary key of {@code denial_process} forbids a second one. */
    public String start(long denialId) {
        DenialView denial = denials.find(denialId)
                .orElseThrow(() -> new IllegalArgumentException("no denial " + denialId));
        Map<String, Object> variables = new HashMap<>();
        variables.put(DENIAL_ID, denial.id());
        variables.put(QUEUE, denial.queue());
        variables.put(ROOT_CAUSE, denial.rootCause().name());
        variables.put(CORRECTABLE, denial.correctable());
        variables.put(APPEALABLE, denial.appealable());
        variables.put(AMOUNT_AT_RISK, denial.amountAtRisk().doubleValue());
        variables.put(PRIORITY, denial.priority());
        variables.put(PART2, denial.part2());
        variables.put(APPEAL_LEVEL, 1);
        String processInstanceId = runtime.createProcessInstanceByKey(DenialLifecycle.PROCESS_KEY)
                .businessKey(String.valueOf(denialId))
                .setVariables(variables)
                .execute()
                .getProcessInstanceId();
        recordProcess(denialId, processInstanceId);
        return processInstanceId;
    }

    private void recordProcess(long denialId, String processInstanceId) {
        jdbc.update("insert into denial_process (denial_id, process_instance_id, started_at) values (?, ?, ?)",
                denialId, processInstanceId, Timestamp.from(clock.instant()));
    }

    /**
     * The denial of the same claim (patient control number and payer) from an earlier remittance that is still
     * being worked. Claims of the same remittance sharing a patient control number are separate claims, and a
     * practice may reuse one for several claims: among several candidates the one the answer points at wins
     * (the payment a reversal takes back, then the same payer claim control number, then the same charge),
     * and only then the newest.
     */
    private Optional<OpenDenial> openDenialFor(ClaimPaymentStored payment) {
        List<OpenDenial> found = jdbc.query("""
                select d.id, dp.process_instance_id
                  from denial d
                  join denial_process dp on dp.denial_id = d.id
                  join claim_payment cp on cp.id = d.claim_payment_id
                  join claim_payment answer on answer.id = ?
                 where d.patient_control_number = ?
                   and d.payer_id is not distinct from ?
                   and d.status in ('OPEN', 'CORRECTION_SUBMITTED', 'APPEALED')
                   and cp.remittance_id <> ?
                 order by coalesce(answer.reverses_id = cp.id, false) desc,
                          coalesce(answer.payer_claim_control_number = cp.payer_claim_control_number, false) desc,
                          (abs(answer.charge) = abs(cp.charge)) desc,
                          d.id desc
                 limit 1
                """, (rs, i) -> new OpenDenial(rs.getLong(1), rs.getString(2)),
                payment.claimPaymentId(), payment.patientControlNumber(), payment.payerId(), payment.remittanceId());
        return found.stream().findFirst();
    }

    private boolean isWaitingFor(OpenDenial open, String message) {
        return runtime.createEventSubscriptionQuery()
                .processInstanceId(open.processInstanceId())
                .eventType("message")
                .eventName(message)
                .count() > 0;
    }

    private void correlate(OpenDenial open, String message, ClaimPaymentStored payment, String answer) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PAYER_ANSWER, answer);
        variables.put(ANSWER_CLAIM_PAYMENT_ID, payment.claimPaymentId());
        variables.put(ANSWER_PAID, payment.paid() == null ? 0.0 : payment.paid().doubleValue());
        variables.put(ANSWER_DENIAL_ID, payment.denialId());
        runtime.createMessageCorrelation(message)
                .processInstanceId(open.processInstanceId())
                .setVariables(variables)
                .correlateWithResult();
        log.info("Later 835 for denial #{} correlated as {} ({})", open.denialId(), message, answer);
    }

    private static String answerOf(ClaimPaymentStored payment) {
        if ("22".equals(payment.status())) {
            return DenialLifecycle.PayerAnswers.REVERSED;
        }
        return payment.denialId() == null ? DenialLifecycle.PayerAnswers.PAID : DenialLifecycle.PayerAnswers.DENIED;
    }
}
