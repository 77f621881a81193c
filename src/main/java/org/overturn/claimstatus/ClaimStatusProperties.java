package org.overturn.claimstatus;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param daysWithoutAnswer days after a claim was sent before it is followed up
 * @param daysByPayer       the same for a payer (by payer id) that answers faster or slower
 * @param outbox            where 276 files go for the clearinghouse
 * @param senderId          ISA06/GS02 and the 2100B submitter id
 * @param receiverId        ISA08/GS03
 * @param submitterName     2100B NM103
 * @param production        ISA15 P when true, T (test) otherwise
 * @param sweep             cron of the daily look for unanswered claims
 * @param askAgainAfter     how long a claim the payer's 277 says is pending waits before a new 276 asks again
 * @param maxAsks           how many 276s a follow-up sends in all (the first included) before a claim still
 *                          pending goes to the managers
 */
@ConfigurationProperties("overturn.claim-status")
public record ClaimStatusProperties(@DefaultValue("30") int daysWithoutAnswer,
                                    @DefaultValue Map<String, Integer> daysByPayer,
                                    @DefaultValue("./data/outbox/276") Path outbox,
                                    @DefaultValue("OVERTURN") String senderId,
                                    @DefaultValue("CLEARINGHOUSE") String receiverId,
                                    @DefaultValue("Billing office") String submitterName,
                                    @DefaultValue("false") boolean production,
                                    @DefaultValue("0 30 6 * * *") String sweep,
                                    @DefaultValue("15d") java.time.Duration askAgainAfter,
                                    @DefaultValue("3") int maxAsks) {

    public int daysFor(String payerId) {
        return payerId == null ? daysWithoutAnswer : daysByPayer.getOrDefault(payerId, daysWithoutAnswer);
    }
}
