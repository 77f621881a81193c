package org.overturn.payer.internal;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface PayerRepository extends JpaRepository<Payer, String> {

    /**
     * Adds a payer first met in an 835, flagged for review, unless it is on file already: another file from the same
     * payer may have added it a moment ago. Returns 1 when added.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into payer (id, name, plan_type, appeal_limit_days, timely_filing_days, needs_review, created_at)
            values (:id, :name, :planType, :appealLimitDays, :timelyFilingDays, true, :createdAt)
            on conflict (id) do nothing""")
    int introduce(String id, String name, String planType, int appealLimitDays, int timelyFilingDays,
                  Instant createdAt);
}
