package org.overturn.claim.x12;

/**
 * Which claim status category codes (STC01-1, X12 external code list 507) mean that a 277CA accepted the claim into
 * the payer's adjudication system: the fact a timely-filing appeal rests on.
 *
 * <p>Source: X12 external code list 507 "Claim Status Category Codes",
 * https://x12.org/index.php/codes/claim-status-category-codes (the page says "Status Last Reviewed: 11/1/2024"),
 * with the same definitions in eMedNY's ePACES help "Claim Status Codes"
 * (https://epaces.emedny.org/help/Managing_Claims/Real_Time_Responses/Claim_Status_Codes.htm) and in the hippo gem's
 * copy of the list (rubydoc.info/gems/hippo/Hippo/CodeLists/ClaimStatusCategoryCodes: A0-A4 effective 01/01/1995,
 * none deactivated). Looked up on 2026-12-05. The acknowledgement categories read:
 * <ul>
 *   <li>A0 forwarded: the claim has been forwarded to another entity. Not accepted here: whoever it was forwarded
 *       to answers for itself (in a clearinghouse's 277CA, the payer's own 277CA comes later).</li>
 *   <li>A1 receipt: the claim has been received; "this does not mean that the claim has been accepted for
 *       adjudication". Not accepted.</li>
 *   <li><b>A2 acceptance into adjudication system</b>: the claim has been accepted into the adjudication system.
 *       Accepted.</li>
 *   <li>A3 returned as unprocessable: rejected, not entered into the adjudication system. Not accepted.</li>
 *   <li>A4 not found: the claim cannot be found in the adjudication system. Not accepted.</li>
 *   <li><b>A5 split claim</b>: the claim has been split "upon acceptance into the adjudication system". Accepted
 *       (it was accepted, then split).</li>
 *   <li>A6 rejected for missing information, A7 rejected for invalid information, A8 rejected for relational
 *       field in error. Not accepted.</li>
 * </ul>
 * Every other category (the pending P*, finalized F*, request R*, error E* and data-search D* groups of the same
 * list) belongs to the 277 claim status response (005010X212), not to an acknowledgement, and is not read as an
 * acceptance.
 */
final class ClaimStatusCategory {

    private ClaimStatusCategory() {
    }

    /** Whether the category (STC01-1) means accepted into adjudication: A2 or A5. */
    static boolean accepted(String category) {
        return "A2".equals(category) || "A5".equals(category);
    }
}
