package org.overturn.remittance.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.overturn.remittance.IngestedFile.IngestedClaim;
import org.overturn.remittance.IngestedFile.IngestedTransaction;
import org.overturn.practice.Practices;
import org.overturn.remittance.Party;
import org.overturn.remittance.RemittanceAdvice;
import org.springframework.stereotype.Component;

/**
 * Writes one transaction set: the remittance and its provider adjustments through JPA, then its claims with
 * {@link ClaimRowWriter} with COPY.
 */
@Component
public class StoredRemittanceWriter {

    private final EntityManager entityManager;
    private final ClaimRowWriter claimRows;
    private final Practices practices;

    StoredRemittanceWriter(EntityManager entityManager, ClaimRowWriter claimRows, Practices practices) {
        this.entityManager = entityManager;
        this.claimRows = claimRows;
        this.practices = practices;
    }

    public IngestedTransaction write(long fileId, RemittanceAdvice advice, List<String> balanceProblems) {
        // the payee (loop 1000B) is the practice the payment is for
        Party payee = advice.payee();
        long practiceId = payee == null ? practices.recognise(null, null, null, Practices.FROM_835_PAYEE)
                : practices.recognise(payee.name(), payee.npi(), payee.taxId(), Practices.FROM_835_PAYEE);
        var remittance = new StoredRemittance(entityManager.getReference(ReceivedFile.class, fileId), advice,
                balanceProblems, practiceId);
        entityManager.persist(remittance);
        advice.providerAdjustments().forEach(p -> entityManager.persist(
                new StoredProviderAdjustment(remittance, p)));
        entityManager.flush(); // the claims' rows refer to it
        long remittanceId = remittance.getId();
        List<Long> ids = claimRows.write(remittanceId, advice.claims(),
                advice.payee() == null ? null : advice.payee().npi());
        List<IngestedClaim> claims = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            claims.add(new IngestedClaim(ids.get(i), advice.claims().get(i), null));
        }
        entityManager.clear();
        return new IngestedTransaction(remittanceId, advice, balanceProblems, claims);
    }

    public void countStored(long fileId, int transactions, int claims) {
        entityManager.find(ReceivedFile.class, fileId).countStored(transactions, claims);
        entityManager.flush();
    }
}
