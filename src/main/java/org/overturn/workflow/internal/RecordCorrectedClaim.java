package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.claim.ClaimAnswers;
import org.overturn.claim.StoredClaim;
import org.overturn.correction.ClaimChangeFields;
import org.overturn.correction.ClaimChanges;
import org.overturn.correction.CorrectedClaims;
import org.overturn.correction.ReplacementClaims;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.remittance.ClaimRecords;
import org.springframework.stereotype.Component;

/**
 * Keeps the corrected claim's record (what changed, why, who) and makes its replacement or void 837 from the claim
 * on file. When none can be made (no claim on file, no payer claim number for REF*F8, a line the claim does not
 * have) the record says why and the biller resubmits by hand: the process goes on either way.
 */
@Component("recordCorrectedClaim")
class RecordCorrectedClaim implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CorrectedClaims correctedClaims;
    private final ReplacementClaims replacements;
    private final Denials denials;
    private final ClaimAnswers claimAnswers;
    private final ClaimRecords claimRecords;

    RecordCorrectedClaim(CorrectedClaims correctedClaims, ReplacementClaims replacements, Denials denials,
                         ClaimAnswers claimAnswers, ClaimRecords claimRecords) {
        this.correctedClaims = correctedClaims;
        this.replacements = replacements;
        this.denials = denials;
        this.claimAnswers = claimAnswers;
        this.claimRecords = claimRecords;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        String by = ProcessVariables.stringOf(execution, LAST_COMPLETED_BY);
        Map<String, Object> fields = new HashMap<>();
        for (String name : FIELDS) {
            Object value = execution.getVariable(name);
            if (value != null) {
                fields.put(name, value);
            }
        }
        ClaimChanges changes = ClaimChangeFields.problems(fields).isEmpty() ? ClaimChangeFields.changes(fields)
                : ClaimChanges.none();
        DenialView denial = denials.find(denialId).orElseThrow();
        StoredClaim original = claimAnswers.claimFor(denial.claimPaymentId()).orElse(null);
        String freeText = ProcessVariables.stringOf(execution, WHAT_CHANGED);
        String described = original == null ? null : changes.describe(original.claim());
        String whatChanged = freeText == null ? described
                : described == null || changes.isEmpty() && !changes.voidClaim() ? freeText : described + "; " + freeText;
        long correctionId = correctedClaims.record(denialId, whatChanged == null ? "(not said)" : whatChanged,
                ProcessVariables.stringOf(execution, CORRECTION_REASON), by, json(fields),
                changes.voidClaim() ? "8" : "7");
        if (original == null) {
            correctedClaims.noReplacement(correctionId, "No claim (837) on file for this denial: resubmit it by hand");
            return;
        }
        String payerClaimNumber = claimRecords.find(denial.claimPaymentId())
                .map(ClaimRecords.ClaimRecord::payerClaimControlNumber).orElse(null);
        try {
            replacements.make(denialId, correctionId, original, payerClaimNumber, changes, by);
        } catch (IllegalArgumentException e) {
            correctedClaims.noReplacement(correctionId, "No replacement 837 made: " + e.getMessage()
                    + ". Resubmit it by hand");
        }
    }

    private static final String[] FIELDS = {ClaimChangeFields.FREQUENCY, ClaimChangeFields.LINE,
            ClaimChangeFields.PROCEDURE, ClaimChangeFields.MODIFIERS, ClaimChangeFields.UNITS,
            ClaimChangeFields.DIAGNOSES, ClaimChangeFields.PLACE_OF_SERVICE, ClaimChangeFields.RENDERING_NPI,
            ClaimChangeFields.RENDERING_NAME, ClaimChangeFields.AUTHORIZATION};

    private static String json(Map<String, Object> fields) {
        try {
            return fields.isEmpty() ? null : JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form values are always writable as JSON", e);
        }
    }
}
