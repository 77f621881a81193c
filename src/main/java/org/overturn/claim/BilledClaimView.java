package org.overturn.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The claim as billed in the shape the API and {@code inspect --json} print it (DESIGN section 3, "837 claims in
 * inspect" and "Denial and its claim"). Holds PHI: shown only to users the access gate lets see the denial.
 */
public record BilledClaimView(
        String kind,
        String patientControlNumber,
        Party payer,
        Patient patient,
        Provider billingProvider,
        Provider renderingProvider,
        String placeOfService,
        String typeOfBill,
        String frequency,
        BigDecimal charge,
        List<String> diagnoses,
        String priorAuthorization,
        String referral,
        String originalReference,
        LocalDate admissionDate,
        LocalDate dischargeDate,
        LocalDate submittedOn,
        LocalDate firstSubmittedOn,
        LocalDate acceptedOn,
        String acceptanceReference,
        String matchedBy,
        List<Line> lines) {

    public record Party(String id, String name) {
    }

    public record Patient(String memberId, String lastName, String firstName, LocalDate birthDate) {
    }

    /** A provider with the license level its taxonomy tells ({@code credential} is the label, e.g. "Psychologist"). */
    public record Provider(String npi, String name, String taxonomy, String credential) {
    }

    public record Line(int number, String procedure, String revenueCode, List<String> modifiers, BigDecimal units,
                       BigDecimal charge, LocalDate serviceDate, LocalDate serviceDateTo, String placeOfService,
                       String priorAuthorization, String renderingNpi) {
    }

    /** A claim read from a file ({@code inspect}): sent on its transaction's date, no acceptance or join known. */
    public static BilledClaimView of(BilledClaim claim, LocalDate submittedOn) {
        return of(claim, submittedOn, null, null, null);
    }

    /** A claim on file, with its first acceptance and why it was joined to the 835 that answered it. */
    public static BilledClaimView of(StoredClaim stored) {
        return of(stored.claim(), stored.submittedOn(), stored.firstSubmittedOn(), stored.acceptance(),
                stored.matchedBy());
    }

    private static BilledClaimView of(BilledClaim c, LocalDate submittedOn, LocalDate firstSubmittedOn,
                                      ClaimAcceptance acceptance, String matchedBy) {
        ClaimPerson patient = c.patient() != null ? c.patient() : c.subscriber();
        String memberId = c.subscriber() != null ? c.subscriber().memberId() : patient == null ? null : patient.memberId();
        return new BilledClaimView(c.kind().label(), c.patientControlNumber(),
                c.payer() == null ? null : new Party(c.payer().id(), c.payer().name()),
                patient == null ? null : new Patient(memberId, patient.lastName(), patient.firstName(),
                        patient.birthDate()),
                provider(c.billingProvider()), provider(c.renderingProvider()), c.placeOfService(), c.typeOfBill(),
                c.frequency(), c.charge(), c.diagnoses(), c.priorAuthorization(), c.referral(),
                c.originalReference(), c.admissionDate(), c.dischargeDate(), submittedOn, firstSubmittedOn,
                acceptance == null ? null : acceptance.acceptedOn(), acceptance == null ? null : acceptance.reference(),
                matchedBy, c.lines().stream().map(l -> new Line(l.number(), l.procedure(), l.revenueCode(),
                        l.modifiers(), l.units(), l.charge(), l.serviceDate(), l.serviceDateTo(), l.placeOfService(),
                        l.priorAuthorization(), l.renderingNpi())).toList());
    }

    private static Provider provider(ClaimProvider p) {
        if (p == null) {
            return null;
        }
        ProviderCredential credential = p.credential();
        return new Provider(p.npi(), p.displayName(), p.taxonomy(), credential == null ? null : credential.label());
    }
}
