package org.overturn.remittance;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.overturn.remittance.internal.ReceivedFile;
import org.overturn.remittance.internal.RemittanceRepository;
import org.overturn.remittance.internal.ReceivedFileRepository;
import org.overturn.remittance.internal.StoredRemittanceWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores parsed 835 files once. A file already on file (same SHA-256) is not stored again, and within a new
 * file a transaction set whose payer and trace number are already on file is skipped: payers resend the
 * same payment in a differently formatted file, and a clearinghouse may concatenate the same interchange
 * twice.
 */
@Service
public class RemittanceStore {

    private final ReceivedFileRepository files;
    private final RemittanceRepository remittances;
    private final StoredRemittanceWriter writer;
    private final EntityManager entityManager;
    private final Clock clock;

    RemittanceStore(ReceivedFileRepository files, RemittanceRepository remittances, StoredRemittanceWriter writer,
                    EntityManager entityManager, Clock clock) {
        this.files = files;
        this.remittances = remittances;
        this.writer = writer;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The id of the file stored with this content hash, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> findFileByHash(String sha256) {
        return files.findBySha256(sha256).map(ReceivedFile::getId);
    }

    /** The ids of the files stored with these content hashes, by hash; a hash not on file is left out. */
    @Transactional(readOnly = true)
    public Map<String, Long> findFilesByHashes(java.util.Collection<String> sha256s) {
        Map<String, Long> found = new HashMap<>();
        if (!sha256s.isEmpty()) {
            files.findBySha256In(sha256s).forEach(f -> found.put(f.getSha256(), f.getId()));
        }
        return found;
    }

    /**
     * Writes the file, its transaction sets, claims, lines, adjustments and remarks. Runs inside the caller's
     * transaction so that whatever the caller adds (denials, processes) commits or rolls back with it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public IngestedFile store(FileReceipt receipt, RemittanceFile parsed) {
        waitForOthersStoring(receipt, parsed);
        var onFile = files.findBySha256(receipt.sha256());
        if (onFile.isPresent()) {
            throw new AlreadyOnFile(onFile.get().getId());
        }
        var file = new ReceivedFile(receipt.fileName(), receipt.sha256(), receipt.sizeBytes(), receipt.source(),
                clock.instant(), receipt.receivedBy());
        entityManager.persist(file);
        List<IngestedFile.IngestedTransaction> stored = new ArrayList<>();
        List<RemittanceAdvice> duplicates = new ArrayList<>();
        Set<String> seenInFile = new HashSet<>();
        int claims = 0;
        for (RemittanceAdvice advice : parsed.transactions()) {
            String payerId = advice.payer() == null ? null : advice.payer().id();
            String key = payerId + "\u0000" + advice.payment().trace();
            if (!seenInFile.add(key) || remittances.existsPayment(payerId, advice.payment().trace())) {
                duplicates.add(advice);
                continue;
            }
            var transaction = writer.write(file.getId(), advice, RemittanceBalance.problems(advice));
            stored.add(transaction);
            claims += transaction.claims().size();
        }
        Map<Long, Long> reversals = linkReversals(file.getId(), stored);
        writer.countStored(file.getId(), stored.size(), claims);
        return new IngestedFile(file.getId(), withReversals(stored, reversals), duplicates);
    }

    /**
     * The same file, or the same payment in another layout, arriving twice at once (an upload sent 16 times, two nodes
     * on one inbox): the later transaction waits here for the earlier one to commit or roll back, then finds what it
     * stored and stores nothing. Transaction-scoped advisory locks on the file's hash and on each payment's payer and
     * trace number, taken in one order (the file, then the payments sorted), so that two files sharing payments never
     * wait for each other in a circle. A hash collision only makes two unrelated files wait in turn.
     */
    private void waitForOthersStoring(FileReceipt receipt, RemittanceFile parsed) {
        Set<String> payments = new TreeSet<>();
        for (RemittanceAdvice advice : parsed.transactions()) {
            String payerId = advice.payer() == null ? null : advice.payer().id();
            payments.add(payerId + "|" + advice.payment().trace());
        }
        List<String> keys = new ArrayList<>();
        keys.add("file|" + receipt.sha256());
        payments.forEach(p -> keys.add("payment|" + p));
        for (String key : keys) {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 835))")
                    .setParameter(1, key).getSingleResult();
        }
    }

    /** The file is on file already (stored by a concurrent arrival of the same bytes): nothing was stored. */
    public static final class AlreadyOnFile extends RuntimeException {

        private final long fileId;

        AlreadyOnFile(long fileId) {
            super("already on file as #" + fileId);
            this.fileId = fileId;
        }

        public long fileId() {
            return fileId;
        }
    }

    private Map<Long, Long> linkReversals(long fileId, List<IngestedFile.IngestedTransaction> stored) {
        boolean anyReversal = stored.stream().flatMap(t -> t.claims().stream()).anyMatch(c -> c.claim().isReversal());
        return anyReversal ? remittances.linkReversals(fileId) : new HashMap<>();
    }

    private static List<IngestedFile.IngestedTransaction> withReversals(
            List<IngestedFile.IngestedTransaction> stored, Map<Long, Long> reversals) {
        if (reversals.isEmpty()) {
            return stored;
        }
        return stored.stream().map(t -> new IngestedFile.IngestedTransaction(t.remittanceId(), t.advice(),
                t.balanceProblems(), t.claims().stream()
                        .map(c -> new IngestedFile.IngestedClaim(c.claimPaymentId(), c.claim(),
                                reversals.get(c.claimPaymentId())))
                        .toList())).toList();
    }
}
