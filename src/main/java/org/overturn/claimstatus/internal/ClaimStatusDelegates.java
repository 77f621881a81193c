package org.overturn.claimstatus.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.claimstatus.ClaimStatusFollowUps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The service task of {@code claim-status-follow-up}, and the daily sweep's scheduling (the one scheduled job of the
 * application: the engine's own timers need no Spring scheduler).
 */
@Configuration
@EnableScheduling
class ClaimStatusDelegates {

    /** Closes the follow-up with the payer's status as the biller heard it (PAID, DENIED, PENDING, RESUBMITTED). */
    @Bean
    JavaDelegate closeClaimStatusFollowUp(ClaimStatusFollowUps followUps) {
        return execution -> followUps.close(((Number) execution.getVariable("claimStatusInquiryId")).longValue(),
                (String) execution.getVariable("claimStatus"), (String) execution.getVariable("claimStatusNote"),
                user(execution));
    }

    private static String user(DelegateExecution execution) {
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
