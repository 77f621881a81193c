package org.overturn.denial;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.overturn.authorization.Authorization;
import org.overturn.authorization.AuthorizationCheck;
import org.overturn.authorization.AuthorizationFinding;
import org.overturn.claim.BilledClaimView;
import org.overturn.claim.TimelyFiling;
import org.overturn.denial.internal.Denial;
import org.overturn.denial.internal.DenialRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.format.annotation.DateTimeFormat;
import org.overturn.practice.PracticeRef;
import org.overturn.practice.Practices;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.overturn.security.SqlCondition;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/denials}: denials filtered by payer, root cause, queue, kind, status and remittance date, within
 * what the access gate lets the user see.
 */
@RestController
@RequestMapping("/api/denials")
class DenialController {

    private final DenialRepository denials;
    private final DenialAccess access;
    private final JdbcTemplate jdbc;
    private final BilledClaims claims;
    private final Denials views;
    private final DenialAuthorizations authorizations;
    private final AppealDeadlines deadlines;
    private final CorrectedClaimLimits correctedClaims;
    private final UrgentAppeals urgentAppeals;
    private final HoldHarmless holdHarmless;
    private final Practices practices;

    DenialController(DenialRepository denials, DenialAccess access, JdbcTemplate jdbc, BilledClaims claims,
                     Denials views, DenialAuthorizations authorizations, AppealDeadlines deadlines,
                     CorrectedClaimLimits correctedClaims, UrgentAppeals urgentAppeals, HoldHarmless holdHarmless,
                     Practices practices) {
        this.practices = practices;
        this.urgentAppeals = urgentAppeals;
        this.holdHarmless = holdHarmless;
        this.correctedClaims = correctedClaims;
        this.deadlines = deadlines;
        this.claims = claims;
        this.views = views;
        this.authorizations = authorizations;
        this.denials = denials;
        this.access = access;
        this.jdbc = jdbc;
    }

    record DenialRow(long id, long claimPaymentId, String patientControlNumber, String payerId, String payerName,
                     DenialKind kind, String primaryReason, RootCause rootCause, String queue, boolean correctable,
                     boolean appealable, String explanation, BigDecimal amountAtRisk, DenialStatus status,
                     boolean part2, LocalDate remittanceDate, Instant detectedAt, PracticeRef practice) {
        /**
         * What a user without Part 2 access sees of a substance-use denial: that it exists, its money, and the
         * practice it is work for (a row that names no patient).
         */
        static DenialRow redacted(Denial d, Map<Long, PracticeRef> practices) {
            return new DenialRow(d.getId(), d.getClaimPaymentId(), null, null, null, null, null, null,
                    d.getQueue(), d.isCorrectable(), d.isAppealable(), RESTRICTED, d.getAmountAtRisk(), d.getStatus(),
                    true, d.getRemittanceDate(), d.getDetectedAt(), practices.get(d.getPracticeId()));
        }

        static DenialRow of(Denial d, CurrentUser user, DenialAccess access, Map<Long, PracticeRef> practices) {
            return access.redacts(user, d.isPart2()) ? redacted(d, practices) : of(d, practices);
        }

        static DenialRow of(Denial d, Map<Long, PracticeRef> practices) {
            return new DenialRow(d.getId(), d.getClaimPaymentId(), d.getPatientControlNumber(), d.getPayerId(),
                    d.getPayerName(), d.getKind(), d.getPrimaryReason(), d.getRootCause(), d.getQueue(),
                    d.isCorrectable(), d.isAppealable(), d.getExplanation(), d.getAmountAtRisk(), d.getStatus(),
                    d.isPart2(), d.getRemittanceDate(), d.getDetectedAt(), practices.get(d.getPracticeId()));
        }
    }

    static final String RESTRICTED = DenialAccess.RESTRICTED;

    record DenialPage(List<DenialRow> content, int page, int size, long totalElements, int totalPages) {
    }

    @GetMapping
    DenialPage search(@RequestParam(required = false) String payer,
                      @RequestParam(required = false) RootCause rootCause,
                      @RequestParam(required = false) String queue,
                      @RequestParam(required = false) DenialKind kind,
                      @RequestParam(required = false) DenialStatus status,
                      @RequestParam(required = false) Long practice,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "50") int size,
                      Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (payer != null && !payer.isBlank()) {
            where.append(" and (d.payer_id = ? or d.payer_name = ?)");
            args.add(payer);
            args.add(payer);
        }
        add(where, args, "d.root_cause = ?", rootCause == null ? null : rootCause.name());
        add(where, args, "d.queue = ?", queue == null || queue.isBlank() ? null : queue);
        add(where, args, "d.kind = ?", kind == null ? null : kind.name());
        add(where, args, "d.status = ?", status == null ? null : status.name());
        add(where, args, "d.practice_id = ?", practice);
        add(where, args, "d.remittance_date >= ?", from == null ? null : java.sql.Date.valueOf(from));
        add(where, args, "d.remittance_date <= ?", to == null ? null : java.sql.Date.valueOf(to));
        SqlCondition gate = access.listCondition(user, "d",
                payer != null && !payer.isBlank() || rootCause != null || kind != null);
        where.append(gate.sql());
        args.addAll(gate.args());

        int pageSize = Math.min(Math.max(size, 1), 500);
        int pageNumber = Math.max(page, 0);
        Long total = jdbc.queryForObject("select count(*) from denial d" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageSize);
        pageArgs.add((long) pageNumber * pageSize);
        List<Long> ids = jdbc.queryForList("select d.id from denial d" + where + " order by d.id desc limit ? offset ?",
                Long.class, pageArgs.toArray());
        Map<Long, Denial> found = new HashMap<>();
        denials.findAllById(ids).forEach(d -> found.put(d.getId(), d));
        Map<Long, PracticeRef> refs = practices.refs();
        List<DenialRow> rows = ids.stream().map(found::get).filter(Objects::nonNull)
                .map(d -> DenialRow.of(d, user, access, refs)).toList();
        long count = total == null ? 0 : total;
        return new DenialPage(rows, pageNumber, pageSize, count, (int) ((count + pageSize - 1) / pageSize));
    }

    private static void add(StringBuilder where, List<Object> args, String clause, Object value) {
        if (value != null) {
            where.append(" and ").append(clause);
            args.add(value);
        }
    }

    /**
     * One denial with the claim it answers ({@code "claim"}, null when no 837 is on file) and, with the claim, the
     * timely-filing count against the payer's limit; an authorization denial carries what the register found
     * ({@code authorizationFinding}, DESIGN section 3) and the authorization it was found on; {@code "appeal"}
     * (null when not appealable) is where the denial stands on its regime's ladder; {@code "correctedClaimFiling"}
     * by when a corrected claim must reach the payer (for a correctable denial, else null).
     */
    record DenialDetail(@JsonUnwrapped DenialRow denial, BilledClaimView claim, TimelyFiling timelyFiling,
                        AuthorizationFinding authorizationFinding, AuthorizationOnFile authorization,
                        AppealStep appeal, CorrectedClaimFiling correctedClaimFiling, String closingReason,
                        PatientBilling patientBilling) {
    }

    /**
     * Whether the patient may be billed: a contractual denial holds the patient harmless unless a manager overrode
     * it (who, why, when), as the bill-the-patient step checks.
     */
    record PatientBilling(boolean heldHarmless, HoldHarmless.Override override) {
    }

    /** The authorization a finding was made on, and why that finding. */
    record AuthorizationOnFile(Long id, String number, LocalDate from, LocalDate to, String levelOfCare,
                               BigDecimal unitsApproved, BigDecimal unitsUsed, String reason) {
        static AuthorizationOnFile of(AuthorizationCheck.Result result) {
            Authorization a = result.authorization();
            return a == null ? new AuthorizationOnFile(null, null, null, null, null, null, null, result.reason())
                    : new AuthorizationOnFile(a.id(), a.number(), a.from(), a.to(), a.levelOfCare().name(),
                            a.unitsApproved(), a.unitsUsed(), result.reason());
        }
    }

    @GetMapping("/{id}")
    DenialDetail one(@PathVariable long id, Authentication authentication) {
        Denial denial = denials.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no denial " + id));
        CurrentUser user = CurrentUser.of(authentication);
        access.requireFull(user, id);
        var billed = claims.of(denial.getClaimPaymentId(), denial.getPayerId());
        var finding = views.find(id).flatMap(view -> authorizations.findingFor(view, user));
        return new DenialDetail(DenialRow.of(denial, practices.refs()), billed.map(b -> b.view()).orElse(null),
                billed.map(b -> b.timelyFiling()).orElse(null),
                finding.map(AuthorizationCheck.Result::finding).orElse(null),
                finding.map(AuthorizationOnFile::of).orElse(null), deadlines.describe(id)
                        .map(step -> urgentAppeals.find(id).map(step::with).orElse(step)).orElse(null),
                denial.isCorrectable() ? correctedClaims.of(id).orElse(null) : null, denial.getClosingReason(),
                new PatientBilling(holdHarmless.protectsPatient(id), holdHarmless.overrideOf(id).orElse(null)));
    }
}
