package org.overturn.intake;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.overturn.claim.AnsweredClaim;
import org.overturn.claim.ClaimAnswers;
import org.overturn.remittance.ClaimPayment;
import org.overturn.remittance.ServiceLine;
import org.overturn.denial.DenialDetected;
import org.overturn.denial.DenialRegister;
import org.overturn.intake.internal.PlannerStatistics;
import org.overturn.intake.internal.Quarantine;
import org.overturn.denial.ClaimPaymentStored;
import org.overturn.workflow.EngineConflicts;
import org.overturn.denial.ClaimPaymentsStored;
import org.overturn.remittance.FileReceipt;
import org.overturn.remittance.IngestedFile;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.RemittanceParser;
import org.overturn.remittance.RemittanceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in one 835 file from any door (upload, inbox, demo data). A file is either stored whole, with every
 * denial it carries, in one transaction; or, when it cannot be read, kept byte for byte in quarantine with
 * the reason; or recognised as already on file. Nothing is ever half-written. A file of several payments some of
 * which cannot be read is both: its readable payments are stored (in one transaction, as a whole file is), and the
 * file is kept in quarantine for the others, which leave no row behind.
 */
@Service
public class RemittanceIntake {

    private static final Logger log = LoggerFactory.getLogger(RemittanceIntake.class);
    /** Attempts at storing a file that meets a concurrent update of a process it answers. */
    static final int ATTEMPTS = 3;

    private final RemittanceParser parser;
    private final RemittanceStore store;
    private final DenialRegister denials;
    private final Quarantine quarantine;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ClaimAnswers claimAnswers;
    private final PlannerStatistics statistics;

    RemittanceIntake(RemittanceParser parser, RemittanceStore store, DenialRegister denials, Quarantine quarantine,
                     TransactionTemplate transaction, ApplicationEventPublisher events, ClaimAnswers claimAnswers,
                     PlannerStatistics statistics) {
        this.claimAnswers = claimAnswers;
        this.statistics = statistics;
        this.parser = parser;
        this.store = store;
        this.denials = denials;
        this.quarantine = quarantine;
        this.transaction = transaction;
        this.events = events;
    }

    public IntakeResult ingest(String fileName, byte[] content, String source, String receivedBy) {
        String sha256 = sha256(content);
        var known = store.findFileByHash(sha256);
        if (known.isPresent()) {
            log.info("File {} is already on file as #{}: nothing stored", fileName, known.get());
            return IntakeResult.duplicateFile(fileName, known.get());
        }
        RemittanceFile parsed;
        try {
            parsed = parser.parse(content);
        } catch (MalformedX12Exception e) {
            String error = fileName + ": " + e.getMessage();
            long id = quarantine.keep(fileName, sha256, content, source, receivedBy, e);
            log.warn("Rejected {} (quarantine #{})", error, id);
            return IntakeResult.rejected(fileName, "835", id, error);
        }
        Long quarantineId = null;
        if (!parsed.unreadable().isEmpty()) {
            // kept first, in a transaction of its own: should storing the rest fail, the file is tried again whole
            // (from the inbox, or sent again) and the quarantine recognises the same bytes
            quarantineId = quarantine.keepUnreadable(fileName, sha256, content, source, receivedBy,
                    parsed.unreadable());
            // the control numbers only: a reason may quote a value of the claim
            log.warn("File {}: transaction set(s) {} cannot be read and are left out (quarantine #{}); {} other(s) read",
                    fileName, parsed.unreadable().stream().map(u -> u.controlNumber()).toList(), quarantineId,
                    parsed.transactions().size());
        }
        var receipt = new FileReceipt(fileName, sha256, content.length, source, receivedBy);
        IntakeResult result;
        try {
            result = storeInOneTransaction(receipt, parsed);
            if (result.duplicate()) {
                log.info("File {} repeats {} payment(s) already on file: nothing stored", fileName,
                        result.duplicateTransactions());
            } else {
                log.info("Stored {} as #{}: {} transaction(s), {} claim(s), {} denial(s), {} duplicate "
                                + "transaction(s)", fileName, result.fileId(), result.transactions(), result.claims(),
                        result.denials(), result.duplicateTransactions());
                statistics.afterFile(result.denials());
            }
        } catch (RemittanceStore.AlreadyOnFile e) {
            // the same bytes arriving twice at once: the other arrival stored them while this one waited
            log.info("File {} is already on file as #{}: nothing stored", fileName, e.fileId());
            result = IntakeResult.duplicateFile(fileName, e.fileId());
        }
        return quarantineId == null ? result : result.withUnreadable(quarantineId, parsed.unreadable());
    }

    /**
     * Stores the file, trying again (from scratch: nothing of a failed attempt remains) when a denial process
     * the file's claims answer was being moved on by the job executor at the same moment. Found by the intake
     * fuzz test: a later 835 for a claim whose process was just starting failed its upload with a 500, and
     * (with more work per denial in its jobs) a deadlock between the correlation and a job did the same.
     */
    private IntakeResult storeInOneTransaction(FileReceipt receipt, RemittanceFile parsed) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    IntakeResult stored = storeWithDenials(receipt, parsed);
                    if (stored.transactions() == 0 && stored.duplicateTransactions() > 0) {
                        // every payment in it is already on file (a resend in another layout): keep nothing
                        status.setRollbackOnly();
                        return IntakeResult.duplicatePayments(receipt.fileName(), stored.duplicateTransactions(),
                                stored.remittances());
                    }
                    return stored;
                });
            } catch (RuntimeException e) {
                if (!concurrentUpdate(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("File {} met a concurrent update ({}): trying again, attempt {} of {}", receipt.fileName(),
                        e.getClass().getSimpleName(), attempt + 1, ATTEMPTS);
            }
        }
    }

    /** A conflict with the job executor that a fresh attempt resolves; three attempts at most, so a real bug still shows. */
    static boolean concurrentUpdate(Throwable e) {
        return EngineConflicts.isConcurrentUpdate(e);
    }

    private IntakeResult storeWithDenials(FileReceipt receipt, RemittanceFile parsed) {
        IngestedFile ingested = store.store(receipt, parsed);
        List<IntakeResult.TransactionSummary> summaries = new ArrayList<>();
        int claims = 0;
        int denialCount = 0;
        BigDecimal atRisk = BigDecimal.ZERO.setScale(2);
        for (var stored : ingested.stored()) {
            RemittanceAdvice advice = stored.advice();
            String payerId = advice.payer() == null ? null : advice.payer().id();
            String payerName = advice.payer() == null ? null : advice.payer().name();
            int transactionDenials = 0;
            List<ClaimPaymentStored> payments = new ArrayList<>(stored.claims().size());
            Map<Long, Long> billed = claimAnswers.joinAll(stored.claims().stream()
                    .map(c -> answered(c.claimPaymentId(), c.claim(), advice)).toList());
            for (var claim : stored.claims()) {
                var denial = denials.register(claim.claimPaymentId(), claim.claim(), payerId, payerName,
                        advice.payment().date(), billed.get(claim.claimPaymentId()));
                if (denial.isPresent()) {
                    transactionDenials++;
                    atRisk = atRisk.add(denial.get().amountAtRisk());
                }
                payments.add(new ClaimPaymentStored(claim.claimPaymentId(), stored.remittanceId(),
                        claim.claim().patientControlNumber(), payerId, claim.claim().payerClaimControlNumber(),
                        claim.claim().status(), claim.claim().charge(), claim.claim().paid(),
                        claim.reversedClaimPaymentId(),
                        denial.map(DenialDetected::denialId).orElse(null),
                        claim.claim().references().get("F8")));
            }
            denials.flush();
            events.publishEvent(new ClaimPaymentsStored(stored.remittanceId(), payments));
            claims += stored.claims().size();
            denialCount += transactionDenials;
            summaries.add(summary(stored.remittanceId(), advice, stored.claims().size(), transactionDenials,
                    stored.balanceProblems(), false));
        }
        for (RemittanceAdvice duplicate : ingested.duplicates()) {
            summaries.add(summary(null, duplicate, duplicate.claims().size(), 0, List.of(), true));
        }
        return new IntakeResult(receipt.fileName(), IntakeResult.Outcome.STORED, false, ingested.fileId(), null,
                null, ingested.stored().size(), claims, denialCount, atRisk, ingested.duplicates().size(),
                summaries);
    }

    /** What the 835 tells of the claim a payment answers, to find that claim among those billed. */
    private static AnsweredClaim answered(long claimPaymentId, ClaimPayment claim, RemittanceAdvice advice) {
        LocalDate from = claim.statementFrom();
        LocalDate to = claim.statementTo();
        for (ServiceLine line : claim.lines()) {
            LocalDate start = line.serviceDate();
            LocalDate end = line.serviceDateTo() != null ? line.serviceDateTo() : start;
            if (start != null && (from == null || start.isBefore(from))) {
                from = start;
            }
            if (end != null && (to == null || end.isAfter(to))) {
                to = end;
            }
        }
        LocalDate answeredOn = advice.payment().date() != null ? advice.payment().date() : advice.productionDate();
        return new AnsweredClaim(claimPaymentId, claim.patientControlNumber(),
                advice.payer() == null ? null : advice.payer().id(), advice.payer() == null ? null : advice.payer().name(),
                claim.charge(), from, to, answeredOn, claim.payerClaimControlNumber());
    }

    private static IntakeResult.TransactionSummary summary(Long remittanceId, RemittanceAdvice advice, int claims,
                                                           int denials, List<String> problems, boolean duplicate) {
        var payer = advice.payer();
        return new IntakeResult.TransactionSummary(remittanceId, advice.controlNumber(),
                payer == null ? null : payer.name(), payer == null ? null : payer.id(), advice.payment().trace(),
                advice.payment().amount(), advice.payment().date(), claims, denials, problems.isEmpty(), problems,
                duplicate, advice.envelopeWarnings());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
