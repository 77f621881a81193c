package org.overturn.claimstatus.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.claimstatus.ClaimStatusAnswers;
import org.overturn.claimstatus.ClaimStatusFollowUps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The service tasks of {@code claim-status-follow-up}, and the daily sweep's scheduling (the one scheduled job of the
 * application: the engine's own timers need no Spring scheduler).
 */
@Configuration
@EnableScheduling
class ClaimStatusDelegates {

    /**
     * Closes the follow-up with the payer's status as the biller heard it (PAID, DENIED, PENDING, NOT_ON_FILE), or as
     * a 277 said it once its task is worked (DENIED, NOT_ON_FILE, ESCALATED), with what was done and the note.
     */
    @Bean
    JavaDelegate closeClaimStatusFollowUp(ClaimStatusFollowUps followUps) {
        return execution -> {
            String work = (String) execution.getVariable("claimStatusWork");
            String note = (String) execution.getVariable("claimStatusNote");
            String written = work == null ? note : note == null || note.isBlank() ? work : work + ": " + note;
            followUps.close(inquiry(execution), (String) execution.getVariable("claimStatus"), written,
                    user(execution));
        };
    }

    /** Records a 277's status (claimStatusAnswerId) and says what it means for the follow-up (claimStatus). */
    @Bean
    JavaDelegate recordClaimStatusAnswer(ClaimStatusFollowUps followUps, ClaimStatusAnswers answers) {
        return execution -> {
            long answerId = ((Number) execution.getVariable("claimStatusAnswerId")).longValue();
            String status = followUps.recordAnswer(inquiry(execution), answers.answer(answerId).orElseThrow());
            execution.setVariable("claimStatus", status);
            execution.setVariable("claimStatusAskAgainAfter", followUps.askAgainAfter());
            // what the biller types on the next task is theirs, not an earlier task's
            execution.removeVariable("claimStatusWork");
            execution.removeVariable("claimStatusNote");
        };
    }

    /** Sends a new 276 for a claim the payer said is pending, once the days to wait have passed. */
    @Bean
    JavaDelegate askClaimStatusAgain(ClaimStatusFollowUps followUps) {
        return execution -> followUps.askAgain(inquiry(execution));
    }

    private static long inquiry(DelegateExecution execution) {
        return ((Number) execution.getVariable("claimStatusInquiryId")).longValue();
    }

    /** Who completed the task: the worklist records it in lastCompletedBy; the engine's own tools authenticate. */
    private static String user(DelegateExecution execution) {
        Object completedBy = execution.getVariable("lastCompletedBy");
        if (completedBy != null) {
            return completedBy.toString();
        }
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
