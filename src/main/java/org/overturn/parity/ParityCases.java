package org.overturn.parity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.parity.ParityEscalation.Status;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.overturn.security.SqlCondition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parity escalation cases: one per denial whose screen found a possible violation, each carried by its own
 * {@code parity-escalation} process (business key = the denial's id) so the appeal is never held up by it.
 */
@Service
public class ParityCases {

    public record ParityCase(long id, long denialId, String payerId, String regime, String limitation,
                             String limitationLabel, String risk, Status status, String decidedBy,
                             String decisionReason, Instant requestSentAt, LocalDate responseDue,
                             Instant responseReceivedAt, String responseSummary, String regulator,
                             LocalDate complaintFiledOn, String complaintReference, String outcome, Instant openedAt,
                             Instant closedAt, String planRegime, String analysisAssessment, LocalDate correctedOn,
                             String correctionNote) {

        /** What a user without Part 2 access sees of a Part 2 denial's case: that it is there, its status and dates. */
        public ParityCase redacted() {
            return new ParityCase(id, denialId, null, null, null, DenialAccess.RESTRICTED, risk, status, null, null,
                    requestSentAt, responseDue, responseReceivedAt, null, null, complaintFiledOn, null, null, openedAt,
                    closedAt, null, analysisAssessment, correctedOn, null);
        }

        /** Confirmed by a specialist and not dismissed: the appeal letter argues parity too. */
        public boolean confirmed() {
            return status != Status.IN_REVIEW && status != Status.DISMISSED && status != Status.NOT_PURSUED;
        }
    }

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final Denials denials;
    private final Clock clock;

    ParityCases(JdbcTemplate jdbc, RuntimeService runtime, Denials denials, Clock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.denials = denials;
        this.clock = clock;
    }

    /**
     * Opens the denial's case and starts its escalation, unless it has one already; answers the escalation's process
     * instance, which the caller (the lifecycle, workflow) records as one of the denial's processes.
     */
    @Transactional
    public Optional<String> open(ScreenResult screen) {
        if (!screen.concern() || caseOf(screen.denialId()).isPresent()) {
            return Optional.empty();
        }
        DenialView denial = denials.find(screen.denialId()).orElseThrow();
        jdbc.update("""
                insert into parity_case (denial_id, payer_id, regime, limitation, risk, status, opened_at, plan_regime)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (denial_id) do nothing
                """, denial.id(), denial.payerId(), screen.regime(), screen.limitation(), screen.risk().name(),
                Status.IN_REVIEW.name(), Timestamp.from(clock.instant()), screen.planRegime().name());
        String process = runtime.createProcessInstanceByKey(ParityEscalation.PROCESS_KEY)
                .businessKey(String.valueOf(denial.id()))
                .setVariables(Map.of("denialId", denial.id(), "priority", 50, "parityLimitation", screen.limitation(),
                        "parityRisk", screen.risk().name()))
                .execute().getId();
        jdbc.update("update parity_case set process_instance_id = ? where denial_id = ?", process, denial.id());
        return Optional.of(process);
    }

    /** Tells the denial's escalation, if it waits for it, that the appeal was upheld. */
    @Transactional
    public void appealUpheld(long denialId) {
        runtime.createMessageCorrelation(ParityEscalation.Messages.APPEAL_UPHELD)
                .processInstanceBusinessKey(String.valueOf(denialId)).correlateAll();
    }

    /** Records the plan's answer to the request for its comparative analysis. */
    @Transactional
    public void analysisReceived(long denialId, String summary) {
        jdbc.update("update parity_case set response_received_at = ?, response_summary = ? where denial_id = ?",
                Timestamp.from(clock.instant()), summary, denialId);
        var correlated = runtime.createMessageCorrelation(ParityEscalation.Messages.ANALYSIS_RECEIVED)
                .processInstanceBusinessKey(String.valueOf(denialId)).correlateAllWithResult();
        if (correlated.isEmpty()) {
            throw new IllegalStateException("The parity case of denial " + denialId
                    + " is not waiting for the plan's comparative analysis");
        }
    }

    @Transactional
    public void decide(long denialId, Status status, String user, String reason) {
        jdbc.update("update parity_case set status = ?, decided_by = ?, decision_reason = ? where denial_id = ?",
                status.name(), user, reason, denialId);
        if (status == Status.DISMISSED || status == Status.NOT_PURSUED) {
            close(denialId, null);
        }
    }

    @Transactional
    public void requestSent(long denialId, LocalDate responseDue) {
        jdbc.update("update parity_case set status = ?, request_sent_at = ?, response_due = ? where denial_id = ?",
                Status.REQUEST_SENT.name(), Timestamp.from(clock.instant()), java.sql.Date.valueOf(responseDue),
                denialId);
    }

    /** The specialist found the plan's analysis adequate: the case ends there. */
    @Transactional
    public void resolved(long denialId) {
        jdbc.update("update parity_case set status = ?, analysis_assessment = ? where denial_id = ?",
                Status.RESOLVED.name(), ADEQUATE, denialId);
        close(denialId, "ANALYSIS_ADEQUATE");
    }

    /** A complaint after the plan answered means its analysis was found deficient; without an answer it is not. */
    @Transactional
    public void complaintFiled(long denialId, String regulator, LocalDate filedOn, String reference) {
        jdbc.update("""
                update parity_case set status = ?, regulator = ?, complaint_filed_on = ?, complaint_reference = ?,
                       analysis_assessment = case when response_received_at is not null then ? end
                 where denial_id = ?""", Status.COMPLAINT_FILED.name(), regulator, java.sql.Date.valueOf(filedOn),
                reference, DEFICIENT, denialId);
    }

    /**
     * The plan corrected the limitation (reprocessed the claim or changed its rule) on the day given: an outcome of
     * its own, whatever the case's status, so the parity page can count corrections per plan and limitation.
     */
    @Transactional
    public void corrected(long denialId, LocalDate on, String note) {
        if (on == null || on.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("correctedOn: the day the plan corrected the limitation, not later "
                    + "than today");
        }
        int updated = jdbc.update("update parity_case set corrected_on = ?, correction_note = ? where denial_id = ?",
                java.sql.Date.valueOf(on), note, denialId);
        if (updated == 0) {
            throw new IllegalStateException("No parity case for denial " + denialId);
        }
    }

    static final String ADEQUATE = "ADEQUATE";
    static final String DEFICIENT = "DEFICIENT";

    @Transactional
    public void complaintDecided(long denialId, String outcome) {
        jdbc.update("update parity_case set status = ? where denial_id = ?", Status.CLOSED.name(), denialId);
        close(denialId, outcome);
    }

    private void close(long denialId, String outcome) {
        jdbc.update("update parity_case set outcome = coalesce(?, outcome), closed_at = ? where denial_id = ?",
                outcome, Timestamp.from(clock.instant()), denialId);
    }

    @Transactional(readOnly = true)
    public Optional<ParityCase> caseOf(long denialId) {
        return jdbc.query("select * from parity_case where denial_id = ?", CASE, denialId).stream().findFirst();
    }

    /** The cases of denials in the user's scope (the access gate), newest first; Part 2 ones redacted as it says. */
    @Transactional(readOnly = true)
    public List<ParityCase> list(CurrentUser user, DenialAccess access, boolean openOnly, int limit) {
        SqlCondition scope = access.scopeCondition(user, "d");
        List<Object> args = new java.util.ArrayList<>(scope.args());
        args.add(limit);
        return jdbc.query("select c.*, d.part2 as denial_part2 from parity_case c join denial_report d on d.id = c.denial_id"
                + " where true" + (openOnly ? " and c.closed_at is null" : "") + scope.sql()
                + " order by c.opened_at desc limit ?", (rs, i) -> {
            ParityCase found = CASE.mapRow(rs, i);
            return access.redacts(user, rs.getBoolean("denial_part2")) ? found.redacted() : found;
        }, args.toArray());
    }

    private static final RowMapper<ParityCase> CASE = (rs, i) -> new ParityCase(rs.getLong("id"),
            rs.getLong("denial_id"), rs.getString("payer_id"), rs.getString("regime"), rs.getString("limitation"),
            Limitations.label(rs.getString("limitation")), rs.getString("risk"), Status.valueOf(rs.getString("status")),
            rs.getString("decided_by"), rs.getString("decision_reason"), instant(rs.getTimestamp("request_sent_at")),
            rs.getDate("response_due") == null ? null : rs.getDate("response_due").toLocalDate(),
            instant(rs.getTimestamp("response_received_at")), rs.getString("response_summary"),
            rs.getString("regulator"),
            rs.getDate("complaint_filed_on") == null ? null : rs.getDate("complaint_filed_on").toLocalDate(),
            rs.getString("complaint_reference"), rs.getString("outcome"), rs.getTimestamp("opened_at").toInstant(),
            instant(rs.getTimestamp("closed_at")), rs.getString("plan_regime"), rs.getString("analysis_assessment"),
            rs.getDate("corrected_on") == null ? null : rs.getDate("corrected_on").toLocalDate(),
            rs.getString("correction_note"));

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
