package org.overturn.recoupment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.overturn.denial.ClaimPaymentsStored;
import org.overturn.payer.PayerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.overturn.security.CurrentUser;
import org.overturn.security.PracticeAccess;
import org.overturn.security.SqlCondition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recoupments register: finds them in each stored 835 (its PLB amounts that take money back), joins each to the
 * claim it takes back, starts its review ({@code bpmn/recoupment-review.bpmn}) and records how it ends.
 */
@Service
public class Recoupments {

    public static final String PROCESS = "recoupment-review";
    public static final String REVIEW_TASK = "Task_ReviewRecoupment";
    public static final String DISPUTE_TASK = "Task_DisputeRecoupment";

    private static final Logger log = LoggerFactory.getLogger(Recoupments.class);

    private final JdbcTemplate jdbc;
    private final ProviderAdjustmentReasons reasons;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final PayerDirectory payers;
    private final RecoupmentProperties properties;
    private final PracticeAccess practices;
    private final Clock clock;

    Recoupments(JdbcTemplate jdbc, ProviderAdjustmentReasons reasons, RuntimeService runtime, TaskService tasks,
                PayerDirectory payers, RecoupmentProperties properties, PracticeAccess practices, Clock clock) {
        this.jdbc = jdbc;
        this.practices = practices;
        this.reasons = reasons;
        this.runtime = runtime;
        this.tasks = tasks;
        this.payers = payers;
        this.properties = properties;
        this.clock = clock;
    }

    private record Offset(long id, long remittanceId, String payerId, String payerName, String reason,
                          String reference, BigDecimal amount) {
    }

    private record TakenBack(long claimPaymentId, String patientControlNumber) {
    }

    /**
     * Synchronous, in the storing transaction, as the denials' processes start: a file's recoupments are on file with
     * it or not at all. Reads the provider adjustments the remittance module has just written (by SQL: they are rows
     * of the same transaction, and the remittance API hands out no ids for them).
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ClaimPaymentsStored stored) {
        List<Offset> offsets = jdbc.query("""
                select pa.id, pa.remittance_id, r.payer_id, r.payer_name, pa.reason_code, pa.reference, pa.amount
                  from provider_adjustment pa join remittance r on r.id = pa.remittance_id
                 where pa.remittance_id = ? order by pa.id
                """, (rs, i) -> new Offset(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getBigDecimal(7)), stored.remittanceId());
        for (Offset offset : offsets) {
            if (reasons.isRecoupment(offset.reason(), offset.amount())) {
                register(offset);
            }
        }
    }

    private void register(Offset offset) {
        Optional<TakenBack> claim = takenBack(offset);
        Long id = jdbc.queryForObject("""
                insert into recoupment (provider_adjustment_id, remittance_id, payer_id, payer_name, reason_code,
                                        reference, amount, claim_payment_id, patient_control_number, status, detected_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) returning id
                """, Long.class, offset.id(), offset.remittanceId(), offset.payerId(), offset.payerName(),
                offset.reason(), offset.reference(), offset.amount(),
                claim.map(TakenBack::claimPaymentId).orElse(null),
                claim.map(TakenBack::patientControlNumber).orElse(null), java.sql.Timestamp.from(clock.instant()));
        var process = runtime.startProcessInstanceByKey(PROCESS, "recoupment:" + id, Map.of("recoupmentId", id));
        jdbc.update("update recoupment set process_instance_id = ? where id = ?", process.getId(), id);
        // ids and the code only: the reference may carry a patient account number
        log.info("Recoupment #{} ({} {}) from remittance #{}{}", id, offset.reason(), offset.amount(),
                offset.remittanceId(), claim.isPresent() ? ", joined to claim payment #" + claim.get().claimPaymentId()
                        : ", no claim on file named by its reference");
    }

    /**
     * The claim a PLB03-2 reference names: payers write the claim's control number (ICN), the patient control number,
     * or both with the first date of service ("PTACCT#CCYYMMDD CLAIM#"); each word of it is tried against the same
     * payer's earlier claim payments, the payer's claim control number first, then the latest payment.
     */
    private Optional<TakenBack> takenBack(Offset offset) {
        if (offset.reference() == null || offset.reference().isBlank()) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>(Arrays.stream(offset.reference().trim().split("[\\s#:;,/]+"))
                .filter(w -> w.length() >= 3).toList());
        words.add(offset.reference().trim());
        String[] candidates = words.stream().distinct().toArray(String[]::new);
        List<TakenBack> found = jdbc.query("""
                select cp.id, cp.patient_control_number
                  from claim_payment cp join remittance r on r.id = cp.remittance_id
                 where r.payer_id is not distinct from ? and cp.status <> '22' and cp.remittance_id <> ?
                   and (cp.payer_claim_control_number = any (?) or cp.patient_control_number = any (?))
                 order by (cp.payer_claim_control_number = any (?)) desc, cp.id desc
                 limit 1
                """, (rs, i) -> new TakenBack(rs.getLong(1), rs.getString(2)), offset.payerId(), offset.remittanceId(),
                candidates, candidates, candidates);
        return found.stream().findFirst();
    }

    /**
     * A recoupment with its remittance's practice and whether the claim it takes back is a Part 2 record (whose
     * patient control number and reference only users with Part 2 access see).
     */
    private static final String SCOPED = """
            select x.*, r.practice_id, coalesce(cp.part2, false) as claim_part2
              from recoupment x join remittance_report r on r.id = x.remittance_id
              left join remittance_claim_report cp on cp.id = x.claim_payment_id
             where true""";

    /**
     * The recoupments of the user's practices, newest first, narrowed to a status and to a payer (id or name) when
     * given.
     */
    @Transactional(readOnly = true)
    public List<Recoupment> list(RecoupmentStatus status, String payer, CurrentUser user) {
        SqlCondition scope = practices.condition(user, "r.practice_id");
        List<Object> args = new java.util.ArrayList<>(java.util.Arrays.asList(status == null ? null : status.name(),
                status == null ? null : status.name(), payer, payer, payer));
        args.addAll(scope.args());
        return jdbc.query(SCOPED + " and (?::varchar is null or x.status = ?)"
                        + " and (?::varchar is null or x.payer_id = ? or x.payer_name = ?)" + scope.sql()
                        + " order by x.id desc limit 500", (rs, i) -> shown(rs, user), args.toArray());
    }

    /** The recoupment, refused (403) when it is of a practice the user does not work. */
    @Transactional(readOnly = true)
    public Optional<Recoupment> find(long id, CurrentUser user) {
        var found = jdbc.query(SCOPED + " and x.id = ?", (rs, i) -> {
            practices.require(user, rs.getLong("practice_id"), "recoupment", id);
            return shown(rs, user);
        }, id);
        return found.stream().findFirst();
    }

    /** The recoupment whoever asks: for its process and its steps. */
    @Transactional(readOnly = true)
    public Optional<Recoupment> find(long id) {
        return jdbc.query("select * from recoupment where id = ?", this::row, id).stream().findFirst();
    }

    private Recoupment shown(ResultSet rs, CurrentUser user) throws SQLException {
        Recoupment r = row(rs, 0);
        if (!rs.getBoolean("claim_part2") || user.seesPart2()) {
            return r;
        }
        return new Recoupment(r.id(), r.remittanceId(), r.payerId(), r.payerName(), r.reason(), r.reasonMeaning(),
                null, r.amount(), r.claimPaymentId(), null, r.status(), r.disputeDueOn(), r.decidedBy(),
                r.decidedAt(), org.overturn.security.DenialAccess.RESTRICTED, r.detectedAt());
    }

    public enum Decision { ACCEPT, DISPUTE }

    public enum DisputeOutcome { REVERSED, UPHELD }

    /** Completes the review task: the take-back is accepted, or disputed with the payer (its deadline set). */
    @Transactional
    public Optional<Recoupment> decide(long id, Decision decision, String note, String by) {
        return complete(id, REVIEW_TASK, Map.of("recoupmentDecision", decision.name(),
                "recoupmentNote", note == null ? "" : note, "decidedBy", by));
    }

    /** Completes the dispute task with the payer's answer. */
    @Transactional
    public Optional<Recoupment> recordDisputeOutcome(long id, DisputeOutcome outcome, String note, String by) {
        return complete(id, DISPUTE_TASK, Map.of("disputeOutcome", outcome.name(),
                "recoupmentNote", note == null ? "" : note, "decidedBy", by));
    }

    /** Thrown when the recoupment is not at the step asked for (decided already, or not disputed). */
    public static final class NotAtThatStep extends RuntimeException {
        NotAtThatStep(String message) {
            super(message);
        }
    }

    private Optional<Recoupment> complete(long id, String taskKey, Map<String, Object> variables) {
        Optional<Recoupment> recoupment = find(id);
        if (recoupment.isEmpty()) {
            return Optional.empty();
        }
        Task task = tasks.createTaskQuery().processInstanceBusinessKey("recoupment:" + id)
                .taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new NotAtThatStep("Recoupment " + id + " is " + recoupment.get().status() + ": no such step open");
        }
        tasks.complete(task.getId(), variables);
        return find(id);
    }

    /** Called by the process: the recoupment is disputed, due by the payer's appeal window (or the default). */
    public LocalDate openDispute(long id) {
        Recoupment r = find(id).orElseThrow();
        int days = Optional.ofNullable(r.payerId()).flatMap(payers::profile).map(p -> p.appealLimitDays(1))
                .orElse(properties.disputeDays());
        LocalDate due = LocalDate.now(clock).plusDays(days);
        jdbc.update("update recoupment set status = 'DISPUTED', dispute_due_on = ? where id = ?", due, id);
        return due;
    }

    /** Called by the process: the recoupment ends as accepted, reversed or upheld. */
    public void close(long id, RecoupmentStatus status, String by, String note) {
        if (!status.isClosed()) {
            throw new IllegalArgumentException(status + " does not close a recoupment");
        }
        jdbc.update("update recoupment set status = ?, decided_by = ?, decided_at = ?, note = ? where id = ?",
                status.name(), by, java.sql.Timestamp.from(clock.instant()),
                note == null || note.isBlank() ? null : note, id);
    }

    /**
     * What the dashboard shows: dollars recouped (every take-back not reversed on dispute), open and disputed ones,
     * over the remittances paid from {@code from} to {@code to} (inclusive, either open) of a payer (id or name).
     */
    @Transactional(readOnly = true)
    public Figures figures(LocalDate from, LocalDate to, String payer) {
        return figures(from, to, payer, null);
    }

    /** As {@link #figures(LocalDate, LocalDate, String)}, of these practices' remittances (null: every practice). */
    @Transactional(readOnly = true)
    public Figures figures(LocalDate from, LocalDate to, String payer, java.util.Set<Long> practices) {
        Long[] within = practices == null ? null : practices.toArray(Long[]::new);
        return jdbc.queryForObject("""
                select count(*) filter (where x.status <> 'REVERSED'),
                       coalesce(sum(x.amount) filter (where x.status <> 'REVERSED'), 0),
                       count(*) filter (where x.status = 'OPEN'),
                       coalesce(sum(x.amount) filter (where x.status in ('OPEN', 'DISPUTED')), 0),
                       count(*) filter (where x.status = 'DISPUTED'),
                       count(*) filter (where x.status = 'RECOUPMENT_ACCEPTED'),
                       count(*) filter (where x.status = 'REVERSED'),
                       coalesce(sum(x.amount) filter (where x.status = 'REVERSED'), 0)
                  from recoupment x join remittance r on r.id = x.remittance_id
                 where (?::date is null or r.payment_date >= ?) and (?::date is null or r.payment_date <= ?)
                   and (?::varchar is null or x.payer_id = ? or x.payer_name = ?)
                   and (?::bigint[] is null or r.practice_id = any(?))
                """, (rs, i) -> new Figures(rs.getLong(1), rs.getBigDecimal(2).setScale(2), rs.getLong(3),
                rs.getBigDecimal(4).setScale(2), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                rs.getBigDecimal(8).setScale(2)), from, from, to, to, payer, payer, payer, within, within);
    }

    /**
     * @param recouped        take-backs not reversed on dispute
     * @param recoupedDollars their dollars
     * @param open            waiting for review
     * @param pendingDollars  dollars of those open or disputed
     */
    public record Figures(long recouped, BigDecimal recoupedDollars, long open, BigDecimal pendingDollars,
                          long disputed, long accepted, long reversed, BigDecimal reversedDollars) {
    }

    private Recoupment row(ResultSet rs, int i) throws SQLException {
        String reason = rs.getString("reason_code");
        var dueOn = rs.getDate("dispute_due_on");
        var decidedAt = rs.getTimestamp("decided_at");
        return new Recoupment(rs.getLong("id"), rs.getLong("remittance_id"), rs.getString("payer_id"),
                rs.getString("payer_name"), reason, reasons.find(reason).map(ProviderAdjustmentReasons.Reason::meaning)
                .orElse(null), rs.getString("reference"), rs.getBigDecimal("amount"),
                (Long) rs.getObject("claim_payment_id"), rs.getString("patient_control_number"),
                RecoupmentStatus.valueOf(rs.getString("status")), dueOn == null ? null : dueOn.toLocalDate(),
                rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(), rs.getString("note"),
                rs.getTimestamp("detected_at").toInstant());
    }
}
