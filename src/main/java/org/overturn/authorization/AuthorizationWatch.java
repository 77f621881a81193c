package org.overturn.authorization;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.overturn.authorization.internal.BilledUse;
import org.overturn.payer.AuthorizationRules;
import org.overturn.remittance.SubstanceUseServices;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's watch, work before the denial: an authorization in force running out (its span ending, few units
 * left, a concurrent review due: {@link AuthorizationWatchProperties}), a claim on file for a service its payer
 * authorizes in advance ({@link AuthorizationRules}) with no approved authorization covering it, and an authorization
 * whose claims on file bill more than it approved. Each finding is recorded once (table
 * {@code authorization_prevention}) and worked as a task of the authorizations queue (process
 * {@code authorization-watch}).
 */
@Service
public class AuthorizationWatch {

    /** Claims with a date of service this many days back or later are checked for a missing authorization. */
    static final int CLAIMS_LOOKBACK_DAYS = 90;

    public enum Kind { RUNNING_OUT, NO_AUTHORIZATION, UNITS_EXCEEDED }

    /** What the biller did about a finding; LAPSED when nothing was done before it was too late. */
    public enum Outcome { REQUESTED, APPROVED, NOT_NEEDED, LAPSED }

    /**
     * A finding: {@code dueAt} is when acting is too late (null when nothing ends); {@code practiceId} that of its
     * authorization, else of the claim it names.
     */
    public record Finding(long id, Kind kind, Long authorizationId, String payerId, String payerName, String memberId,
                          String patientControlNumber, String reason, Instant dueAt, boolean part2,
                          Instant foundAt, String processInstanceId, Outcome outcome, long practiceId) {
    }

    private final AuthorizationRegister register;
    private final BilledUse billed;
    private final AuthorizationRules rules;
    private final AuthorizationWatchProperties watch;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    AuthorizationWatch(AuthorizationRegister register, BilledUse billed, AuthorizationRules rules,
                       AuthorizationWatchProperties watch, JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.register = register;
        this.billed = billed;
        this.rules = rules;
        this.watch = watch;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Looks over the register and the claims on file; answers the findings new since the last look. */
    @Transactional
    public List<Finding> sweep() {
        LocalDate today = LocalDate.now(clock);
        List<Finding> found = new ArrayList<>();
        for (Authorization a : register.activeForWatch(today)) {
            List<String> reasons = AuthorizationRegister.runningOutReasons(a, today, watch);
            if (!reasons.isEmpty()) {
                LocalDate tooLate = a.nextReviewOn() != null && a.nextReviewOn().isBefore(a.to().plusDays(1))
                        && !a.nextReviewOn().isBefore(today) ? a.nextReviewOn() : a.to().plusDays(1);
                record(Kind.RUNNING_OUT, "auth:" + a.id() + ":" + a.to() + ":" + a.nextReviewOn() + ":"
                        + a.unitsApproved(), a, null, "authorization " + a.number() + " " + String.join(", ", reasons),
                        startOf(tooLate)).ifPresent(found::add);
            }
            if (a.unitsUsed().compareTo(a.unitsApproved()) > 0) {
                record(Kind.UNITS_EXCEEDED, "units:" + a.id() + ":" + a.unitsApproved(), a, null, "claims on file bill "
                        + a.unitsUsed() + " " + a.unitType().name().toLowerCase(Locale.ROOT) + " under authorization "
                        + a.number() + ", which approved " + a.unitsApproved(), null).ifPresent(found::add);
            }
        }
        found.addAll(claimsWithoutAuthorization(today));
        if (!found.isEmpty()) {
            audit.record(AuditAction.AUTHORIZATION_CHANGED, "authorization-prevention", null,
                    "the watch found " + found.size() + " new");
        }
        return found;
    }

    /** Ties the finding to the process that works it (in the starting transaction). */
    @Transactional
    public void workedBy(long findingId, String processInstanceId) {
        jdbc.update("update authorization_prevention set process_instance_id = ? where id = ?", processInstanceId,
                findingId);
    }

    @Transactional
    public void resolve(long findingId, Outcome outcome, String by) {
        jdbc.update("""
                update authorization_prevention set outcome = ?, resolved_at = ?, resolved_by = ?
                 where id = ? and outcome is null""", outcome.name(), Timestamp.from(clock.instant()), by, findingId);
        audit.record(AuditAction.AUTHORIZATION_CHANGED, "authorization-prevention", String.valueOf(findingId),
                outcome.name().toLowerCase(Locale.ROOT));
    }

    @Transactional(readOnly = true)
    public Optional<Finding> find(long findingId) {
        return jdbc.query("select * from authorization_prevention where id = ?", (rs, i) -> {
            Timestamp due = rs.getTimestamp("due_at");
            String outcome = rs.getString("outcome");
            return new Finding(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
                    (Long) rs.getObject("authorization_id"), rs.getString("payer_id"), rs.getString("payer_name"),
                    rs.getString("member_id"), rs.getString("patient_control_number"), rs.getString("reason"),
                    due == null ? null : due.toInstant(), rs.getBoolean("part2"),
                    rs.getTimestamp("found_at").toInstant(), rs.getString("process_instance_id"),
                    outcome == null ? null : Outcome.valueOf(outcome), rs.getLong("practice_id"));
        }, findingId).stream().findFirst();
    }

    /** The findings worked by these process instances, by process instance. */
    @Transactional(readOnly = true)
    public Map<String, Finding> byProcess(java.util.Collection<String> processInstanceIds) {
        Map<String, Finding> found = new java.util.HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return found;
        }
        for (Long id : jdbc.queryForList("select id from authorization_prevention where process_instance_id = any(?)",
                Long.class, (Object) processInstanceIds.toArray(String[]::new))) {
            find(id).ifPresent(f -> found.put(f.processInstanceId(), f));
        }
        return found;
    }

    /** Claims on file for a service their payer authorizes in advance that no approved authorization covers. */
    private List<Finding> claimsWithoutAuthorization(LocalDate today) {
        Map<String, Set<String>> required = rules.all();
        Map<String, List<BilledUse.ClaimLine>> byClaim = new LinkedHashMap<>();
        for (BilledUse.ClaimLine line : billed.claimsOfPayers(required.keySet(),
                today.minusDays(CLAIMS_LOOKBACK_DAYS))) {
            if (needsAuthorization(required.get(line.payerId()), line)) {
                byClaim.computeIfAbsent(line.patientControlNumber() + "\u0000" + line.payerId() + "\u0000"
                                + line.practiceId(),
                        k -> new ArrayList<>()).add(line);
            }
        }
        List<Finding> found = new ArrayList<>();
        for (List<BilledUse.ClaimLine> lines : byClaim.values()) {
            BilledUse.ClaimLine first = lines.get(0);
            List<Authorization> onFile = first.memberId() == null ? List.of()
                    : register.ofMemberForCheck(first.memberId().strip(), first.practiceId()).stream()
                    .filter(a -> a.payerId().equals(first.payerId()) && a.status().grants()).toList();
            Set<String> uncovered = new HashSet<>();
            for (BilledUse.ClaimLine line : lines) {
                boolean covered = onFile.stream().anyMatch(a -> a.terms().spans(line.serviceDate())
                        && (a.terms().covers(line.procedure()) || a.terms().covers(line.revenueCode())));
                if (!covered) {
                    uncovered.add(line.procedure() != null ? line.procedure() : line.revenueCode());
                }
            }
            if (!uncovered.isEmpty()) {
                boolean part2 = uncovered.stream().anyMatch(c -> SubstanceUseServices.isSubstanceUseService(c)
                        || SubstanceUseServices.isSubstanceUseRevenueCode(c));
                record(Kind.NO_AUTHORIZATION, "claim:" + first.patientControlNumber() + ":" + first.payerId(), null,
                        first, "claim " + first.patientControlNumber() + " bills " + String.join(", ",
                                uncovered.stream().sorted().toList()) + ", which " + first.payerName()
                                + " authorizes in advance, and no approved authorization on file covers it",
                        null, part2).ifPresent(found::add);
            }
        }
        return found;
    }

    private static boolean needsAuthorization(Set<String> rule, BilledUse.ClaimLine line) {
        for (String code : new String[] {line.procedure(), line.revenueCode()}) {
            if (code != null && (rule.contains(code) || rule.contains(LevelOfCare.of(code).name())
                    && LevelOfCare.of(code) != LevelOfCare.OUTPATIENT)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Finding> record(Kind kind, String subject, Authorization a, BilledUse.ClaimLine claim,
                                     String reason, Instant dueAt) {
        return record(kind, subject, a, claim, reason, dueAt, a != null && a.part2());
    }

    private Optional<Finding> record(Kind kind, String subject, Authorization a, BilledUse.ClaimLine claim,
                                     String reason, Instant dueAt, boolean part2) {
        Long id = jdbc.query("""
                insert into authorization_prevention (kind, subject, authorization_id, payer_id, payer_name, member_id,
                                                      patient_control_number, reason, due_at, part2, found_at,
                                                      practice_id)
                select ?, ?, a_id, ?, ?, ?, pcn, ?, ?, ?, ?,
                       -- the practice of its authorization, else of the latest submission of the claim it names
                       coalesce((select a.practice_id from prior_authorization a where a.id = a_id),
                                (select c.practice_id from claim_billed_claim_report c
                                  where c.patient_control_number = pcn and c.payer_id = payer
                                  order by c.id desc limit 1))
                  from (select ?::bigint as a_id, ?::varchar as pcn, ?::varchar as payer) f
                on conflict do nothing returning id""",
                rs -> rs.next() ? rs.getLong(1) : null, kind.name(), subject,
                a != null ? a.payerId() : claim.payerId(), a != null ? a.payerName() : claim.payerName(),
                a != null ? a.memberId() : claim.memberId(),
                reason.length() > 400 ? reason.substring(0, 400) : reason, dueAt == null ? null : Timestamp.from(dueAt),
                part2, Timestamp.from(clock.instant()), a == null ? null : a.id(),
                claim == null ? null : claim.patientControlNumber(), a != null ? a.payerId() : claim.payerId());
        return id == null ? Optional.empty() : find(id);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }
}
