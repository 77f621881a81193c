package org.overturn.remittance.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.overturn.remittance.ClaimPayment;
import org.overturn.remittance.IngestedFile.IngestedClaim;
import org.overturn.remittance.IngestedFile.IngestedTransaction;
import org.overturn.remittance.RemittanceAdvice;
import org.springframework.stereotype.Component;

/**
 * Writes one transaction set with JDBC batching. The persistence context is flushed and cleared every few
 * hundred claims so a 50,000-claim file does not hold 300,000 managed entities in memory.
 */
@Component
public class StoredRemittanceWriter {

    private static final int CLAIMS_PER_FLUSH = 500;

    private final EntityManager entityManager;

    StoredRemittanceWriter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public IngestedTransaction write(long fileId, RemittanceAdvice advice, List<String> balanceProblems) {
        var remittance = new StoredRemittance(entityManager.getReference(ReceivedFile.class, fileId), advice,
                balanceProblems);
        entityManager.persist(remittance);
        advice.providerAdjustments().forEach(p -> entityManager.persist(
                new StoredProviderAdjustment(remittance, p)));
        long remittanceId = remittance.getId();
        List<IngestedClaim> claims = new ArrayList<>(advice.claims().size());
        StoredRemittance owner = remittance;
        int position = 0;
        for (ClaimPayment claim : advice.claims()) {
            var stored = new StoredClaimPayment(owner, ++position, claim);
            entityManager.persist(stored); // lines, adjustments and remarks cascade
            claims.add(new IngestedClaim(stored.getId(), claim, null));
            if (position % CLAIMS_PER_FLUSH == 0) {
                entityManager.flush();
                entityManager.clear();
                owner = entityManager.getReference(StoredRemittance.class, remittanceId);
            }
        }
        entityManager.flush();
        entityManager.clear();
        return new IngestedTransaction(remittanceId, advice, balanceProblems, claims);
    }

    public void countStored(long fileId, int transactions, int claims) {
        entityManager.find(ReceivedFile.class, fileId).countStored(transactions, claims);
        entityManager.flush();
    }
}
