package org.overturn.denial;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.denial.internal.BehavioralHealthCodes;
import org.overturn.denial.internal.CodeListFiles;
import org.overturn.denial.internal.DenialAdjustments;
import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;
import org.overturn.remittance.ServiceLine;

/**
 * What the root-cause table looks at for one denied claim. Lists are de-duplicated, upper-case, in file
 * order; none is null.
 *
 * @param primaryCarc     the denial's primary CARC, or null when the payer gave no non-routine reason
 * @param primaryGroup    CAS group of the primary adjustment (CO, OA, PI, CR), or null
 * @param carcs           every CARC on the claim, claim and line level, routine ones included
 * @param rarcs           remark codes: claim MIA/MOA and line LQ
 * @param claimStatus     CLP02
 * @param filingIndicator CLP06
 * @param procedures      codes of the denied lines: procedure, revenue code and the code as billed when the
 *                        payer changed it; all lines when the denial is at claim level
 * @param modifiers       modifiers of those lines
 * @param placeOfService  place of service, or null when unknown (the 835 has it only as CLP08 of a
 *                        professional claim; the original claim's is better when known)
 * @param payerId         the payer's id, or null; for payer-specific rules
 * @param renderingCredential the license level of the provider who rendered the service (a
 *                        {@link org.overturn.claim.ProviderCredential} name), when the claim as billed tells it
 */
public record ClaimFacts(
        String primaryCarc,
        String primaryGroup,
        List<String> carcs,
        List<String> rarcs,
        String claimStatus,
        String filingIndicator,
        List<String> procedures,
        List<String> modifiers,
        String placeOfService,
        String payerId,
        String renderingCredential) {

    /** The facts without the claim as billed's license level. */
    public ClaimFacts(String primaryCarc, String primaryGroup, List<String> carcs, List<String> rarcs,
                      String claimStatus, String filingIndicator, List<String> procedures, List<String> modifiers,
                      String placeOfService, String payerId) {
        this(primaryCarc, primaryGroup, carcs, rarcs, claimStatus, filingIndicator, procedures, modifiers,
                placeOfService, payerId, null);
    }

    public ClaimFacts {
        primaryCarc = codeOrNull(primaryCarc);
        primaryGroup = codeOrNull(primaryGroup);
        carcs = codes(carcs);
        rarcs = codes(rarcs);
        claimStatus = codeOrNull(claimStatus);
        filingIndicator = codeOrNull(filingIndicator);
        procedures = codes(procedures);
        modifiers = codes(modifiers);
        placeOfService = codeOrNull(placeOfService);
    }

    /** The facts of a claim the detector found denied; place of service from CLP08 when it is one. */
    public static ClaimFacts of(ClaimPayment claim, DenialAssessment assessment) {
        Objects.requireNonNull(assessment, "assessment");
        String group = DenialAdjustments.primary(claim)
                .filter(a -> CodeListFiles.key(a.reason()).equals(CodeListFiles.key(assessment.primaryReason())))
                .map(Adjustment::group).orElse(null);
        List<ServiceLine> denied = deniedLines(claim);
        return new ClaimFacts(
                assessment.primaryReason(),
                group,
                claim.allAdjustments().stream().map(Adjustment::reason).toList(),
                Stream.concat(claim.remarks().stream(), claim.lines().stream().flatMap(l -> l.remarks().stream())).toList(),
                claim.status(),
                claim.filingIndicator(),
                denied.stream().flatMap(ClaimFacts::codesOf).toList(),
                denied.stream().flatMap(l -> l.modifiers().stream()).toList(),
                placeOfService(claim),
                null);
    }

    /** The same facts with the place of service of the original claim (837 CLM05-1 or line SV105). */
    public ClaimFacts withPlaceOfService(String originalPlaceOfService) {
        return new ClaimFacts(primaryCarc, primaryGroup, carcs, rarcs, claimStatus, filingIndicator, procedures,
                modifiers, originalPlaceOfService, payerId, renderingCredential);
    }

    /**
     * The same facts completed by the claim as billed: the place of service of the denied lines (SV105, else CLM05-1
     * of a professional claim), their modifiers as billed, and their revenue codes (an 837I's PHP/IOP lines). The 835
     * echoes only what the payer adjudicated, and often drops the place of service and modifiers.
     */
    public ClaimFacts withBilledClaim(BilledClaim billed) {
        if (billed == null) {
            return this;
        }
        List<BilledLine> lines = billed.lines().stream()
                .filter(l -> procedures.contains(CodeListFiles.key(l.procedure()))
                        || l.revenueCode() != null
                        && procedures.contains(BehavioralHealthCodes.revenueCode(l.revenueCode())))
                .toList();
        if (lines.isEmpty()) {
            lines = billed.lines();
        }
        String billedPlace = lines.stream().map(BilledLine::placeOfService).filter(Objects::nonNull).findFirst()
                .orElse(billed.placeOfService());
        List<String> billedModifiers = new ArrayList<>(modifiers);
        List<String> billedCodes = new ArrayList<>(procedures);
        for (BilledLine line : lines) {
            billedModifiers.addAll(line.modifiers());
            if (line.procedure() != null) {
                billedCodes.add(line.procedure());
            }
            if (line.revenueCode() != null) {
                billedCodes.add(BehavioralHealthCodes.revenueCode(line.revenueCode()));
            }
        }
        var credential = billed.renderedBy() == null ? null : billed.renderedBy().credential();
        return new ClaimFacts(primaryCarc, primaryGroup, carcs, rarcs, claimStatus, filingIndicator, billedCodes,
                billedModifiers, billedPlace == null ? placeOfService : billedPlace, payerId,
                credential == null ? renderingCredential : credential.name());
    }

    public ClaimFacts withPayerId(String id) {
        return new ClaimFacts(primaryCarc, primaryGroup, carcs, rarcs, claimStatus, filingIndicator, procedures,
                modifiers, placeOfService, id, renderingCredential);
    }

    public boolean hasTelehealthModifier() {
        return BehavioralHealthCodes.anyTelehealthModifier(modifiers);
    }

    public boolean isPsychotherapyTimeCode() {
        return BehavioralHealthCodes.anyPsychotherapyTimeCode(procedures);
    }

    /** An E/M service (or E/M psychotherapy add-on) denied where the claim says a non-prescriber rendered it. */
    public boolean isEmByNonPrescriber() {
        return BehavioralHealthCodes.isEmByNonPrescriber(procedures, renderingCredential);
    }

    /** A psychotherapy add-on reported only with an E/M (90833, 90836, 90838) among the denied codes. */
    public boolean isEmPsychotherapyAddOn() {
        return BehavioralHealthCodes.anyEmPsychotherapyAddOn(procedures);
    }

    /** A license-level modifier billed that does not fit the rendering provider's license (claim as billed). */
    public boolean isLicenseModifierMismatch() {
        return BehavioralHealthCodes.isLicenseModifierMismatch(modifiers, renderingCredential);
    }

    /** Rendered by a license paid only under a supervising provider (codeset/supervised-licenses.csv). */
    public boolean isSupervisedLicense() {
        return BehavioralHealthCodes.isSupervisedLicense(renderingCredential);
    }

    /** Place of service 02 or 10 (telehealth other than in, or in, the patient's home). */
    public boolean isTelehealthPlaceOfService() {
        return BehavioralHealthCodes.isTelehealthPlaceOfService(placeOfService);
    }

    /** The first of the remark codes that names what a generic CARC (16, A1, 96 ...) means, with its advice. */
    public java.util.Optional<RemarkRefinements.Refinement> remarkRefinement() {
        return RemarkRefinements.shipped().first(rarcs);
    }

    public boolean isPerDiemLevelOfCare() {
        return BehavioralHealthCodes.anyPerDiemLevelOfCare(procedures);
    }

    /** Lines with a non-routine adjustment; every line when the payer denied at claim level only. */
    private static List<ServiceLine> deniedLines(ClaimPayment claim) {
        List<ServiceLine> denied = claim.lines().stream()
                .filter(l -> l.adjustments().stream().anyMatch(DenialAdjustments::isNonRoutine))
                .toList();
        return denied.isEmpty() ? claim.lines() : denied;
    }

    private static Stream<String> codesOf(ServiceLine line) {
        List<String> codes = new ArrayList<>(3);
        boolean revenueQualifier = "NU".equals(CodeListFiles.key(line.procedureQualifier()));
        if (line.procedure() != null) {
            codes.add(revenueQualifier ? BehavioralHealthCodes.revenueCode(line.procedure()) : line.procedure());
        }
        if (line.revenueCode() != null) {
            codes.add(BehavioralHealthCodes.revenueCode(line.revenueCode()));
        }
        if (line.originalProcedure() != null) {
            codes.add(line.originalProcedure());
        }
        return codes.stream();
    }

    /**
     * CLP08 is a place of service only on a professional claim; on an institutional one (lines billed by
     * revenue code) it holds the first two digits of the bill type, which must not be read as a POS.
     */
    private static String placeOfService(ClaimPayment claim) {
        String code = CodeListFiles.key(claim.facilityCode());
        boolean institutional = claim.lines().stream().anyMatch(l -> l.revenueCode() != null
                || "NU".equals(CodeListFiles.key(l.procedureQualifier())));
        return code.matches("\\d{2}") && !institutional ? code : null;
    }

    private static String codeOrNull(String code) {
        String key = CodeListFiles.key(code);
        return key.isEmpty() ? null : key;
    }

    private static List<String> codes(List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String code : codes) {
            String key = codeOrNull(code);
            if (key != null) {
                unique.add(key);
            }
        }
        return List.copyOf(unique);
    }
}
