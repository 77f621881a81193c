package org.overturn.workflow;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.denial.ClaimPaymentStored;
import org.overturn.denial.ClaimPaymentsStored;
import org.overturn.system.IndexScans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives every later 835 for a claim to the process already working it (a correction's or an appeal's answer), and
 * hands the set's new denials to {@link LifecycleStarts}; also a payer's decision letter recorded by a biller. Runs
 * inside the ingestion transaction, so a payer's answer is never lost between the file and the process.
 */
@Service
public class PayerAnswers {

    private static final Logger log = LoggerFactory.getLogger(PayerAnswers.class);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final Denials denials;
    private final JdbcTemplate jdbc;
    private final LifecycleStarts starts;
    private final ProcessesOfDenials processesOfDenials;

    PayerAnswers(RuntimeService runtime, ManagementService management, Denials denials, JdbcTemplate jdbc,
                 LifecycleStarts starts, ProcessesOfDenials processesOfDenials) {
        this.runtime = runtime;
        this.management = management;
        this.denials = denials;
        this.jdbc = jdbc;
        this.starts = starts;
        this.processesOfDenials = processesOfDenials;
    }

    record OpenDenial(long denialId, String processInstanceId, long claimPaymentId, String payerClaimControlNumber,
                      java.math.BigDecimal charge) {
    }

    /**
     * Synchronous, in the storing transaction: a new denial's process starts with the denial or not at all (one
     * process per denial, never none), and a payer's answer reaches the process it answers before the file commits.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ClaimPaymentsStored stored) {
        Map<String, List<OpenDenial>> open = openDenialsFor(stored);
        List<ClaimPaymentStored> payments = stored.payments();
        // read in one query: one read per denial costs a flush of the whole persistence context each time
        Map<Long, DenialView> newDenials = new HashMap<>();
        denials.findAll(payments.stream().map(ClaimPaymentStored::denialId).filter(java.util.Objects::nonNull)
                .toList()).forEach(d -> newDenials.put(d.id(), d));
        List<DenialView> toStart = new ArrayList<>();
        for (int i = 0; i < payments.size(); i++) {
            ClaimPaymentStored payment = payments.get(i);
            String key = key(payment.patientControlNumber(), payment.payerId());
            List<OpenDenial> candidates = open.getOrDefault(key, List.of());
            if (candidates.isEmpty() && payment.originalReference() != null) {
                // a replacement billed under a new patient control number: REF*F8 names the claim it replaces
                key = replacementKey(payment.originalReference(), payment.payerId());
                candidates = open.getOrDefault(key, List.of());
            }
            if (!candidates.isEmpty() && "22".equals(payment.status()) && readjudicatedLater(payments, i, key)) {
                // a reversal followed by the claim's new adjudication in the same remittance: the new
                // adjudication is the payer's answer
                continue;
            }
            Optional<OpenDenial> answered = bestMatch(payment, candidates);
            on(payment, answered, newDenials, toStart);
            answered.filter(d -> !isActive(d)).ifPresent(candidates::remove);
        }
        // a payment only ever answers a denial of an earlier remittance: none of the correlations above needs one of
        // these processes, which start together, in one engine command
        starts.startAll(toStart);
    }

    private static boolean readjudicatedLater(List<ClaimPaymentStored> payments, int reversal, String key) {
        for (int j = reversal + 1; j < payments.size(); j++) {
            ClaimPaymentStored later = payments.get(j);
            if (!"22".equals(later.status()) && key(later.patientControlNumber(), later.payerId()).equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a process is still there to hear from the payer (it may have ended on what it just heard). */
    private boolean isActive(OpenDenial open) {
        return runtime.createProcessInstanceQuery().processInstanceId(open.processInstanceId()).active().count() > 0;
    }

    /**
     * A practice may reuse a patient control number for several claims: among several open denials the one the
     * answer points at wins (the payment a reversal takes back, then the same payer claim control number, then
     * the same charge), and only then the newest.
     */
    private static Optional<OpenDenial> bestMatch(ClaimPaymentStored payment, List<OpenDenial> candidates) {
        return candidates.stream().max(java.util.Comparator
                .comparing((OpenDenial d) -> payment.reversedClaimPaymentId() != null
                        && payment.reversedClaimPaymentId() == d.claimPaymentId())
                .thenComparing(d -> payment.payerClaimControlNumber() != null
                        && payment.payerClaimControlNumber().equals(d.payerClaimControlNumber()))
                .thenComparing(d -> payment.charge() != null && d.charge() != null
                        && payment.charge().abs().compareTo(d.charge().abs()) == 0)
                .thenComparingLong(OpenDenial::denialId));
    }

    private void on(ClaimPaymentStored payment, Optional<OpenDenial> open, Map<Long, DenialView> newDenials,
                    List<DenialView> toStart) {
        if (open.isEmpty()) {
            if (payment.denialId() != null) {
                toStart.add(newDenials.get(payment.denialId()));
            }
            return;
        }
        String answer = answerOf(payment);
        catchUp(open.get());
        boolean waitingForAnswer = isWaitingFor(open.get(), DenialLifecycle.Messages.PAYER_ANSWER);
        if (waitingForAnswer && !answer.equals(DenialLifecycle.PayerAnswers.REVERSED)) {
            correlate(open.get(), DenialLifecycle.Messages.PAYER_ANSWER, payment, answer);
            if (payment.denialId() != null) {
                denials.follow(payment.denialId(), open.get().denialId());
                starts.recordProcess(payment.denialId(), open.get().processInstanceId());
            }
        } else if (waitingForAnswer) {
            // a reversal while waiting: the payer's new adjudication of the claim follows in a later 835
            log.info("Reversal for denial #{} while it waits for the payer: still waiting", open.get().denialId());
        } else if (isWaitingFor(open.get(), DenialLifecycle.Messages.LATER_PAYMENT_RECEIVED)) {
            correlate(open.get(), DenialLifecycle.Messages.LATER_PAYMENT_RECEIVED, payment, answer);
            if (payment.denialId() != null) {
                toStart.add(newDenials.get(payment.denialId()));
            }
        } else {
            // the process was ended by hand (Cockpit) without closing its denial: nothing to tell it
            log.warn("Denial #{} is open but its process {} is gone: the later 835 is handled on its own",
                    open.get().denialId(), open.get().processInstanceId());
            if (payment.denialId() != null) {
                toStart.add(newDenials.get(payment.denialId()));
            }
        }
    }

    /**
     * A biller records the payer's decision letter on an appeal the process is waiting on. False when the
     * denial is not waiting for an appeal decision.
     */
    public boolean recordAppealDecision(long denialId, String decision, String recordedBy) {
        return recordAppealDecision(denialId, decision, null, recordedBy);
    }

    /** As above, with the decision letter's date, from which the next level's window counts (null: today). */
    public boolean recordAppealDecision(long denialId, String decision, java.time.LocalDate decidedOn,
                                        String recordedBy) {
        for (String processInstanceId : processesOfDenials.lifecycleOf(denialId).stream().toList()) {
            boolean waiting = runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                    .eventType("message").eventName(DenialLifecycle.Messages.APPEAL_DECISION_RECORDED).count() > 0;
            if (waiting) {
                runtime.createMessageCorrelation(DenialLifecycle.Messages.APPEAL_DECISION_RECORDED)
                        .processInstanceId(processInstanceId)
                        .setVariable(APPEAL_DECISION, decision)
                        .setVariable(LAST_COMPLETED_BY, recordedBy)
                        .setVariable(APPEAL_DECIDED_ON, decidedOn == null ? null : decidedOn.toString())
                        .correlateWithResult();
                return true;
            }
        }
        return false;
    }

    /**
     * A biller records the payer's decision on a retro authorization the process is waiting on (APPROVED with the
     * new number, or DENIED). False when the denial is not waiting for one.
     */
    public boolean recordRetroAuthorizationDecision(long denialId, String decision, String number, String recordedBy) {
        for (String processInstanceId : processesOfDenials.lifecycleOf(denialId).stream().toList()) {
            boolean waiting = runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                    .eventType("message").eventName(DenialLifecycle.Messages.RETRO_AUTHORIZATION_DECIDED).count() > 0;
            if (waiting) {
                runtime.createMessageCorrelation(DenialLifecycle.Messages.RETRO_AUTHORIZATION_DECIDED)
                        .processInstanceId(processInstanceId)
                        .setVariable(RETRO_AUTHORIZATION_DECISION, decision)
                        .setVariable(RETRO_AUTHORIZATION_NUMBER, number)
                        .setVariable(LAST_COMPLETED_BY, recordedBy)
                        .correlateWithResult();
                return true;
            }
        }
        return false;
    }

    /**
     * For every claim of the set, the newest denial of the same claim (patient control number and payer) from an
     * earlier remittance that is still being worked, in one query. Claims of the same remittance sharing a
     * patient control number are separate claims, not answers to each other.
     */
    private Map<String, List<OpenDenial>> openDenialsFor(ClaimPaymentsStored stored) {
        var keys = new java.util.HashSet<String>();
        var pcns = new java.util.HashSet<String>();
        for (ClaimPaymentStored payment : stored.payments()) {
            keys.add(key(payment.patientControlNumber(), payment.payerId()));
            pcns.add(payment.patientControlNumber());
        }
        Map<String, List<OpenDenial>> open = new HashMap<>();
        // By control number only, from the set's array (not "= any"), the payer checked here, and planned for the
        // actual array: the statistics do not yet know this transaction's rows (BENCHMARKS.md, ingest). Each control
        // number is looked up on its own (a lateral subquery the planner may not flatten, "offset 0"), by key: joined
        // as one query, the planner read every open denial into a hash table per remittance (17 ms with 38,000 open),
        // and with hash joins off and statistics from before the file it read the array once per open denial
        IndexScans.perKey(jdbc, () -> jdbc.query("""
                select open.patient_control_number, open.payer_id, open.id, open.process_instance_id,
                       open.claim_payment_id, open.payer_claim_control_number, open.charge
                  from unnest(?::text[]) as claim (patient_control_number)
                 cross join lateral (
                       select d.patient_control_number, d.payer_id, d.id, dp.process_instance_id,
                              cp.id as claim_payment_id, cp.payer_claim_control_number, cp.charge
                         from denial_report d
                         join denial_process dp on dp.denial_id = d.id and dp.kind = 'LIFECYCLE'
                         join remittance_claim_report cp on cp.id = d.claim_payment_id
                        where d.patient_control_number = claim.patient_control_number
                          and d.status in ('OPEN', 'CORRECTION_SUBMITTED', 'APPEALED')
                          and d.follows_denial_id is null
                          and cp.remittance_id <> ?
                       offset 0) open
                 order by open.id
                """, row -> {
            String key = key(row.getString(1), row.getString(2));
            if (keys.contains(key)) {
                open.computeIfAbsent(key, k -> new java.util.ArrayList<>())
                        .add(new OpenDenial(row.getLong(3), row.getString(4), row.getLong(5), row.getString(6),
                                row.getBigDecimal(7)));
            }
        }, pcns.toArray(String[]::new), stored.remittanceId()));
        var replaced = new java.util.HashSet<String>();
        var replacedKeys = new java.util.HashSet<String>();
        for (ClaimPaymentStored payment : stored.payments()) {
            if (payment.originalReference() != null) {
                replaced.add(payment.originalReference());
                replacedKeys.add(replacementKey(payment.originalReference(), payment.payerId()));
            }
        }
        if (!replaced.isEmpty()) {
            jdbc.query("""
                    select cp.payer_claim_control_number, d.payer_id, d.id, dp.process_instance_id, cp.id, cp.charge
                      from remittance_claim_report cp
                      join denial_report d on d.claim_payment_id = cp.id
                      join denial_process dp on dp.denial_id = d.id and dp.kind = 'LIFECYCLE'
                     where cp.payer_claim_control_number = any(?)
                       and d.status in ('OPEN', 'CORRECTION_SUBMITTED', 'APPEALED')
                       and d.follows_denial_id is null
                       and cp.remittance_id <> ?
                     order by d.id
                    """, row -> {
                String key = replacementKey(row.getString(1), row.getString(2));
                if (replacedKeys.contains(key)) {
                    open.computeIfAbsent(key, k -> new java.util.ArrayList<>())
                            .add(new OpenDenial(row.getLong(3), row.getString(4), row.getLong(5), row.getString(1),
                                    row.getBigDecimal(6)));
                }
            }, replaced.toArray(String[]::new), stored.remittanceId());
        }
        return open;
    }

    private static String key(String patientControlNumber, String payerId) {
        return patientControlNumber + '\u0000' + payerId;
    }

    private static String replacementKey(String payerClaimControlNumber, String payerId) {
        return "F8\u0000" + payerClaimControlNumber + '\u0000' + payerId;
    }

    /**
     * A process started in this same transaction (the original and the payer's next word on it in one file) may
     * still wait for the job executor before its parity screen: run that step now, in this transaction, so the
     * answer meets the process at its first task.
     */
    private void catchUp(OpenDenial open) {
        for (Job job : management.createJobQuery().processInstanceId(open.processInstanceId())
                .activityId(DenialLifecycle.PARITY_SCREEN).executable().list()) {
            management.executeJob(job.getId());
        }
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
        variables.put(ANSWER_PAID, org.overturn.workflow.internal.ProcessVariables.money(
                payment.paid() == null ? java.math.BigDecimal.ZERO : payment.paid()));
        variables.put(ANSWER_DENIAL_ID, payment.denialId());
        if (payment.denialId() != null) {
            // a denied answer is the decision on an appeal waiting for one: the next level's clock starts on its date
            denials.find(payment.denialId()).map(org.overturn.denial.DenialView::remittanceDate)
                    .ifPresent(date -> variables.put(APPEAL_DECIDED_ON, date.toString()));
        }
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
