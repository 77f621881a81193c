package org.overturn.workflow.internal;

import java.time.Instant;
import java.util.Date;
import org.overturn.denial.UrgentAppeals;
import org.springframework.stereotype.Component;

/**
 * What the urgent-appeal model asks by name ({@code ${urgentAppeal...}}): the peer-to-peer review's due date (null
 * when the payer's window is not known) and when the offer lapses, whether the regime grants an expedited appeal,
 * and when the deciding body's clock runs out.
 */
@Component("urgentAppeal")
public class UrgentAppealPolicy {

    private final UrgentAppeals urgent;

    UrgentAppealPolicy(UrgentAppeals urgent) {
        this.urgent = urgent;
    }

    public Date peerToPeerDueAt(long denialId) {
        return date(urgent.find(denialId).map(UrgentAppeals.UrgentAppeal::peerToPeerDueAt).orElse(null));
    }

    public Date peerToPeerClosesAt(long denialId) {
        return date(urgent.peerToPeerClosesAt(denialId).orElseThrow(() -> new IllegalStateException(
                "denial " + denialId + " has no urgent appeal")));
    }

    public boolean expeditedOffered(long denialId) {
        return urgent.find(denialId).filter(UrgentAppeals.UrgentAppeal::expeditedOffered).isPresent();
    }

    public Date decisionDueAt(long denialId) {
        return date(urgent.find(denialId).map(UrgentAppeals.UrgentAppeal::expeditedDecisionDueAt).orElse(null));
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }
}
