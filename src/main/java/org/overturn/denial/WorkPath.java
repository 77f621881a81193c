package org.overturn.denial;

/**
 * What the denial's lifecycle does first, as the root-cause table decides it (its {@code path} output): the path and
 * the explanation's advice always agree.
 */
public enum WorkPath {
    /** Correct the claim and resubmit it, in the root cause's queue (the biller may appeal instead). */
    CORRECT,
    /** Screen for parity and prepare an appeal (the biller may send it back to correction). */
    APPEAL,
    /** Check the proof of timely filing; appeal with it, or decide a write-off without it. */
    TIMELY_FILING_PROOF,
    /** Medicare timely filing: no appeal rights; a reopening only with proof, otherwise the denial is closed. */
    REOPENING,
    /** An exact duplicate (OA-18): matched to the paid original and closed, or worked when no original is on file. */
    MATCH_ORIGINAL,
    /** Nothing to do yet (pending investigation, forwarded, grace period): wait, then check the claim's status. */
    AWAIT_STATUS,
    /** A payment reduction (CO-122 psychiatric reduction): reviewed, then disputed with the parity screen or accepted. */
    REDUCTION,
    /** Nothing to correct or appeal: managers decide the write-off. */
    DECIDE_WRITE_OFF;

    /** The queue where the first work of this path waits, for a denial whose root cause is worked in {@code rootQueue}. */
    public String firstQueue(String rootQueue) {
        return switch (this) {
            case CORRECT, MATCH_ORIGINAL, AWAIT_STATUS -> rootQueue;
            case APPEAL, TIMELY_FILING_PROOF, REOPENING, REDUCTION -> WorkQueue.APPEALS;
            case DECIDE_WRITE_OFF -> WorkQueue.MANAGERS;
        };
    }
}
