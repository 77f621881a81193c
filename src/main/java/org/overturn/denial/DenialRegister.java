package org.overturn.denial;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.overturn.denial.internal.Denial;
import org.overturn.payer.PayerDirectory;
import org.overturn.payer.PlanType;
import org.overturn.remittance.ClaimPayment;
import org.overturn.remittance.Part2Records;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a stored claim payment as a denial when it is one: detects it (DESIGN section 3), classifies its
 * root cause with the decision table, stores it and answers it, all inside the caller's transaction.
 */
@Service
public class DenialRegister {

    private final DenialDetector detector;
    private final RootCauseClassifier classifier;
    private final PayerDirectory payers;
    private final OverturnRates overturnRates;
    private final Clock clock;
    private final EntityManager entityManager;
    private final Part2Records part2Records;

    DenialRegister(DenialDetector detector, RootCauseClassifier classifier,
                   PayerDirectory payers, OverturnRates overturnRates,
                   Clock clock, EntityManager entityManager, Part2Records part2Records) {
        this.entityManager = entityManager;
        this.part2Records = part2Records;
        this.detector = detector;
        this.classifier = classifier;
        this.payers = payers;
        this.overturnRates = overturnRates;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<DenialDetected> register(long claimPaymentId, ClaimPayment claim, String payerId,
                                             String payerName, LocalDate remittanceDate) {
        return detector.assess(claim).map(assessment -> {
            var classification = classifier.classify(claim, assessment);
            boolean part2 = part2Records.isPart2(claim);
            var denial = new Denial(claimPaymentId, claim.patientControlNumber(), payerId, payerName,
                    remittanceDate, assessment, classification, part2, clock.instant());
            schedule(denial, claim, payerName);
            entityManager.persist(denial);
            var detected = new DenialDetected(denial.getId(), claimPaymentId, claim.patientControlNumber(), payerId,
                    assessment.kind(), assessment.primaryReason(), classification.rootCause(),
                    classification.queue(), classification.correctable(), classification.appealable(),
                    assessment.amountAtRisk(), remittanceDate, part2, denial.getAppealDueDate(),
                    denial.getPriority());
            return detected;
        });
    }

    /**
     * Writes the denials registered so far in one batch and lets go of them, so that the processes started next
     * can refer to their rows and a file's thousands of denials do not pile up in the persistence context.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void flush() {
        entityManager.flush();
        entityManager.clear();
    }

    /** The appeal deadline runs from the remittance date, by the payer's appeal limit. */
    private void schedule(Denial denial, ClaimPayment claim, String payerName) {
        int limitDays = payers.appealLimitDays(denial.getPayerId(), payerName, claim.filingIndicator());
        LocalDate today = LocalDate.now(clock);
        LocalDate from = denial.getRemittanceDate() == null ? today : denial.getRemittanceDate();
        LocalDate due = from.plusDays(limitDays);
        int priority = DenialPriority.score(denial.getAmountAtRisk(), ChronoUnit.DAYS.between(today, due), limitDays,
                overturnRates.of(denial.getRootCause()));
        denial.schedule(PlanType.fromFilingIndicator(claim.filingIndicator()).name(), due, priority);
    }
}
