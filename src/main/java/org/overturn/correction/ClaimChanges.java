package org.overturn.correction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimProvider;

/**
 * A correction as structured changes to the claim as billed: what the biller fixed on the <em>Correct claim</em>
 * task. Every part is optional; a void changes nothing and cancels the claim. Line changes (procedure, modifiers,
 * units) apply to one line, the first when none is named.
 *
 * @param line               the line changed (LX01), or null for the first
 * @param procedure          the new CPT/HCPCS code of that line, or null
 * @param modifiers          the line's modifiers as they should be (an empty list removes them), or null
 * @param units              the line's units, or null
 * @param diagnoses          the claim's diagnoses, principal first, without dots, or null
 * @param placeOfService     the claim's place of service (837P), or null
 * @param renderingNpi       the rendering provider's NPI, or null
 * @param renderingName      the rendering provider's name as "Last, First", with a new NPI
 * @param priorAuthorization the claim's prior authorization number, or null
 * @param voidClaim          void the claim (frequency 8) instead of replacing it (7)
 */
public record ClaimChanges(Integer line, String procedure, List<String> modifiers, BigDecimal units,
                           List<String> diagnoses, String placeOfService, String renderingNpi, String renderingName,
                           String priorAuthorization, boolean voidClaim) {

    public ClaimChanges {
        modifiers = modifiers == null ? null : List.copyOf(modifiers);
        diagnoses = diagnoses == null ? null : List.copyOf(diagnoses);
    }

    public static ClaimChanges none() {
        return new ClaimChanges(null, null, null, null, null, null, null, null, null, false);
    }

    /** Whether nothing on the claim changes (a void still cancels it). */
    public boolean isEmpty() {
        return procedure == null && modifiers == null && units == null && diagnoses == null && placeOfService == null
                && renderingNpi == null && priorAuthorization == null;
    }

    /** The changes in a biller's words: "line 1: 90837 to 90834; modifiers 95; place of service 10". */
    public String describe(BilledClaim original) {
        if (voidClaim) {
            return "claim voided (frequency 8)";
        }
        List<String> parts = new ArrayList<>();
        BilledLine target = targetLine(original);
        if (procedure != null) {
            parts.add("line " + target.number() + ": " + target.procedure() + " to " + procedure);
        }
        if (modifiers != null) {
            parts.add("line " + target.number() + " modifiers " + (modifiers.isEmpty() ? "removed" : String.join(", ", modifiers)));
        }
        if (units != null) {
            parts.add("line " + target.number() + " units " + units.stripTrailingZeros().toPlainString());
        }
        if (diagnoses != null) {
            parts.add("diagnoses " + String.join(", ", diagnoses));
        }
        if (placeOfService != null) {
            parts.add("place of service " + placeOfService);
        }
        if (renderingNpi != null) {
            parts.add("rendering provider NPI " + renderingNpi);
        }
        if (priorAuthorization != null) {
            parts.add("prior authorization " + priorAuthorization);
        }
        return parts.isEmpty() ? "resubmitted unchanged" : String.join("; ", parts);
    }

    /**
     * The replacement (frequency 7) or void (8) of the original claim: the claim as stored, with these changes, and
     * REF*F8 the payer's claim control number of the claim it replaces.
     */
    public BilledClaim applyTo(BilledClaim original, String payerClaimControlNumber) {
        if (payerClaimControlNumber == null || payerClaimControlNumber.isBlank()) {
            throw new IllegalArgumentException("the payer's claim control number (CLP07) is needed for REF*F8");
        }
        List<BilledLine> lines = voidClaim ? original.lines() : changedLines(original);
        String facility = original.facilityCode();
        if (!voidClaim && placeOfService != null && original.kind() == ClaimKind.PROFESSIONAL) {
            facility = placeOfService;
        }
        List<String> codes = voidClaim || diagnoses == null ? original.diagnoses() : diagnoses;
        ClaimProvider rendering = voidClaim || renderingNpi == null ? original.renderingProvider()
                : renderingProvider(original.renderingProvider());
        String authorization = voidClaim || priorAuthorization == null ? original.priorAuthorization()
                : priorAuthorization;
        return new BilledClaim(original.kind(), original.patientControlNumber(), original.charge(), facility,
                original.facilityQualifier(), voidClaim ? "8" : "7", original.payer(), original.billingProvider(),
                rendering, original.subscriber(), original.patient(), original.filingIndicator(), codes,
                authorization, original.referral(), payerClaimControlNumber.trim(), original.admissionDate(),
                original.dischargeDate(), original.statementFrom(), original.statementTo(),
                original.occurrenceSpans(), lines);
    }

    private List<BilledLine> changedLines(BilledClaim original) {
        BilledLine target = targetLine(original);
        int diagnosisCount = (diagnoses == null ? original.diagnoses() : diagnoses).size();
        List<BilledLine> lines = new ArrayList<>();
        for (BilledLine l : original.lines()) {
            boolean isTarget = l.number() == target.number();
            List<Integer> pointers = l.diagnosisPointers().stream().filter(p -> p <= diagnosisCount).toList();
            if (pointers.isEmpty() && !l.diagnosisPointers().isEmpty()) {
                pointers = List.of(1);
            }
            lines.add(new BilledLine(l.number(), l.revenueCode(), l.procedureQualifier(),
                    isTarget && procedure != null ? procedure : l.procedure(),
                    isTarget && modifiers != null ? modifiers : l.modifiers(), l.charge(), l.unitBasis(),
                    isTarget && units != null ? units : l.units(),
                    placeOfService != null && original.kind() == ClaimKind.PROFESSIONAL ? null : l.placeOfService(),
                    pointers, l.serviceDate(), l.serviceDateTo(),
                    priorAuthorization != null ? null : l.priorAuthorization(), l.lineControlNumber(),
                    renderingNpi != null ? null : l.renderingNpi()));
        }
        return lines;
    }

    private BilledLine targetLine(BilledClaim original) {
        if (original.lines().isEmpty()) {
            throw new IllegalArgumentException("the claim has no lines");
        }
        if (line == null) {
            return original.lines().get(0);
        }
        return original.lines().stream().filter(l -> l.number() == line).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the claim has no line " + line + " (it has "
                        + original.lines().size() + ")"));
    }

    private ClaimProvider renderingProvider(ClaimProvider before) {
        String last = null;
        String first = null;
        if (renderingName != null && !renderingName.isBlank()) {
            String[] parts = renderingName.split(",", 2);
            last = parts[0].trim().toUpperCase(Locale.ROOT);
            first = parts.length > 1 ? parts[1].trim().toUpperCase(Locale.ROOT) : null;
        } else if (before != null) {
            last = before.lastName();
            first = before.firstName();
        }
        return new ClaimProvider(renderingNpi, last, first, before == null ? null : before.taxonomy(), null, null);
    }
}
