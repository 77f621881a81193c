package org.overturn.denial;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.overturn.denial.internal.Denial;
import org.overturn.denial.internal.DenialRepository;
import org.overturn.payer.PayerAppealTerms;
import org.overturn.payer.PayerDirectory;
import org.overturn.payer.PayerProfile;
import org.overturn.regime.AppealRecipients;
import org.overturn.regime.AppealRegime;
import org.overturn.regime.AppealRegimes;
import org.overturn.regime.RecipientKind;
import org.overturn.regime.RegimeLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a denial stands on its regime's ladder: the level worked, its due date and its recipient. Level 1's clock
 * starts on the remittance date; a later level's on the date of the decision letter of the level before. The due
 * date is the earlier of the rule's (the regime table: window plus the presumed days for the notice to arrive) and
 * the payer's own limit for that level when the payer directory has one; a level whose window is the payer's takes
 * the payer's limit alone.
 */
@Service
public class AppealDeadlines {

    private final DenialRepository denials;
    private final AppealRegimes regimes;
    private final AppealRecipients recipients;
    private final PayerDirectory payers;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final jakarta.persistence.EntityManager entityManager;
    private final OverturnRates overturnRates;

    /** What the appeal-deadline process does when a deadline nears, is close, or passes unfiled. */
    public enum DeadlineEvent { NEAR, ESCALATED, MISSED }

    /**
     * Deadlines met (the level filed by its due date), filed late, and missed (recorded when the deadline passed
     * with the level not filed), over every denial and level.
     */
    public record DeadlineCounts(long met, long filedLate, long missed) {
    }

    AppealDeadlines(DenialRepository denials, AppealRegimes regimes, AppealRecipients recipients,
                    PayerDirectory payers, Clock clock, JdbcTemplate jdbc,
                    jakarta.persistence.EntityManager entityManager, OverturnRates overturnRates) {
        this.overturnRates = overturnRates;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.denials = denials;
        this.regimes = regimes;
        this.recipients = recipients;
        this.payers = payers;
        this.clock = clock;
    }

    /** The appeal step of an appealable denial; empty for one that is not appealable. */
    @Transactional(readOnly = true)
    public Optional<AppealStep> step(long denialId) {
        return denials.findForReading(denialId).filter(Denial::isAppealable).map(AppealDeadlines::step);
    }

    static AppealStep step(Denial d) {
        AppealRegime regime = d.getAppealRegime() == null ? AppealRegime.UNKNOWN
                : AppealRegime.valueOf(d.getAppealRegime());
        int level = d.getAppealStep() == null ? Math.max(1, d.getAppealLevel()) : d.getAppealStep();
        return new AppealStep(regime, level, null, d.getAppealDueDate(), d.getAppealRecipient());
    }

    /**
     * The date the current level's clock started: the remittance at level 1, the decision letter of the level
     * before at a later one (the date a reconsideration request quotes for the redetermination notice).
     */
    @Transactional(readOnly = true)
    public Optional<LocalDate> clockStartedOn(long denialId) {
        return denials.findForReading(denialId).map(Denial::getAppealClockStart);
    }

    /** The step with its level's name from the regime table in force. */
    @Transactional(readOnly = true)
    public Optional<AppealStep> describe(long denialId) {
        return step(denialId).map(s -> new AppealStep(s.regime(), s.level(),
                regimes.level(s.regime(), s.level()).map(RegimeLevel::levelName).orElse("Appeal level " + s.level()),
                s.dueOn(), s.recipient()));
    }

    /**
     * Whether the level is still to be filed by that date: the denial is appealable, open, at that level with that
     * due date (another route or a new decision date moves it), and no appeal of that level has been sent.
     */
    @Transactional(readOnly = true)
    public boolean awaitsFiling(long denialId, int level, LocalDate dueOn) {
        Integer found = jdbc.queryForObject("""
                select count(*) from denial d where d.id = ? and d.appealable and d.closed_at is null
                  and coalesce(d.appeal_step, greatest(d.appeal_level, 1)) = ? and d.appeal_due_date = ?
                  and not exists (select 1 from appeal a where a.denial_id = d.id and a.level = ?)""",
                Integer.class, denialId, level, java.sql.Date.valueOf(dueOn), level);
        return found != null && found > 0;
    }

    private static final String RECORD = """
            insert into appeal_deadline_event (denial_id, level, kind, due_on, at) values (?, ?, ?, ?, ?)
            on conflict do nothing""";

    /** One level's deadline of one denial. */
    public record LevelDeadline(long denialId, int level, LocalDate dueOn) {
    }

    /** Records what happened to the level's deadline, once per kind; answers whether this was the first time. */
    @Transactional
    public boolean record(long denialId, int level, DeadlineEvent event, LocalDate dueOn, java.time.Instant at) {
        return jdbc.update(RECORD, denialId, level, event.name(), java.sql.Date.valueOf(dueOn),
                java.sql.Timestamp.from(at)) > 0;
    }

    /** {@link #record} for many deadlines in one batch: a file's denials whose deadlines have passed already. */
    @Transactional
    public void recordAll(java.util.List<LevelDeadline> deadlines, DeadlineEvent event, java.time.Instant at) {
        if (deadlines.isEmpty()) {
            return;
        }
        var timestamp = java.sql.Timestamp.from(at);
        jdbc.batchUpdate(RECORD, deadlines.stream().map(d -> new Object[] {d.denialId(), d.level(), event.name(),
                java.sql.Date.valueOf(d.dueOn()), timestamp}).toList());
    }

    @Transactional(readOnly = true)
    public DeadlineCounts counts() {
        return counts(null);
    }

    /** The same, of the denials of these practices only (null: every practice). */
    @Transactional(readOnly = true)
    public DeadlineCounts counts(java.util.Collection<Long> practices) {
        String mine = practices == null ? "true" : "denial_id in (select id from denial where practice_id = any(?))";
        Object[] args = practices == null ? new Object[0]
                : new Object[] {practices.toArray(Long[]::new), practices.toArray(Long[]::new)};
        return jdbc.queryForObject("""
                select count(*) filter (where a.due_on is not null and cast(a.sent_at as date) <= a.due_on) met,
                       count(*) filter (where a.due_on is not null and cast(a.sent_at as date) > a.due_on) late,
                       (select count(*) from appeal_deadline_event where kind = 'MISSED' and %s) missed
                from appeal a where %s""".formatted(mine, mine.replace("denial_id", "a.denial_id")),
                (rs, i) -> new DeadlineCounts(rs.getLong("met"), rs.getLong("late"), rs.getLong("missed")), args);
    }

    /** Level 1 of a denial being registered, from its CLP06 and its payer; its clock starts on the remittance. */
    void enterFirstLevel(Denial denial, String filingIndicator, int payerLimitDays) {
        AppealRegime regime = regimes.regimeOf(denial.getPayerId(), filingIndicator);
        LocalDate start = denial.getRemittanceDate() == null ? LocalDate.now(clock) : denial.getRemittanceDate();
        enter(denial, regime, 1, start, payerLimitDays);
    }

    /**
     * Whether the denial may go on to the level after {@code level}: its regime has one, and the amount at risk
     * reaches that level's amount-in-controversy floor.
     */
    @Transactional(readOnly = true)
    public boolean hasLevelAfter(long denialId, int level) {
        Denial denial = denials.findForReading(denialId).orElseThrow(() -> new IllegalArgumentException(
                "no denial " + denialId));
        return regimes.level(step(denial).regime(), level + 1).filter(l -> l.admits(denial.getAmountAtRisk()))
                .isPresent();
    }

    /**
     * The level after the current one opens: its clock starts on the decision letter's date (today when none is
     * given), and its due date and recipient follow its regime's row.
     */
    @Transactional
    public AppealStep raise(long denialId, LocalDate decidedOn) {
        Denial denial = load(denialId);
        AppealStep now = step(denial);
        var next = regimes.level(now.regime(), now.level() + 1).orElseThrow(() -> new IllegalStateException(
                now.regime() + " has no level after " + now.level()));
        enter(denial, now.regime(), next.level(), decidedOn == null ? LocalDate.now(clock) : decidedOn,
                payerLimit(denial, next.level()));
        reprioritise(denial);
        return describeNow(denial);
    }

    /**
     * Takes the denial down another route, from its first level, e.g. a network provider's contractual dispute
     * instead of the member's appeal; the clock starts again from the remittance date. Only before an appeal was
     * sent; {@link IllegalStateException} otherwise.
     */
    @Transactional
    public AppealStep route(long denialId, AppealRegime regime) {
        Denial denial = load(denialId);
        if (!denial.isAppealable()) {
            throw new IllegalStateException("Denial " + denialId + " is not appealable");
        }
        if (denial.getAppealLevel() > 0) {
            throw new IllegalStateException("Denial " + denialId + " was appealed already: its route stays");
        }
        LocalDate start = denial.getRemittanceDate() == null ? LocalDate.now(clock) : denial.getRemittanceDate();
        enter(denial, regime, 1, start, payerLimit(denial, 1));
        reprioritise(denial);
        return describeNow(denial);
    }

    /**
     * The queue sorts on the level now worked: its days left out of its own window (the level-1 score would rank a
     * fresh level as nearly past due, or a closing one as far off). A level with no due date keeps its score.
     */
    private void reprioritise(Denial denial) {
        LocalDate due = denial.getAppealDueDate();
        if (due == null) {
            return;
        }
        LocalDate start = denial.getAppealClockStart() == null ? LocalDate.now(clock) : denial.getAppealClockStart();
        long window = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(start, due));
        long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(clock), due);
        denial.reprioritise(DenialPriority.score(denial.getAmountAtRisk(), daysLeft, (int) window,
                overturnRates.of(denial.getRootCause())));
    }

    private AppealStep describeNow(Denial denial) {
        AppealStep s = step(denial);
        return new AppealStep(s.regime(), s.level(), regimes.level(s.regime(), s.level())
                .map(RegimeLevel::levelName).orElse("Appeal level " + s.level()), s.dueOn(), s.recipient());
    }

    private void enter(Denial denial, AppealRegime regime, int level, LocalDate clockStart, Integer payerLimit) {
        RegimeLevel row = regimes.level(regime, level).orElseThrow(() -> new IllegalStateException(
                "the regime table has no level " + level + " for " + regime));
        // the practice's own contract terms with the payer, where it has them, before the directory's
        Optional<PayerProfile> payer = payers.profile(denial.getPayerId(), denial.getPracticeId());
        PayerAppealTerms terms = payers.appealTerms(denial.getPayerId(), denial.getPracticeId());
        // the payer's days for a level whose window is the payer's: its own for the level, else its level-1 limit
        Integer payerDays = payerLimit != null ? payerLimit : payer.map(p -> p.appealLimitDays(level)).orElse(null);
        LocalDate due = switch (row.window()) {
            case FIXED -> {
                LocalDate rule = row.ruleDueOn(clockStart);
                yield payerLimit == null ? rule : min(rule, clockStart.plusDays(payerLimit));
            }
            case PAYER -> payerDays == null ? null : clockStart.plusDays(payerDays);
            case DISPUTE -> terms.providerDisputeDays() != null ? clockStart.plusDays(terms.providerDisputeDays())
                    : payerDays == null ? null : clockStart.plusDays(payerDays);
            case NONE -> null;
        };
        denial.enterAppealStep(regime.name(), level, clockStart, due, recipient(row.recipient(), payer));
    }

    /** The payer's own limit for the level when it has one: level 1 always, levels 2 and 3 when entered. */
    private Integer payerLimit(Denial denial, int level) {
        return payers.profile(denial.getPayerId(), denial.getPracticeId()).map(p -> switch (level) {
            case 1 -> p.appealLimitDays();
            case 2 -> p.secondLevelAppealLimitDays();
            case 3 -> p.thirdLevelAppealLimitDays();
            default -> null;
        }).orElse(null);
    }

    private String recipient(RecipientKind kind, Optional<PayerProfile> payer) {
        if (kind == RecipientKind.PAYER) {
            return payer.map(p -> p.appealEmail() == null ? p.name() + " appeals"
                    : p.name() + " appeals (" + p.appealEmail() + ")").orElse(kind.unnamed());
        }
        return recipients.find(kind, payer.map(PayerProfile::state).orElse(null))
                .map(AppealRecipients.Recipient::label).orElse(kind.unnamed());
    }

    /** For changing: writable even when this transaction read it before (read-only) through {@link Denials#find}. */
    private Denial load(long id) {
        Denial denial = denials.findById(id).orElseThrow(() -> new IllegalArgumentException("no denial " + id));
        entityManager.unwrap(org.hibernate.Session.class).setReadOnly(denial, false);
        return denial;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
