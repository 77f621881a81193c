package org.overturn.denial;

/**
 * Why a claim was denied, where it is worked and what can be done about it.
 *
 * @param queue       the work queue (Camunda candidate group), as the decision table routed it
 * @param correctable fixing the claim and resubmitting it can recover the money
 * @param appealable  an appeal is a sensible route (the payer's decision can be contested)
 * @param explanation one sentence in plain English for billers, e.g.
 *                    "CARC 197: precertification/authorization absent; ..."
 * @param path        what the lifecycle does first; its advice is the explanation's
 */
public record Classification(RootCause rootCause, String queue, boolean correctable, boolean appealable,
        String explanation, WorkPath path) {

    /** The queue where the denial's first work waits: the root cause's for a correction, else appeals or managers. */
    public String workQueue() {
        return path.firstQueue(queue);
    }
}
