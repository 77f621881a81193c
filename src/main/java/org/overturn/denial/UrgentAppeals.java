package org.overturn.denial;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.overturn.authorization.AuthorizationCheck;
import org.overturn.authorization.AuthorizationWatchProperties;
import org.overturn.authorization.LevelOfCare;
import org.overturn.authorization.OngoingCare;
import org.overturn.payer.PayerDirectory;
import org.overturn.regime.ExpeditedAppeals;
import org.overturn.remittance.ClaimRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Urgent appeals of ongoing care ({@link OngoingCare}): a concurrent-review or level-of-care denial of a stay still
 * going on is offered a peer-to-peer review, due by the end of the payer's window (payer directory; unknown allowed),
 * and, when its regime grants one at its level ({@link ExpeditedAppeals}), an expedited appeal: once filed, the
 * deciding body's clock (72 hours) runs from the filing. Table {@code urgent_appeal}, one row per denial.
 */
@Service
public class UrgentAppeals {

    /** What the peer-to-peer review came to. */
    public enum PeerToPeer { OVERTURNED, UPHELD, NOT_HELD, WINDOW_CLOSED }

    /** The payer's decision on the expedited appeal. */
    public enum Decision { OVERTURNED, UPHELD }

    /**
     * An urgent appeal: {@code expeditedDecisionTime} null when the regime grants no expedited appeal at the level,
     * {@code peerToPeerDueAt} null when the payer's window is not known.
     */
    public record UrgentAppeal(long denialId, LevelOfCare levelOfCare, Instant offeredAt, Instant peerToPeerDueAt,
                               PeerToPeer peerToPeer, Duration expeditedDecisionTime, String expeditedSource,
                               Instant expeditedFiledAt, Instant expeditedDecisionDueAt, Decision expeditedDecision,
                               Instant expeditedDecidedAt, Instant expeditedOverdueAt) {

        public boolean expeditedOffered() {
            return expeditedDecisionTime != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DenialAuthorizations claims;
    private final ClaimRecords claimRecords;
    private final BilledClaims billedClaims;
    private final AppealDeadlines deadlines;
    private final ExpeditedAppeals expedited;
    private final PayerDirectory payers;
    private final AuthorizationWatchProperties watch;

    UrgentAppeals(JdbcTemplate jdbc, Clock clock, DenialAuthorizations claims, ClaimRecords claimRecords,
                  BilledClaims billedClaims, AppealDeadlines deadlines, ExpeditedAppeals expedited,
                  PayerDirectory payers, AuthorizationWatchProperties watch) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.claims = claims;
        this.claimRecords = claimRecords;
        this.billedClaims = billedClaims;
        this.deadlines = deadlines;
        this.expedited = expedited;
        this.payers = payers;
        this.watch = watch;
    }

    /**
     * Offers the urgent appeal of an appealable denial of ongoing care, once; empty for any other denial. The
     * peer-to-peer window counts from now (the remittance's arrival); the expedited rule is that of the denial's
     * regime and level.
     */
    @Transactional
    public Optional<UrgentAppeal> offer(DenialView denial) {
        Optional<UrgentAppeal> known = find(denial.id());
        if (known.isPresent() || !denial.appealable()) {
            return known;
        }
        Optional<LevelOfCare> stay = stayDenied(denial);
        if (stay.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Integer hours = payers.appealTerms(denial.payerId()).peerToPeerHours();
        var step = deadlines.step(denial.id()).orElseThrow();
        var rule = expedited.rule(step.regime(), step.level());
        jdbc.update("""
                insert into urgent_appeal (denial_id, level_of_care, offered_at, peer_to_peer_due_at,
                                           expedited_decision_hours, expedited_source)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", denial.id(), stay.get().name(),
                Timestamp.from(now), hours == null ? null : Timestamp.from(now.plus(Duration.ofHours(hours))),
                rule.map(r -> (int) r.decisionTime().toHours()).orElse(null),
                rule.map(ExpeditedAppeals.ExpeditedRule::source).orElse(null));
        return find(denial.id());
    }

    /**
     * {@link #offer} for a file's new denials, by denial id: the offers already made are read in one query, and only
     * a denial whose claim carries a review reason ({@link OngoingCare#reviewReasons}, claim or line level) is looked
     * at further (found in one query): {@link #offer} reads the claim, its lines and the claim as billed, eight
     * queries, and nearly every denial is not one of ongoing care.
     */
    @Transactional
    public Map<Long, UrgentAppeal> offerAll(Collection<DenialView> denials) {
        List<DenialView> appealable = denials.stream().filter(DenialView::appealable).toList();
        Map<Long, UrgentAppeal> offered = new HashMap<>();
        if (appealable.isEmpty()) {
            return offered;
        }
        jdbc.query("select * from urgent_appeal where denial_id = any(?)",
                row -> {
                    UrgentAppeal known = row(row);
                    offered.put(known.denialId(), known);
                }, (Object) appealable.stream().map(DenialView::id).toArray(Long[]::new));
        Set<Long> reviewed = new HashSet<>(jdbc.queryForList("""
                select distinct claim_payment_id from adjustment
                 where claim_payment_id = any(?) and reason_code = any(?)""", Long.class,
                appealable.stream().map(DenialView::claimPaymentId).toArray(Long[]::new),
                OngoingCare.reviewReasons().toArray(String[]::new)));
        for (DenialView denial : appealable) {
            // a denial may carry no reason at all (a claim denied with no CAS); an immutable set refuses null
            boolean mayBeReview = denial.primaryReason() != null
                    && OngoingCare.reviewReasons().contains(denial.primaryReason())
                    || reviewed.contains(denial.claimPaymentId());
            if (!offered.containsKey(denial.id()) && mayBeReview) {
                offer(denial).ifPresent(urgent -> offered.put(denial.id(), urgent));
            }
        }
        return offered;
    }

    @Transactional(readOnly = true)
    public Optional<UrgentAppeal> find(long denialId) {
        return jdbc.query("select * from urgent_appeal where denial_id = ?", (rs, i) -> row(rs), denialId).stream()
                .findFirst();
    }

    /**
     * When the peer-to-peer offer lapses: the end of the payer's window, or, when the window is not known, once the
     * stay is presumed over (the days a stay counts as ongoing, from the offer).
     */
    @Transactional(readOnly = true)
    public Optional<Instant> peerToPeerClosesAt(long denialId) {
        return find(denialId).map(u -> u.peerToPeerDueAt() != null ? u.peerToPeerDueAt()
                : u.offeredAt().plus(Duration.ofDays(watch.stayOngoingDays())));
    }

    /** What the peer-to-peer review came to (or that its window closed), the first time it is said. */
    @Transactional
    public void recordPeerToPeer(long denialId, PeerToPeer outcome) {
        jdbc.update("""
                update urgent_appeal set peer_to_peer_outcome = ?, peer_to_peer_recorded_at = ?
                 where denial_id = ? and peer_to_peer_outcome is null""", outcome.name(),
                Timestamp.from(clock.instant()), denialId);
    }

    /** The expedited appeal is filed now: the deciding body's clock starts. */
    @Transactional
    public UrgentAppeal fileExpedited(long denialId) {
        UrgentAppeal urgent = find(denialId).filter(UrgentAppeal::expeditedOffered).orElseThrow(() ->
                new IllegalStateException("denial " + denialId + " has no expedited appeal to file"));
        if (urgent.expeditedFiledAt() == null) {
            Instant now = clock.instant();
            jdbc.update("""
                    update urgent_appeal set expedited_filed_at = ?, expedited_decision_due_at = ?
                     where denial_id = ?""", Timestamp.from(now),
                    Timestamp.from(now.plus(urgent.expeditedDecisionTime())), denialId);
        }
        return find(denialId).orElseThrow();
    }

    @Transactional
    public void recordDecision(long denialId, Decision decision) {
        jdbc.update("""
                update urgent_appeal set expedited_decision = ?, expedited_decided_at = ?
                 where denial_id = ? and expedited_decision is null""", decision.name(),
                Timestamp.from(clock.instant()), denialId);
    }

    /** The clock ran out with no decision recorded; answers whether it was still undecided. */
    @Transactional
    public boolean recordOverdue(long denialId) {
        return jdbc.update("""
                update urgent_appeal set expedited_overdue_at = ?
                 where denial_id = ? and expedited_decision is null and expedited_overdue_at is null""",
                Timestamp.from(clock.instant()), denialId) > 0;
    }

    /** The level of care of the stay when the denial is a review denial of care still going on. */
    private Optional<LevelOfCare> stayDenied(DenialView denial) {
        var claim = claimRecords.find(denial.claimPaymentId());
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        if (denial.primaryReason() != null) {
            reasons.add(denial.primaryReason());
        }
        claim.get().adjustments().forEach(a -> reasons.add(a.reason()));
        claim.get().lines().forEach(l -> l.adjustments().forEach(a -> reasons.add(a.reason())));
        var underCheck = claims.claimOf(denial);
        List<String> codes = new ArrayList<>();
        LocalDate last = null;
        for (AuthorizationCheck.BilledService s : underCheck.map(AuthorizationCheck.ClaimUnderCheck::services)
                .orElse(List.of())) {
            codes.add(s.procedure());
            codes.add(s.revenueCode());
            if (s.date() != null && (last == null || s.date().isAfter(last))) {
                last = s.date();
            }
        }
        codes.removeIf(Objects::isNull);
        if (claim.get().statementTo() != null && (last == null || claim.get().statementTo().isAfter(last))) {
            last = claim.get().statementTo();
        }
        String frequency = billedClaims.of(denial.claimPaymentId(), denial.payerId())
                .map(b -> b.stored().claim().frequency()).orElse(null);
        LocalDate answered = denial.remittanceDate() != null ? denial.remittanceDate() : LocalDate.now(clock);
        LocalDate lastBilled = last;
        return OngoingCare.reviewDenialOf(reasons, codes)
                .filter(level -> OngoingCare.stillGoingOn(frequency, lastBilled, answered, watch.stayOngoingDays()));
    }

    private static UrgentAppeal row(ResultSet rs) throws SQLException {
        Integer hours = (Integer) rs.getObject("expedited_decision_hours");
        String p2p = rs.getString("peer_to_peer_outcome");
        String decision = rs.getString("expedited_decision");
        return new UrgentAppeal(rs.getLong("denial_id"), LevelOfCare.valueOf(rs.getString("level_of_care")),
                instant(rs, "offered_at"), instant(rs, "peer_to_peer_due_at"),
                p2p == null ? null : PeerToPeer.valueOf(p2p), hours == null ? null : Duration.ofHours(hours),
                rs.getString("expedited_source"), instant(rs, "expedited_filed_at"),
                instant(rs, "expedited_decision_due_at"), decision == null ? null : Decision.valueOf(decision),
                instant(rs, "expedited_decided_at"), instant(rs, "expedited_overdue_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
