package org.overturn.payer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.springframework.stereotype.Service;

/**
 * Changes to the directory, by hand or from a workbook: checked against {@link PayerRules}, saved as confirmed
 * (no longer needing review), and audited once saved.
 */
@Service
public class PayerEdits {

    /** What an import did: the problems (then nothing was saved), or how many payers it created and updated. */
    record Imported(int created, int updated, List<PayerWorkbook.Problem> problems) {
        boolean accepted() {
            return problems.isEmpty();
        }
    }

    /** Enough to see what is wrong with a file; a file wrong everywhere is probably the wrong file. */
    static final int MAX_PROBLEMS = 500;

    /** By row, then in the order of the columns, as someone fixing the file goes through it. */
    private static final Comparator<PayerWorkbook.Problem> PROBLEM_ORDER = Comparator
            .comparingInt(PayerWorkbook.Problem::row)
            .thenComparingInt(p -> PayerField.byLabel(p.column()).map(Enum::ordinal).orElse(Integer.MAX_VALUE));

    private final PayerDirectory directory;
    private final PayerRules rules;
    private final AuditTrail audit;

    PayerEdits(PayerDirectory directory, PayerRules rules, AuditTrail audit) {
        this.directory = directory;
        this.rules = rules;
        this.audit = audit;
    }

    /** Creates or replaces the payer {@code id}; the draft's own id, if any, must be the same. */
    PayerDirectory.Saved save(String id, PayerDraft draft, String by) {
        if (draft.id() != null && !draft.id().isBlank() && !draft.id().strip().equals(id)) {
            throw new InvalidPayer(Map.of(PayerField.ID.key(), "does not match the payer id in the address"));
        }
        var checked = rules.check(draft.withId(id));
        if (!checked.valid()) {
            throw new InvalidPayer(checked.errors());
        }
        var saved = directory.confirm(List.of(checked.profile()), by).get(0);
        auditEdit(saved, "edit");
        return saved;
    }

    /** Where a payer takes appeals by mail and post, as an office enters it. */
    public record AppealContact(String email, String addressLine1, String city, String state, String postalCode,
                                String phone) {
    }

    /**
     * Enters the appeal contact of a payer still waiting for review (one an 835 introduced), checked, confirmed and
     * audited like any edit; a payer someone already reviewed is left as it is. False when nothing was saved.
     */
    public boolean enterAppealContact(String payerId, AppealContact contact, String by) {
        var profile = directory.profile(payerId).filter(PayerProfile::needsReview);
        if (profile.isEmpty()) {
            return false;
        }
        var draft = PayerDraft.of(profile.get());
        save(payerId, new PayerDraft(draft.id(), draft.name(), draft.planType(), contact.email(),
                draft.appealLimitDays(), draft.secondLevelAppealLimitDays(), draft.thirdLevelAppealLimitDays(),
                draft.timelyFilingDays(), draft.correctedClaimRules(), contact.addressLine1(), draft.addressLine2(),
                contact.city(), contact.state(), contact.postalCode(), contact.phone(), draft.claimStatusDays()), by);
        return true;
    }

    /** Checks every row first; saves all of them in one transaction, or none when any row is wrong. */
    Imported importWorkbook(byte[] content, String fileName, String by) {
        var contents = PayerWorkbook.read(content);
        List<PayerWorkbook.Problem> problems = new ArrayList<>(contents.problems());
        List<PayerProfile> profiles = new ArrayList<>();
        Map<String, Integer> rowOfId = new HashMap<>();
        for (PayerWorkbook.Line line : contents.lines()) {
            var checked = rules.check(line.draft());
            checked.errors().forEach((key, message) -> problems.add(new PayerWorkbook.Problem(PayerWorkbook.SHEET,
                    line.row(), PayerField.byKey(key).map(PayerField::label).orElse(key), message)));
            String id = line.draft().id() == null ? null : line.draft().id().strip();
            if (id != null && !id.isEmpty()) {
                Integer first = rowOfId.putIfAbsent(id, line.row());
                if (first != null) {
                    problems.add(new PayerWorkbook.Problem(PayerWorkbook.SHEET, line.row(), PayerField.ID.label(),
                            "the same payer id as row " + first));
                }
            }
            if (checked.valid()) {
                profiles.add(checked.profile());
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(PROBLEM_ORDER);
            if (problems.size() > MAX_PROBLEMS) {
                int more = problems.size() - MAX_PROBLEMS;
                problems.subList(MAX_PROBLEMS, problems.size()).clear();
                problems.add(new PayerWorkbook.Problem(PayerWorkbook.SHEET, 0, null, "and " + more + " more problems"));
            }
            return new Imported(0, 0, List.copyOf(problems));
        }
        var saved = directory.confirm(profiles, by);
        int created = (int) saved.stream().filter(PayerDirectory.Saved::created).count();
        int updated = saved.size() - created;
        audit.record(AuditAction.PAYER_CHANGED, "payer-import", null,
                "file " + printable(fileName) + ": " + created + " created, " + updated + " updated");
        saved.forEach(s -> auditEdit(s, "import"));
        return new Imported(created, updated, List.of());
    }

    /** What the client called the file, fit for a log line. */
    private static String printable(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "(unnamed)";
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        return base.replaceAll("\\p{Cntrl}", "_");
    }

    /** One event per payer whose entry changed or was confirmed; an imported row that changed nothing is not news. */
    private void auditEdit(PayerDirectory.Saved saved, String how) {
        List<String> changes = saved.changes();
        String detail;
        if (saved.created()) {
            detail = how + ": created";
        } else if (!changes.isEmpty()) {
            detail = how + ": changed " + String.join(", ", changes);
        } else if (saved.before().needsReview()) {
            detail = how + ": confirmed the default terms";
        } else if (how.equals("edit")) {
            detail = how + ": saved unchanged";
        } else {
            return;
        }
        audit.record(AuditAction.PAYER_CHANGED, "payer", saved.after().id(), detail);
    }

}
