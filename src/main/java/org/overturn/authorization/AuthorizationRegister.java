package org.overturn.authorization;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.overturn.authorization.internal.AuthorizationRows;
import org.overturn.authorization.internal.BilledUse;
import org.overturn.part2.Part2Programs;
import org.overturn.practice.PracticeRef;
import org.overturn.practice.Practices;
import org.overturn.remittance.SubstanceUseServices;
import org.overturn.security.AccessRefused;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.overturn.security.CurrentUser;
import org.overturn.security.PracticeAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register: entering, changing and finding authorizations, with their use counted from the claims on file.
 * Users of the authorizations queue, managers and admins keep it; an authorization for substance-use services
 * (or a Part 2 program's care) is a Part 2 record, which only users with Part 2 access see or change.
 */
@Service
public class AuthorizationRegister {

    /** The work queue that keeps the register (DESIGN section 3, work queues). */
    public static final String QUEUE = "authorizations";

    /** An active authorization running out, with why in words (its span ending, few units left, a review due). */
    public record RunningOut(Authorization authorization, List<String> reasons) {
    }

    /** Import outcome: created and updated counts, or the problems that stopped it (nothing imported). */
    public record Imported(int created, int updated) {
    }

    private final AuthorizationRows rows;
    private final BilledUse billedUse;
    private final Part2Programs programs;
    private final AuditTrail audit;
    private final PracticeAccess practices;
    private final Practices practiceNames;
    private final Clock clock;

    AuthorizationRegister(AuthorizationRows rows, BilledUse billedUse, Part2Programs programs, AuditTrail audit,
                          PracticeAccess practices, Practices practiceNames, Clock clock) {
        this.rows = rows;
        this.practiceNames = practiceNames;
        this.practices = practices;
        this.billedUse = billedUse;
        this.programs = programs;
        this.audit = audit;
        this.clock = clock;
    }

    /** May look at and keep the register: members of the authorizations queue, managers, admins. */
    public static boolean keeps(CurrentUser user) {
        return user.canView(QUEUE);
    }

    public static void requireKeeper(CurrentUser user) {
        if (!keeps(user)) {
            throw new AccessRefused("authorizations", null,
                    "The authorization register is kept by the authorizations queue, managers and admins");
        }
    }

    @Transactional
    public Authorization create(AuthorizationDraft draft, AuthorizationSource source, CurrentUser user) {
        return create(draft, null, source, user);
    }

    /**
     * Enters an authorization for the practice given, else the one practice whose claims name that member (and
     * payer), else the user's only practice; refused when that leaves a choice, or names a practice not the user's.
     */
    @Transactional
    public Authorization create(AuthorizationDraft draft, Long practiceId, AuthorizationSource source,
                                CurrentUser user) {
        requireKeeper(user);
        AuthorizationTerms terms = AuthorizationRules.check(draft);
        long practice = practiceFor(terms, practiceId, user);
        if (rows.byNumber(terms.payerId(), terms.number()).isPresent()) {
            throw new InvalidAuthorization(Map.of(AuthorizationField.NUMBER.key(),
                    "this payer's authorization " + terms.number() + " is already on file: edit it instead"));
        }
        boolean part2 = part2(terms);
        requirePart2(user, part2, null);
        long id = rows.insert(terms, practice, source, part2, user.id(), clock.instant());
        audit.record(AuditAction.AUTHORIZATION_CHANGED, "authorization", String.valueOf(id), "created");
        return find(id, user).orElseThrow();
    }

    @Transactional
    public Authorization update(long id, AuthorizationDraft draft, AuthorizationSource source, CurrentUser user) {
        return update(id, draft, null, source, user);
    }

    /** Changes an authorization of a practice of the user's; {@code practiceId} (optional) moves it to another. */
    @Transactional
    public Authorization update(long id, AuthorizationDraft draft, Long practiceId, AuthorizationSource source,
                                CurrentUser user) {
        requireKeeper(user);
        var before = rows.find(id).orElseThrow(() -> new NotOnFile(id));
        practices.require(user, before.practiceId(), "authorization", id);
        requirePart2(user, before.part2(), id);
        long practice = practiceId == null ? before.practiceId() : practiceId;
        practices.require(user, practice, "authorization", id);
        AuthorizationTerms terms = AuthorizationRules.check(draft);
        var same = rows.byNumber(terms.payerId(), terms.number());
        if (same.isPresent() && same.get().id() != id) {
            throw new InvalidAuthorization(Map.of(AuthorizationField.NUMBER.key(),
                    "this payer's authorization " + terms.number() + " is already on file as another record"));
        }
        boolean part2 = part2(terms);
        requirePart2(user, part2, id);
        rows.update(id, terms, practice, source, part2, user.id(), clock.instant());
        audit.record(AuditAction.AUTHORIZATION_CHANGED, "authorization", String.valueOf(id), "updated");
        return find(id, user).orElseThrow();
    }

    /**
     * A retro authorization the payer approved for a denied claim, entered as an approved authorization for that
     * member and payer covering the claim's services, dates and units as billed (the biller adjusts it on the page
     * when the payer approved more), with the denial it was recorded for as its source. A number already on file
     * for this payer is left as it is: the payer issued it before, so the register already knows it.
     *
     * @param claim     the denied claim as billed (AuthorizationCheck's view of it)
     * @param payerName the payer's name, for the register's page
     * @param denialId  the denial the decision was recorded on
     * @return the entry, or empty when the claim on file does not make one (no member id or no dates of service):
     *         the payer's decision stands all the same, and the biller enters the authorization on the page
     */
    @Transactional
    public Optional<Authorization> recordRetroApproval(AuthorizationCheck.ClaimUnderCheck claim, String payerName,
                                                       String number, long denialId, CurrentUser user) {
        requireKeeper(user);
        String payerId = claim.payerIds().iterator().next();
        var onFile = rows.byNumber(payerId, number.strip());
        if (onFile.isPresent()) {
            return find(onFile.get().id(), user);
        }
        AuthorizationTerms terms;
        try {
            terms = AuthorizationRules.check(RetroApproval.draft(claim, payerId, payerName, number));
        } catch (InvalidAuthorization incomplete) {
            audit.record(AuditAction.AUTHORIZATION_CHANGED, "authorization", null, "retro authorization on denial "
                    + denialId + " not entered: " + String.join(", ", incomplete.fieldErrors().keySet()));
            return Optional.empty();
        }
        // the denial's practice: the claim is that practice's, so is what its payer approved for it
        var ofDenial = rows.practiceOfDenial(denialId);
        long practice = ofDenial.isPresent() ? ofDenial.get() : practiceFor(terms, null, user);
        practices.require(user, practice, "denial", denialId);
        boolean part2 = part2(terms);
        requirePart2(user, part2, null);
        long id = rows.insert(terms, practice, AuthorizationSource.RETRO, part2, user.id(), clock.instant());
        rows.noteSource(id, "retro authorization approved for denial " + denialId);
        audit.record(AuditAction.AUTHORIZATION_CHANGED, "authorization", String.valueOf(id),
                "created from the retro authorization decision on denial " + denialId);
        return find(id, user);
    }

    /** Where the record came from in words (the denial a retro authorization was approved for), when noted. */
    @Transactional(readOnly = true)
    public Optional<String> sourceNote(long id, CurrentUser user) {
        find(id, user);
        return rows.sourceNote(id);
    }

    /**
     * Every row of an import, in one transaction: rows already on file (same payer and number) are replaced, the
     * others created. The rows have been checked; a row the database refuses undoes them all.
     */
    @Transactional
    public Imported importAll(List<AuthorizationTerms> terms, CurrentUser user) {
        return importAll(terms, null, user);
    }

    /**
     * As {@link #importAll(List, CurrentUser)}, each new row for {@code practiceId} when given, else found as {@link
     * #create(AuthorizationDraft, Long, AuthorizationSource, CurrentUser)} finds it; a row already on file stays its
     * practice's and must be one of the user's.
     */
    @Transactional
    public Imported importAll(List<AuthorizationTerms> terms, Long practiceId, CurrentUser user) {
        requireKeeper(user);
        int created = 0;
        int updated = 0;
        for (AuthorizationTerms t : terms) {
            boolean part2 = part2(t);
            var existing = rows.byNumber(t.payerId(), t.number());
            if (existing.isPresent()) {
                practices.require(user, existing.get().practiceId(), "authorization", existing.get().id());
                requirePart2(user, existing.get().part2() || part2, existing.get().id());
                rows.update(existing.get().id(), t, existing.get().practiceId(), AuthorizationSource.IMPORT, part2,
                        user.id(), clock.instant());
                updated++;
            } else {
                requirePart2(user, part2, null);
                rows.insert(t, practiceFor(t, practiceId, user), AuthorizationSource.IMPORT, part2, user.id(),
                        clock.instant());
                created++;
            }
        }
        audit.record(AuditAction.AUTHORIZATION_CHANGED, "authorization", null,
                "imported: " + created + " created, " + updated + " updated");
        return new Imported(created, updated);
    }

    /** The authorization, if the user may see it (Part 2 records only with Part 2 access). */
    @Transactional(readOnly = true)
    public Optional<Authorization> find(long id, CurrentUser user) {
        requireKeeper(user);
        var row = rows.find(id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        practices.require(user, row.get().practiceId(), "authorization", id);
        requirePart2(user, row.get().part2(), id);
        return Optional.of(withUse(List.of(row.get())).get(0));
    }

    /** A member's authorizations with their use, those ending last first; Part 2 records only for Part 2 users. */
    @Transactional(readOnly = true)
    public List<Authorization> ofMember(String memberId, CurrentUser user) {
        requireKeeper(user);
        return withUse(rows.ofMember(memberId.strip(), scope(user)).stream()
                .filter(r -> !r.part2() || user.seesPart2()).toList());
    }

    /** The register's page: the latest authorizations matching the search (member, number, payer, patient). */
    @Transactional(readOnly = true)
    public List<Authorization> search(String text, CurrentUser user, int limit) {
        requireKeeper(user);
        return withUse(rows.search(text, user.seesPart2(), scope(user), limit));
    }

    /**
     * The approved authorizations in force today that are running out (thresholds in {@link
     * AuthorizationWatchProperties}), those ending first first; Part 2 records only for Part 2 users.
     */
    @Transactional(readOnly = true)
    public List<RunningOut> runningOut(CurrentUser user, AuthorizationWatchProperties watch) {
        return runningOut(user, watch, null);
    }

    /** As {@link #runningOut(CurrentUser, AuthorizationWatchProperties)}, of these practices only (null: all). */
    @Transactional(readOnly = true)
    public List<RunningOut> runningOut(CurrentUser user, AuthorizationWatchProperties watch, Set<Long> within) {
        requireKeeper(user);
        LocalDate today = LocalDate.now(clock);
        List<RunningOut> found = new ArrayList<>();
        var scope = within == null ? scope(user) : scope(user).and(new org.overturn.security.SqlCondition(
                " and a.practice_id = any(?)", List.of((Object) within.toArray(Long[]::new))));
        for (Authorization a : withUse(rows.active(today, user.seesPart2(), scope))) {
            List<String> reasons = runningOutReasons(a, today, watch);
            if (!reasons.isEmpty()) {
                found.add(new RunningOut(a, reasons));
            }
        }
        return found;
    }

    /** Why an authorization in force is running out, in words; empty when it is not. */
    static List<String> runningOutReasons(Authorization a, LocalDate today, AuthorizationWatchProperties watch) {
        List<String> reasons = new ArrayList<>();
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, a.to());
        if (days <= watch.daysBeforeEnd()) {
            reasons.add(days == 0 ? "ends today" : "ends in " + days + " day" + (days == 1 ? "" : "s"));
        }
        if (a.unitsApproved().signum() > 0
                && a.unitsLeft().compareTo(a.unitsApproved().multiply(watch.unitsLeftShare())) <= 0) {
            reasons.add(a.unitsLeft().signum() == 0 ? "no " + a.unitType().name().toLowerCase() + " left"
                    : a.unitsLeft().toPlainString() + " of " + a.unitsApproved().toPlainString() + " "
                    + a.unitType().name().toLowerCase() + " left");
        }
        if (a.nextReviewOn() != null && !a.nextReviewOn().isAfter(today.plusDays(watch.reviewWithinDays()))) {
            reasons.add(a.nextReviewOn().isBefore(today) ? "concurrent review overdue since " + a.nextReviewOn()
                    : "concurrent review due " + a.nextReviewOn());
        }
        return reasons;
    }

    /** Every authorization in force today with its use, Part 2 records too: for the watch, which no user runs. */
    List<Authorization> activeForWatch(LocalDate today) {
        return withUse(rows.active(today, true, org.overturn.security.SqlCondition.NONE));
    }

    /**
     * A member's authorizations granted to this practice with their use, whoever asks: for the check of a claim of
     * that practice (another practice's authorization never covers it, even for the same member and payer).
     */
    List<Authorization> ofMemberForCheck(String memberId, long practiceId) {
        return withUse(rows.ofMember(memberId, new org.overturn.security.SqlCondition(" and a.practice_id = ?",
                List.of((Object) practiceId))));
    }

    private org.overturn.security.SqlCondition scope(CurrentUser user) {
        return practices.condition(user, "a.practice_id");
    }

    /** The practices the user may enter authorizations for, by id: offered on the pages when there is a choice. */
    public List<PracticeRef> practicesFor(CurrentUser user) {
        Set<Long> mine = practices.practicesOf(user);
        return practiceNames.refs().values().stream().filter(r -> mine.contains(r.id())).toList();
    }

    /** The practice a new authorization is entered for: the one given, else the member's claims', else the user's. */
    private long practiceFor(AuthorizationTerms terms, Long given, CurrentUser user) {
        if (given != null) {
            practices.require(user, given, "practice", given);
            return given;
        }
        List<Long> naming = rows.practicesNaming(terms.memberId(), terms.payerId());
        if (naming.isEmpty()) {
            naming = rows.practicesNaming(terms.memberId(), null);
        }
        if (naming.isEmpty()) {
            naming = List.copyOf(new java.util.TreeSet<>(practices.practicesOf(user)));
        }
        if (naming.size() != 1) {
            throw new InvalidAuthorization(Map.of("practiceId", naming.isEmpty()
                    ? "you work no practice to enter this authorization for"
                    : "member " + terms.memberId() + " could be of more than one practice: say which practice"));
        }
        practices.require(user, naming.get(0), "practice", naming.get(0));
        return naming.get(0);
    }

    /** The member's billed lines under an authorization number in this practice's claims. */
    List<BilledUse.Line> billedLinesOf(String memberId, long practiceId) {
        return billedUse.ofMembers(List.of(memberId)).stream().filter(l -> l.practiceId() == practiceId).toList();
    }

    private List<Authorization> withUse(List<AuthorizationRows.Row> found) {
        Set<String> members = new HashSet<>();
        found.forEach(r -> members.add(r.terms().memberId()));
        // by member and practice: an authorization counts the use of its own practice's claims only
        Map<String, List<BilledUse.Line>> byMember = new HashMap<>();
        for (BilledUse.Line line : billedUse.ofMembers(members)) {
            byMember.computeIfAbsent(line.memberId() + "\u0000" + line.practiceId(), m -> new ArrayList<>()).add(line);
        }
        Map<Long, PracticeRef> names = found.isEmpty() ? Map.of() : practiceNames.refs();
        List<Authorization> result = new ArrayList<>();
        for (var r : found) {
            AuthorizationTerms t = r.terms();
            List<BilledUse.Line> lines = byMember.getOrDefault(t.memberId() + "\u0000" + r.practiceId(), List.of());
            BigDecimal used = used(t, lines, l -> !l.denied());
            BigDecimal paid = used(t, lines, BilledUse.Line::paid);
            BigDecimal left = plain(t.unitsApproved().subtract(used).max(BigDecimal.ZERO));
            result.add(new Authorization(r.id(), t.payerId(), t.payerName(), t.memberId(), t.patientName(),
                    t.number(), t.levelOfCare(), t.procedures(), t.unitType(), plain(t.unitsApproved()), t.from(), t.to(),
                    t.renderingNpi(), t.facilityNpi(), t.nextReviewOn(), t.status(), r.source(), r.part2(), used, paid,
                    left, r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy(),
                    names.getOrDefault(r.practiceId(), new PracticeRef(r.practiceId(), null))));
        }
        return result;
    }

    /**
     * What the lines that carry the authorization's number, for a service it covers within its span, use of it
     * (those {@code which} accepts: lines the payer denied use nothing, so callers leave them out).
     */
    static BigDecimal used(AuthorizationTerms t, Collection<BilledUse.Line> lines, Predicate<BilledUse.Line> which) {
        BigDecimal units = BigDecimal.ZERO;
        Set<LocalDate> visits = new HashSet<>();
        for (BilledUse.Line line : lines) {
            if (!line.number().equalsIgnoreCase(t.number()) || !which.test(line) || !t.spans(line.serviceDate())
                    || !(t.covers(line.procedure()) || t.covers(line.revenueCode()))) {
                continue;
            }
            visits.add(line.serviceDate());
            units = units.add(line.units() == null ? BigDecimal.ONE : line.units());
        }
        return t.unitType() == UnitType.VISITS ? BigDecimal.valueOf(visits.size()) : plain(units);
    }

    /** 10 rather than 10.000 or 1E+1. */
    static BigDecimal plain(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Substance-use codes, withdrawal management, or a provider flagged as a Part 2 program. */
    private boolean part2(AuthorizationTerms t) {
        return t.levelOfCare() == LevelOfCare.WITHDRAWAL_MANAGEMENT
                || t.procedures().stream().anyMatch(c -> SubstanceUseServices.isSubstanceUseService(c)
                        || SubstanceUseServices.isSubstanceUseRevenueCode(c))
                || t.renderingNpi() != null && programs.isProgram(t.renderingNpi())
                || t.facilityNpi() != null && programs.isProgram(t.facilityNpi());
    }

    private static void requirePart2(CurrentUser user, boolean part2, Long id) {
        if (part2 && !user.seesPart2()) {
            throw new AccessRefused("authorization", id,
                    "A substance-use (42 CFR Part 2) authorization needs Part 2 access");
        }
    }

    /** No authorization with this id. */
    public static class NotOnFile extends RuntimeException {
        public NotOnFile(long id) {
            super("No authorization " + id + " is on file");
        }
    }
}
