package org.overturn.worklist;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.overturn.correction.CorrectedClaims;
import org.overturn.correction.ReplacementClaims;
import org.overturn.denial.Appeals;
import org.overturn.denial.BilledClaims;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.denial.ReasonCodeList;
import org.overturn.letters.LetterAttachments;
import org.overturn.letters.Letters;
import org.overturn.remittance.ClaimRecords;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.springframework.stereotype.Service;

/**
 * Everything a biller needs on one denial: what the payer said in plain English, the claim and its lines, the
 * root cause, the deadlines, who did what when in its process, corrections, appeals and notes, and the
 * task open on it. A Part 2 denial comes back redacted to users without Part 2 access.
 */
@Service
public class DenialRecords {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Set<String> HISTORY_TYPES = Set.of("startEvent", "endEvent", "userTask", "serviceTask",
            "intermediateMessageCatch", "intermediateTimer", "boundaryTimer", "noneEndEvent");

    /** The denial's facts; in a redacted record only id, status, amounts and dates are filled. */
    public record DenialRecord(long id, boolean redacted, String status, String kind, String rootCause,
                               String explanation, String primaryReason, String primaryReasonText,
                               BigDecimal amountAtRisk, BigDecimal recoveredAmount, LocalDate appealDueDate,
                               Long daysToAppealDeadline, int priority, int appealLevel, String planType,
                               String payerName, String payerId, String patientControlNumber,
                               LocalDate remittanceDate, String received, boolean part2,
                               ClaimRecords.ClaimRecord claim, String claimStatusText, List<PayerWord> payerWords,
                               List<HistoryEntry> history, List<CorrectedClaims.CorrectedClaim> corrections,
                               List<Appeals.Appeal> appeals, List<DenialNotes.Note> notes,
                               List<WorkItems.WorkItem> tasks, List<Letters.LetterVersion> letters,
                               List<LetterAttachments.Attachment> attachments,
                               org.overturn.parity.ScreenResult parityScreen,
                               org.overturn.parity.ParityCases.ParityCase parityCase,
                               BilledClaims.BilledClaim billed, ReplacementClaims.Replacement replacement,
                               org.overturn.authorization.AuthorizationCheck.Result authorization) {
    }

    /**
     * One code the payer sent, with its official wording. {@code where} says claim or which line; group and
     * amount are null for remark codes (RARC).
     */
    public record PayerWord(String where, String kind, String group, String groupText, String code, String text,
                            BigDecimal amount) {
    }

    public record HistoryEntry(String when, String who, String what) {
    }

    private final Denials denials;
    private final ClaimRecords claims;
    private final CorrectedClaims corrections;
    private final Appeals appeals;
    private final DenialNotes notes;
    private final WorkItems work;
    private final HistoryService history;
    private final Letters letters;
    private final LetterAttachments attachments;
    private final org.overturn.parity.ParityScreen parityScreen;
    private final org.overturn.parity.ParityCases parityCases;
    private final ReasonCodeList codes = ReasonCodeList.shipped();
    private final DenialAccess access;
    private final java.time.Clock clock;
    private final org.overturn.workflow.ProcessesOfDenials processesOfDenials;

    private final BilledClaims billedClaims;
    private final ReplacementClaims replacements;
    private final org.overturn.denial.DenialAuthorizations authorizations;

    DenialRecords(Denials denials, ClaimRecords claims, CorrectedClaims corrections, Appeals appeals,
                  DenialNotes notes, WorkItems work, HistoryService history, Letters letters,
                  LetterAttachments attachments, org.overturn.parity.ParityScreen parityScreen,
                  org.overturn.parity.ParityCases parityCases, DenialAccess access, java.time.Clock clock,
                  org.overturn.workflow.ProcessesOfDenials processesOfDenials, BilledClaims billedClaims,
                  ReplacementClaims replacements, org.overturn.denial.DenialAuthorizations authorizations) {
        this.replacements = replacements;
        this.authorizations = authorizations;
        this.processesOfDenials = processesOfDenials;
        this.billedClaims = billedClaims;
        this.access = access;
        this.clock = clock;
        this.parityScreen = parityScreen;
        this.parityCases = parityCases;
        this.letters = letters;
        this.attachments = attachments;
        this.denials = denials;
        this.claims = claims;
        this.corrections = corrections;
        this.appeals = appeals;
        this.notes = notes;
        this.work = work;
        this.history = history;
    }

    /**
     * The denial as this user may see it; {@link TaskProblem} NOT_FOUND when there is none, and the access gate's
     * refusal (403, audited) when it is outside the user's queues.
     */
    public DenialRecord of(long denialId, CurrentUser user) {
        DenialView d = denials.find(denialId)
                .orElseThrow(() -> new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No denial " + denialId));
        boolean redacted = access.requireVisible(user, denialId) == DenialAccess.Level.REDACTED;
        LocalDate today = LocalDate.now(clock);
        Long daysLeft = d.appealDueDate() == null ? null : ChronoUnit.DAYS.between(today, d.appealDueDate());
        List<WorkItems.WorkItem> tasks = work.tasksOfDenial(denialId, user);
        if (redacted) {
            return new DenialRecord(d.id(), true, d.status().name(), null, null,
                    DenialAccess.RESTRICTED, null, null, d.amountAtRisk(),
                    d.recoveredAmount(), d.appealDueDate(), daysLeft, d.priority(), d.appealLevel(), null, null, null,
                    null, d.remittanceDate(), format(d.detectedAt()), true, null, null, List.of(), List.of(),
                    List.of(), List.of(), List.of(), tasks, List.of(), List.of(), null, null, null, null, null);
        }
        var claim = claims.find(d.claimPaymentId()).orElse(null);
        return new DenialRecord(d.id(), false, d.status().name(), d.kind().name(), d.rootCause().name(),
                d.explanation(), d.primaryReason(), d.primaryReason() == null ? null : codes.describeCarc(d.primaryReason()),
                d.amountAtRisk(), d.recoveredAmount(), d.appealDueDate(), daysLeft, d.priority(), d.appealLevel(),
                d.planType(), d.payerName(), d.payerId(), d.patientControlNumber(), d.remittanceDate(),
                format(d.detectedAt()), d.part2(), claim,
                claim == null ? null : codes.describeClaimStatus(claim.status()),
                claim == null ? List.of() : payerWords(claim), historyOf(denialId, d), corrections.of(denialId),
                appeals.of(denialId), notes.of(denialId), tasks, letters.of(denialId), attachments.of(denialId),
                parityScreen.resultOf(denialId).orElse(null), parityCases.caseOf(denialId).orElse(null),
                billedClaims.of(d.claimPaymentId(), d.payerId()).orElse(null),
                replacements.latest(denialId).orElse(null), authorizations.findingFor(d, user).orElse(null));
    }

    private List<PayerWord> payerWords(ClaimRecords.ClaimRecord claim) {
        List<PayerWord> words = new ArrayList<>();
        claim.adjustments().forEach(a -> words.add(adjustment("Claim", a)));
        claim.remarks().forEach(code -> words.add(remark("Claim", code)));
        for (var line : claim.lines()) {
            String where = "Line " + line.position() + (line.procedure() == null ? "" : " (" + line.procedure() + ")");
            line.adjustments().forEach(a -> words.add(adjustment(where, a)));
            line.remarks().forEach(code -> words.add(remark(where, code)));
        }
        return words;
    }

    private PayerWord adjustment(String where, ClaimRecords.AdjustmentRecord a) {
        return new PayerWord(where, "CARC", a.group(), codes.describeGroup(a.group()), a.reason(),
                codes.describeCarc(a.reason()), a.amount());
    }

    private PayerWord remark(String where, String code) {
        return new PayerWord(where, "RARC", null, null, code, codes.describeRarc(code), null);
    }

    /** Who did what when: the denial's arrival, then every step of its process from the engine's history. */
    private List<HistoryEntry> historyOf(long denialId, DenialView d) {
        record Timed(Instant at, HistoryEntry entry) {
        }
        List<Timed> entries = new ArrayList<>();
        entries.add(new Timed(d.detectedAt(), new HistoryEntry(format(d.detectedAt()), "835 intake",
                "Denial received: remittance of " + d.remittanceDate() + " from " + d.payerName())));
        var lifecycle = processesOfDenials.lifecycleOf(denialId);
        if (lifecycle.isPresent()) {
            String process = lifecycle.get();
            Map<String, HistoricTaskInstance> tasks = new java.util.HashMap<>();
            history.createHistoricTaskInstanceQuery().processInstanceId(process).list()
                    .forEach(t -> tasks.put(t.getId(), t));
            for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                    .processInstanceId(process).list()) {
                if (!HISTORY_TYPES.contains(a.getActivityType()) || a.getActivityName() == null) {
                    continue;
                }
                Instant started = a.getStartTime().toInstant();
                if ("userTask".equals(a.getActivityType())) {
                    HistoricTaskInstance task = tasks.get(a.getTaskId());
                    entries.add(new Timed(started, new HistoryEntry(format(started), "queue",
                            "Task opened: " + a.getActivityName())));
                    if (a.getEndTime() != null) {
                        String who = task == null || task.getAssignee() == null ? "system" : task.getAssignee();
                        String how = task != null && "completed".equals(task.getDeleteReason()) ? "Completed: "
                                : "Closed: ";
                        entries.add(new Timed(a.getEndTime().toInstant(), new HistoryEntry(
                                format(a.getEndTime().toInstant()), who, how + a.getActivityName())));
                    } else if (task != null && task.getAssignee() != null) {
                        entries.add(new Timed(started, new HistoryEntry(format(started), task.getAssignee(),
                                "Working on: " + a.getActivityName())));
                    }
                } else {
                    entries.add(new Timed(started, new HistoryEntry(format(started), "system", a.getActivityName())));
                }
            }
        }
        entries.sort(Comparator.comparing(Timed::at));
        return entries.stream().map(Timed::entry).toList();
    }

    static String format(Instant at) {
        return at == null ? null : WHEN.format(at.atZone(ZoneId.systemDefault()));
    }
}
