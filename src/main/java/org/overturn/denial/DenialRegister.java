package org.overturn.denial;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.ClaimStore;
import org.overturn.claim.StoredClaim;
import org.overturn.part2.Part2Programs;
import org.overturn.denial.internal.Denial;
import org.overturn.payer.PayerDirectory;
import org.overturn.payer.PlanType;
import org.overturn.remittance.ClaimPayment;
import org.overturn.remittance.ClaimRecords;
import org.overturn.remittance.Part2Records;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
    private final Part2Programs programs;
    private final ClaimStore claimStore;
    private final ClaimRecords claimRecords;
    private final AppealDeadlines deadlines;

    DenialRegister(DenialDetector detector, RootCauseClassifier classifier,
                   PayerDirectory payers, OverturnRates overturnRates,
                   Clock clock, EntityManager entityManager, Part2Records part2Records, Part2Programs programs,
                   ClaimStore claimStore, ClaimRecords claimRecords, AppealDeadlines deadlines) {
        this.claimStore = claimStore;
        this.claimRecords = claimRecords;
        this.deadlines = deadlines;
        this.programs = programs;
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
        return register(claimPaymentId, claim, payerId, payerName, remittanceDate, (Long) null);
    }

    /**
     * Registers the denial with the claim it answers when that is on file: the claim as billed completes what the
     * root-cause table sees (place of service, modifiers, revenue codes), and a billing or rendering provider that is
     * a Part 2 program makes the claim and its denial Part 2 records even when the 835 names neither.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<DenialDetected> register(long claimPaymentId, ClaimPayment claim, String payerId,
                                             String payerName, LocalDate remittanceDate, Long billedClaimId) {
        detector.notADenial(claim).ifPresent(apart -> claimRecords.countApart(claimPaymentId, apart.name()));
        return detector.assess(claim).map(assessment -> {
            // the claim alone, one read: its acceptance and first sending are for the pages and letters
            BilledClaim billed = billedClaimId == null ? null : claimStore.document(billedClaimId).orElse(null);
            var classification = classifier.classify(claim, assessment, billed);
            ClaimRecords.Ownership stored = ownership(claimPaymentId);
            // as Part2Records.isPart2(claimPaymentId, claim), with the stored flag read once per remittance
            boolean part2 = stored.part2() || part2Records.isPart2(claim);
            if (!part2 && billed != null && billedByPart2Program(billed)) {
                part2Records.mark(List.of(claimPaymentId));
                part2 = true;
            }
            var denial = new Denial(claimPaymentId, claim.patientControlNumber(), payerId, payerName,
                    remittanceDate, assessment, classification, part2, clock.instant(), stored.practiceId());
            schedule(denial, claim, payerName);
            entityManager.persist(denial);
            var detected = new DenialDetected(denial.getId(), claimPaymentId, claim.patientControlNumber(), payerId,
                    assessment.kind(), assessment.primaryReason(), classification.rootCause(),
                    denial.getQueue(), classification.correctable(), classification.appealable(),
                    assessment.amountAtRisk(), remittanceDate, part2, denial.getAppealDueDate(),
                    denial.getPriority(), classification.path());
            return detected;
        });
    }

    /**
     * The claim a denial answers arrived after the 835: a billing or rendering provider that is a Part 2 program
     * makes the claim payment and its denial Part 2 records now. The process is not started again; what reads the
     * claim (the denial page, letters, timely filing) finds it from now on. Answers whether the denial became Part 2.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claimArrived(long claimPaymentId, StoredClaim billed) {
        if (!billedByPart2Program(billed.claim())) {
            return false;
        }
        part2Records.mark(List.of(claimPaymentId));
        return entityManager.createNativeQuery(
                        "update denial set part2 = true where claim_payment_id = ?1 and not part2")
                .setParameter(1, claimPaymentId).executeUpdate() > 0;
    }

    private boolean billedByPart2Program(BilledClaim billed) {
        if (billed.billingProvider() != null && programs.isProgram(billed.billingProvider().npi())) {
            return true;
        }
        if (billed.renderingProvider() != null && programs.isProgram(billed.renderingProvider().npi())) {
            return true;
        }
        return billed.lines().stream().anyMatch(l -> l.renderingNpi() != null && programs.isProgram(l.renderingNpi()));
    }

    /**
     * Writes the denials registered so far in one batch and lets go of them, so that the processes started next
     * can refer to their rows and a file's thousands of denials do not pile up in the persistence context.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void flush() {
        entityManager.flush();
        entityManager.clear();
        TransactionSynchronizationManager.unbindResourceIfPossible(this);
    }

    /**
     * The claim payment's practice and stored Part 2 flag, read for its whole remittance at its first denial and kept
     * until {@link #flush()} (the end of the transaction set) or the transaction's end: two queries per denial
     * before. Nothing else changes these rows between a set's storing and its registration.
     */
    private ClaimRecords.Ownership ownership(long claimPaymentId) {
        Object transaction = TransactionSynchronizationManager.getResource(entityManager.getEntityManagerFactory());
        var known = (OwnershipRead) TransactionSynchronizationManager.getResource(this);
        if (known != null && known.transaction() != transaction) {
            // a transaction nested in the one that read them (REQUIRES_NEW) reads for itself
            return Objects.requireNonNull(claimRecords.ownershipInRemittanceOf(claimPaymentId).get(claimPaymentId));
        }
        ClaimRecords.Ownership owned = known == null ? null : known.owned().get(claimPaymentId);
        if (owned != null) {
            return owned;
        }
        Map<Long, ClaimRecords.Ownership> read = claimRecords.ownershipInRemittanceOf(claimPaymentId);
        if (known == null) {
            TransactionSynchronizationManager.bindResource(this, new OwnershipRead(transaction, read));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DenialRegister.this);
                }
            });
        } else {
            known.owned().putAll(read);
        }
        return Objects.requireNonNull(read.get(claimPaymentId), () -> "no claim payment " + claimPaymentId);
    }

    /** The claim payments' ownership a transaction (its persistence context) read. */
    private record OwnershipRead(Object transaction, Map<Long, ClaimRecords.Ownership> owned) {
    }

    /**
     * The appeal deadline runs from the remittance date: level 1 of the denial's regime, bounded by the payer's own
     * appeal limit (see {@link AppealDeadlines}).
     */
    private void schedule(Denial denial, ClaimPayment claim, String payerName) {
        int limitDays = payers.appealLimitDays(denial.getPayerId(), payerName, claim.filingIndicator(),
                denial.getPracticeId());
        LocalDate today = LocalDate.now(clock);
        deadlines.enterFirstLevel(denial, claim.filingIndicator(), limitDays);
        LocalDate from = denial.getRemittanceDate() == null ? today : denial.getRemittanceDate();
        LocalDate due = denial.getAppealDueDate() == null ? from.plusDays(limitDays) : denial.getAppealDueDate();
        int window = (int) Math.max(1, ChronoUnit.DAYS.between(from, due));
        int priority = DenialPriority.score(denial.getAmountAtRisk(), ChronoUnit.DAYS.between(today, due), window,
                overturnRates.of(denial.getRootCause()));
        denial.schedule(PlanType.fromFilingIndicator(claim.filingIndicator()).name(), due, priority);
    }
}
