package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.DENIAL_ID;
import static org.overturn.workflow.DenialLifecycle.Variables.PROOF_OF_TIMELY_FILING;

import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.overturn.claim.TimelyFiling;
import org.overturn.denial.BilledClaims;
import org.overturn.denial.Denials;
import org.springframework.stereotype.Component;

/**
 * When <em>Check proof of timely filing</em> opens, looks for the proof on file: the payer's first acceptance of the
 * claim (277CA) counted from the date of service against the payer's limit. What it finds becomes the task's
 * suggested answer ({@code proofOfTimelyFiling}, {@code proofDescription}), which the biller confirms or corrects;
 * the appeal letter then cites the acceptance date and report. Without a claim on file it suggests nothing.
 */
@Component("suggestTimelyFilingProof")
class SuggestTimelyFilingProof implements TaskListener {

    static final String PROOF_DESCRIPTION = "proofDescription";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Denials denials;
    private final BilledClaims billedClaims;

    SuggestTimelyFilingProof(Denials denials, BilledClaims billedClaims) {
        this.denials = denials;
        this.billedClaims = billedClaims;
    }

    @Override
    public void notify(DelegateTask task) {
        long denialId = ProcessVariables.longOf(task.getExecution(), DENIAL_ID);
        denials.find(denialId)
                .flatMap(d -> billedClaims.of(d.claimPaymentId(), d.payerId()))
                .map(BilledClaims.BilledClaim::timelyFiling)
                .ifPresent(filing -> suggest(task, filing));
    }

    private static void suggest(DelegateTask task, TimelyFiling filing) {
        if (filing.proofOnFile() && Boolean.TRUE.equals(filing.withinLimit())) {
            task.setVariable(PROOF_OF_TIMELY_FILING, true);
            task.setVariable(PROOF_DESCRIPTION, truncate("277CA acceptance on " + DAY.format(filing.acceptedOn())
                    + (filing.proof() == null ? "" : ", report " + filing.proof()) + ": " + filing.daysToFiling()
                    + " days after the date of service, within the payer's limit of " + filing.limitDays() + " days"));
        } else if (filing.proofOnFile()) {
            task.setVariable(PROOF_DESCRIPTION, truncate("The payer's first acceptance (277CA) was on "
                    + DAY.format(filing.acceptedOn()) + ", " + filing.daysToFiling()
                    + " days after the date of service: past its limit of " + filing.limitDays() + " days"));
        } else if (filing.firstSubmittedOn() != null) {
            task.setVariable(PROOF_DESCRIPTION, truncate("No payer acceptance (277CA) on file; the claim was first sent "
                    + DAY.format(filing.firstSubmittedOn()) + (filing.daysToFiling() == null ? ""
                    : ", " + filing.daysToFiling() + " days after the date of service (limit " + filing.limitDays()
                    + ")")));
        }
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
