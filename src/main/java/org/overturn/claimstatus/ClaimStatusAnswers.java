package org.overturn.claimstatus;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.overturn.claim.ClaimMatcher;
import org.overturn.claim.ClaimStatusResponse;
import org.overturn.claim.ClaimStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a 277 claim status response (005010X212) does: each claim status (STC) is kept, matched to the follow-up whose
 * 276 it answers (the 276's TRN trace echoed back) or, failing that, to the claim (patient control number, payer, and
 * the amount or the dates of service), and its category (STC01-1, {@link ClaimStatusCategories}) is handed to the
 * running follow-up process by message correlation. A status nothing matches is kept and listed, never dropped.
 */
@Service
public class ClaimStatusAnswers {

    /** The message a follow-up waits for; its business key is {@code claim-status:<follow-up id>}. */
    public static final String MESSAGE = "ClaimStatusAnswered";

    private static final Logger log = LoggerFactory.getLogger(ClaimStatusAnswers.class);

    private final JdbcTemplate jdbc;
    private final ClaimStore claims;
    private final RuntimeService runtime;
    private final Clock clock;
    private final ClaimStatusCategories categories = ClaimStatusCategories.shipped();

    ClaimStatusAnswers(JdbcTemplate jdbc, ClaimStore claims, RuntimeService runtime, Clock clock) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * What one 277 file's statuses did.
     *
     * @param statuses        claim statuses in the file
     * @param matchedByTrace  found their follow-up by the 276's trace
     * @param matchedByClaim  found their claim (and its follow-up, when it has one) by the claim's facts
     * @param acted           moved a running follow-up (closed, waits, asks again, a task)
     * @param unmatched       the statuses nothing matched, by segment number (no patient data)
     */
    public record Taken(int statuses, int matchedByTrace, int matchedByClaim, int acted, List<Unmatched> unmatched) {
    }

    /** A status no follow-up or claim on file matched: kept in the database, listed here. */
    public record Unmatched(int segment, String trace, String category) {
    }

    /** Keeps and acts on every status of a stored 277 file, in the intake's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Taken take(long claimFileId, List<ClaimStatusResponse> responses) {
        int byTrace = 0;
        int byClaim = 0;
        int acted = 0;
        List<Unmatched> unmatched = new ArrayList<>();
        for (ClaimStatusResponse response : responses) {
            ClaimStatusCategories.Action action = categories.actionOf(response.category());
            Match match = byTrace(response.trace()).or(() -> byClaim(response)).orElse(null);
            long answerId = keep(claimFileId, response, match, action);
            if (match == null) {
                unmatched.add(new Unmatched(response.segment(), response.trace(), response.category()));
                continue;
            }
            if ("TRACE".equals(match.by())) {
                byTrace++;
            } else {
                byClaim++;
            }
            if (match.inquiryId() != null && action != ClaimStatusCategories.Action.NONE && act(match.inquiryId(),
                    answerId, action)) {
                jdbc.update("update claim_status_answer set acted = true where id = ?", answerId);
                acted++;
            }
        }
        log.info("277 claim status file #{}: {} status(es), {} by trace, {} by claim, {} acted on, {} unmatched",
                claimFileId, responses.size(), byTrace, byClaim, acted, unmatched.size());
        return new Taken(responses.size(), byTrace, byClaim, acted, List.copyOf(unmatched));
    }

    private record Match(Long inquiryId, long billedClaimId, String by) {
    }

    private Optional<Match> byTrace(String trace) {
        return jdbc.query("""
                select i.id, i.billed_claim_id from claim_status_request r
                  join claim_status_inquiry i on i.id = r.inquiry_id where r.trace = ?
                """, (rs, n) -> new Match(rs.getLong(1), rs.getLong(2), "TRACE"), trace).stream().findFirst();
    }

    /**
     * The claim sent with this patient control number to this payer whose charge is the status's billed amount or
     * whose dates of service overlap the status's; the latest sent of those, and its follow-up when it has one.
     */
    private Optional<Match> byClaim(ClaimStatusResponse response) {
        if (response.patientControlNumber() == null) {
            return Optional.empty();
        }
        List<ClaimMatcher.Candidate> candidates = claims.withControlNumbers(
                new String[] {response.patientControlNumber()}).getOrDefault(response.patientControlNumber(), List.of());
        Optional<ClaimMatcher.Candidate> claim = candidates.stream()
                .filter(c -> same(response.payerId(), c.payerId()))
                .filter(c -> sameAmount(response, c) || overlaps(response, c))
                .max(Comparator.comparing(ClaimMatcher.Candidate::submittedOn,
                        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(ClaimMatcher.Candidate::id));
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        Long[] ids = candidates.stream().map(ClaimMatcher.Candidate::id).toArray(Long[]::new);
        // the follow-up is of the latest submission of the claim, which may be another row of the same claim
        Long inquiry = jdbc.query("""
                select id from claim_status_inquiry where billed_claim_id = any(?) and payer_id is not distinct from ?
                 order by (closed_at is null) desc, id desc limit 1
                """, (rs, n) -> rs.getLong(1), ids, claim.get().payerId()).stream().findFirst().orElse(null);
        return Optional.of(new Match(inquiry, claim.get().id(), "CLAIM"));
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.trim().toUpperCase(Locale.ROOT).equals(b.trim().toUpperCase(Locale.ROOT));
    }

    private static boolean sameAmount(ClaimStatusResponse response, ClaimMatcher.Candidate c) {
        return response.billedAmount() != null && c.charge() != null
                && response.billedAmount().compareTo(c.charge()) == 0;
    }

    private static boolean overlaps(ClaimStatusResponse response, ClaimMatcher.Candidate c) {
        if (response.serviceFrom() == null || c.serviceFrom() == null) {
            return false;
        }
        LocalDate aTo = response.serviceTo() == null ? response.serviceFrom() : response.serviceTo();
        LocalDate cTo = c.serviceTo() == null ? c.serviceFrom() : c.serviceTo();
        return !response.serviceFrom().isAfter(cTo) && !c.serviceFrom().isAfter(aTo);
    }

    private long keep(long fileId, ClaimStatusResponse r, Match match, ClaimStatusCategories.Action action) {
        return jdbc.queryForObject("""
                insert into claim_status_answer (claim_file_id, segment, trace, payer_id, patient_control_number,
                    payer_claim_control_number, category, status, status_date, billed_amount, paid_amount, inquiry_id,
                    billed_claim_id, matched_by, action, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, fileId, r.segment(), cut(r.trace(), 50), cut(r.payerId(), 80),
                cut(r.patientControlNumber(), 38), cut(r.payerClaimControlNumber(), 50), r.category(),
                cut(r.status() + (r.entity() == null ? "" : ":" + r.entity()), 30),
                r.statusDate() == null ? null : Date.valueOf(r.statusDate()), r.billedAmount(), r.paidAmount(),
                match == null ? null : match.inquiryId(), match == null ? null : match.billedClaimId(),
                match == null ? null : match.by(), action.name(), Timestamp.from(clock.instant()));
    }

    /** Hands the status to the follow-up's process; false when it waits for no answer now (ended, or busy). */
    private boolean act(long inquiryId, long answerId, ClaimStatusCategories.Action action) {
        var results = runtime.createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey("claim-status:" + inquiryId)
                .setVariables(Map.of("claimStatusAction", action.name(), "claimStatusAnswerId", answerId))
                .correlateAllWithResult();
        return !results.isEmpty();
    }

    /** A status kept from a 277, as the process reads it. */
    public record Answer(long id, long inquiryId, String category, String status, LocalDate statusDate,
                         java.math.BigDecimal paidAmount, String action) {

        /** A line for the follow-up's note: what the payer said, in its codes. */
        public String note() {
            return "277: STC " + category + ":" + status + (statusDate == null ? "" : " of " + statusDate)
                    + (paidAmount == null ? "" : ", paid " + paidAmount.toPlainString());
        }
    }

    @Transactional(readOnly = true)
    public Optional<Answer> answer(long id) {
        return jdbc.query("""
                select id, inquiry_id, category, status, status_date, paid_amount, action from claim_status_answer
                 where id = ?
                """, (rs, n) -> new Answer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getBigDecimal(6), rs.getString(7)), id)
                .stream().findFirst();
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
