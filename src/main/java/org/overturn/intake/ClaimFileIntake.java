package org.overturn.intake;

import java.util.List;
import org.overturn.claim.AcknowledgementFile;
import org.overturn.claim.AcknowledgementParser;
import org.overturn.claim.ClaimAnswers;
import org.overturn.claim.ClaimFile;
import org.overturn.claim.ClaimFileReceipt;
import org.overturn.claim.ClaimParser;
import org.overturn.claim.ClaimStatusResponse;
import org.overturn.claim.ClaimStore;
import org.overturn.claim.StoredAcknowledgements;
import org.overturn.claim.StatusResponseParser;
import org.overturn.claim.StoredClaimFile;
import org.overturn.claimstatus.ClaimStatusAnswers;
import org.overturn.denial.DenialRegister;
import org.overturn.intake.internal.Quarantine;
import org.overturn.x12.MalformedX12Exception;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in one 837 (claims as billed) or one 999/277CA (what the clearinghouse and payer said of them), by the
 * same rules as an 835: stored whole in one transaction, quarantined with the reason when unreadable, or
 * recognised as already on file. Claims that answer denials already on file (their 835 came first) are joined to
 * them in the same transaction.
 */
@Service
public class ClaimFileIntake {

    private static final Logger log = LoggerFactory.getLogger(ClaimFileIntake.class);

    private final ClaimParser claimParser = ClaimParser.standard();
    private final AcknowledgementParser acknowledgementParser = AcknowledgementParser.standard();
    private final StatusResponseParser statusParser = StatusResponseParser.standard();
    private final ClaimStore store;
    private final ClaimAnswers answers;
    private final DenialRegister denials;
    private final Quarantine quarantine;
    private final TransactionTemplate transaction;
    private final ClaimStatusAnswers statusAnswers;

    ClaimFileIntake(ClaimStore store, ClaimAnswers answers, DenialRegister denials, Quarantine quarantine,
                    TransactionTemplate transaction, ClaimStatusAnswers statusAnswers) {
        this.statusAnswers = statusAnswers;
        this.store = store;
        this.answers = answers;
        this.denials = denials;
        this.quarantine = quarantine;
        this.transaction = transaction;
    }

    IntakeResult ingestClaims(String fileName, byte[] content, String source, String receivedBy, String sha256) {
        var known = store.findFileByHash(sha256);
        if (known.isPresent()) {
            log.info("File {} is already on file as claim file #{}: nothing stored", fileName, known.get());
            return IntakeResult.duplicateClaimFile(fileName, "837", known.get(), null);
        }
        ClaimFile parsed;
        try {
            parsed = claimParser.parse(content);
        } catch (MalformedX12Exception e) {
            return reject(fileName, "837", content, source, receivedBy, sha256, e);
        }
        String kind = parsed.kind() == null ? "837" : parsed.kind().label();
        var receipt = new ClaimFileReceipt(fileName, sha256, content.length, source, receivedBy);
        try {
            return transaction.execute(status -> {
                StoredClaimFile stored = store.store(receipt, parsed);
                List<ClaimAnswers.Joined> joined = answers.joinWaiting(stored.storedClaimIds());
                int part2 = 0;
                for (ClaimAnswers.Joined join : joined) {
                    part2 += denials.claimArrived(join.claimPaymentId(), join.claim()) ? 1 : 0;
                }
                var summary = new IntakeResult.ClaimFileSummary(stored.storedClaimIds().size(),
                        stored.duplicateClaims(), joined.size(), 0, 0, 0);
                if (stored.storedClaimIds().isEmpty() && stored.duplicateClaims() > 0) {
                    // every claim in it is on file already (the same batch in another layout): keep nothing
                    status.setRollbackOnly();
                    log.info("File {} repeats {} claim(s) already on file: nothing stored", fileName,
                            stored.duplicateClaims());
                    return IntakeResult.duplicateClaimFile(fileName, kind, null, summary);
                }
                log.info("Stored {} ({}) as claim file #{}: {} claim(s), {} already on file, {} payment(s) joined "
                                + "to their claim, {} newly Part 2", fileName, kind, stored.fileId(),
                        stored.storedClaimIds().size(), stored.duplicateClaims(), joined.size(), part2);
                return IntakeResult.claimFile(fileName, kind, stored.fileId(), summary);
            });
        } catch (ClaimStore.AlreadyOnFile e) {
            log.info("File {} is already on file as claim file #{}: nothing stored", fileName, e.fileId());
            return IntakeResult.duplicateClaimFile(fileName, kind, e.fileId(), null);
        }
    }

    IntakeResult ingestAcknowledgements(String fileName, String kindHint, byte[] content, String source,
                                        String receivedBy, String sha256) {
        var known = store.findFileByHash(sha256);
        if (known.isPresent()) {
            log.info("File {} is already on file as claim file #{}: nothing stored", fileName, known.get());
            return IntakeResult.duplicateClaimFile(fileName, kindHint, known.get(), null);
        }
        AcknowledgementFile parsed;
        try {
            parsed = acknowledgementParser.parse(content);
        } catch (MalformedX12Exception e) {
            return reject(fileName, kindHint, content, source, receivedBy, sha256, e);
        }
        var receipt = new ClaimFileReceipt(fileName, sha256, content.length, source, receivedBy);
        try {
            return transaction.execute(status -> {
                StoredAcknowledgements stored = store.store(receipt, parsed);
                log.info("Stored {} ({}) as claim file #{}: {} answer(s), {} joined to a claim on file, {} rejected",
                        fileName, parsed.kind(), stored.fileId(), stored.answers(), stored.joined(),
                        stored.rejected());
                return IntakeResult.claimFile(fileName, parsed.kind(), stored.fileId(),
                        new IntakeResult.ClaimFileSummary(0, 0, 0, stored.answers(), stored.joined(),
                                stored.rejected()));
            });
        } catch (ClaimStore.AlreadyOnFile e) {
            return IntakeResult.duplicateClaimFile(fileName, parsed.kind(), e.fileId(), null);
        }
    }

    /**
     * A 277 claim status response (005010X212): the file stored once, each status matched to its follow-up or claim
     * and acted on ({@link ClaimStatusAnswers}) in the same transaction.
     */
    IntakeResult ingestStatusResponses(String fileName, byte[] content, String source, String receivedBy,
                                       String sha256) {
        var known = store.findFileByHash(sha256);
        if (known.isPresent()) {
            log.info("File {} is already on file as claim file #{}: nothing stored", fileName, known.get());
            return IntakeResult.duplicateClaimFile(fileName, "277", known.get(), null);
        }
        List<ClaimStatusResponse> parsed;
        try {
            parsed = statusParser.parse(content);
        } catch (MalformedX12Exception e) {
            return reject(fileName, "277", content, source, receivedBy, sha256, e);
        }
        var receipt = new ClaimFileReceipt(fileName, sha256, content.length, source, receivedBy);
        // a follow-up's job (asking again) may move the process the answer correlates to at the same moment:
        // a fresh attempt, as for an 835, resolves it
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    long fileId = store.storeFile(receipt, "277");
                    ClaimStatusAnswers.Taken taken = statusAnswers.take(fileId, parsed);
                    log.info("Stored {} (277 claim status response) as claim file #{}: {} status(es), {} matched, "
                            + "{} acted on", fileName, fileId, taken.statuses(),
                            taken.matchedByTrace() + taken.matchedByClaim(), taken.acted());
                    return IntakeResult.statusResponse(fileName, fileId, taken);
                });
            } catch (ClaimStore.AlreadyOnFile e) {
                return IntakeResult.duplicateClaimFile(fileName, "277", e.fileId(), null);
            } catch (RuntimeException e) {
                if (!RemittanceIntake.concurrentUpdate(e) || attempt == RemittanceIntake.ATTEMPTS) {
                    throw e;
                }
                log.info("File {} met a concurrent update ({}): trying again, attempt {} of {}", fileName,
                        e.getClass().getSimpleName(), attempt + 1, RemittanceIntake.ATTEMPTS);
            }
        }
    }

    private IntakeResult reject(String fileName, String kind, byte[] content, String source, String receivedBy,
                                String sha256, MalformedX12Exception e) {
        String error = fileName + ": " + e.getMessage();
        long id = quarantine.keep(fileName, sha256, content, source, receivedBy, e);
        log.warn("Rejected {} (quarantine #{})", error, id);
        return IntakeResult.rejected(fileName, kind, id, error);
    }
}
