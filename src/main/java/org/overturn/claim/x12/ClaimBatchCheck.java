package org.overturn.claim.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimAddress;
import org.overturn.claim.ClaimBatch;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimPerson;
import org.overturn.claim.ClaimProvider;

/**
 * What the writer refuses before writing a byte, each with an {@link IllegalArgumentException} that says which claim
 * (its position in the batch, 1-based: never its patient control number or a name, which are PHI) and what is
 * missing or cannot be carried. Three kinds of refusal:
 *
 * <ul>
 *   <li>what 005010X222A1 / 005010X223A2 require and the claim does not give: a replacement (7) or void (8)
 *       without the original claim's payer claim control number (REF*F8), a billing provider without an address
 *       (N3/N4) or tax id (REF*EI), a line without a date of service on an 837P (DTP*472), a professional line
 *       without a diagnosis pointer (SV107) ...;</li>
 *   <li>what the kind cannot carry, since writing the rest would quietly lose it: statement dates or occurrence
 *       spans on an 837P, a revenue code or diagnosis pointers on an 837P/837I line that has no place for them, a
 *       line prior authorization on an 837I (its 2400 loop has no REF*G1);</li>
 *   <li>limits of the guides: 12 diagnoses on an 837P (1 + 24 on an 837I), 4 modifiers, 4 pointers, 50 lines on an
 *       837P (999 on an 837I), line numbers that do not run 1, 2, 3 ... (LX01).</li>
 * </ul>
 */
final class ClaimBatchCheck {

    static final int MAX_PROFESSIONAL_DIAGNOSES = 12;
    static final int MAX_INSTITUTIONAL_OTHER_DIAGNOSES = 24;
    static final int MAX_OCCURRENCE_SPANS = 24;
    static final int MAX_PROFESSIONAL_LINES = 50;
    static final int MAX_INSTITUTIONAL_LINES = 999;
    static final int MAX_MODIFIERS = 4;
    static final int MAX_POINTERS = 4;

    private static final Set<String> PROFESSIONAL_UNITS = Set.of("UN", "MJ");
    private static final Set<String> INSTITUTIONAL_UNITS = Set.of("UN", "DA");

    private ClaimBatchCheck() {
    }

    /**
     * @param namedProviders the providers of the batch by NPI, where a line's rendering NPI finds its name
     */
    static void check(ClaimBatch batch, Map<String, ClaimProvider> namedProviders) {
        X12Text.id("ISA06/GS02 sender id", required("ISA06/GS02 sender id", batch.senderId()), 15);
        X12Text.id("ISA08/GS03 receiver id", required("ISA08/GS03 receiver id", batch.receiverId()), 15);
        X12Text.id("BHT03 batch reference", required("BHT03 batch reference", batch.reference()), 50);
        if (batch.createdAt() == null) {
            throw new IllegalArgumentException("the batch's creation time (ISA09/ISA10, GS04/GS05, BHT04/BHT05) "
                    + "is required");
        }
        party("1000A submitter", batch.submitter());
        party("1000B receiver", batch.receiver());
        if (X12Text.digits(batch.submitterContactPhone()) == null) {
            throw new IllegalArgumentException("1000A PER04 submitter contact phone is required");
        }
        if (batch.claims().isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one claim");
        }
        for (int i = 0; i < batch.claims().size(); i++) {
            claim("claim " + (i + 1), batch.kind(), batch.claims().get(i), namedProviders);
        }
    }

    private static void claim(String at, ClaimKind kind, BilledClaim claim, Map<String, ClaimProvider> named) {
        boolean professional = kind == ClaimKind.PROFESSIONAL;
        X12Text.id(at + ": CLM01 patient control number", required(at + ": CLM01 patient control number",
                claim.patientControlNumber()), 20);
        amount(at + ": CLM02 total charge", claim.charge());
        required(at + ": CLM05-1 " + (professional ? "place of service" : "facility type code"),
                claim.facilityCode());
        String qualifier = professional ? "B" : "A";
        if (claim.facilityQualifier() != null && !claim.facilityQualifier().equals(qualifier)) {
            throw new IllegalArgumentException(at + ": CLM05-2 of an " + kind.label() + " is " + qualifier
                    + ", not " + claim.facilityQualifier());
        }
        String frequency = required(at + ": CLM05-3 claim frequency code", claim.frequency());
        if (("7".equals(frequency) || "8".equals(frequency)) && isBlank(claim.originalReference())) {
            throw new IllegalArgumentException(at + ": frequency " + frequency + " ("
                    + ("7".equals(frequency) ? "replacement" : "void")
                    + ") needs originalReference, the payer's claim control number of the claim it "
                    + ("7".equals(frequency) ? "replaces" : "voids") + " (REF*F8)");
        }
        party(at + ": 2010BB payer", claim.payer());
        billingProvider(at, kind, claim.billingProvider());
        if (claim.renderingProvider() != null) {
            required(at + ": " + (professional ? "2310B rendering" : "2310A attending")
                    + " provider NM103 last name", claim.renderingProvider().lastName());
        }
        people(at, claim);
        diagnoses(at, kind, claim);
        if (professional) {
            if (claim.statementFrom() != null || claim.statementTo() != null) {
                throw new IllegalArgumentException(at + ": an 837P has no statement dates (DTP*434 is 837I only)");
            }
            if (!claim.occurrenceSpans().isEmpty()) {
                throw new IllegalArgumentException(at + ": an 837P has no occurrence spans (HI*BI is 837I only)");
            }
        } else {
            statement(at, claim);
        }
        lines(at, kind, claim, named);
    }

    private static void billingProvider(String at, ClaimKind kind, ClaimProvider provider) {
        if (provider == null) {
            throw new IllegalArgumentException(at + ": the billing provider (2010AA) is required");
        }
        required(at + ": 2010AA billing provider NM103 name", provider.lastName());
        if (kind == ClaimKind.INSTITUTIONAL && !isBlank(provider.firstName())) {
            throw new IllegalArgumentException(at + ": an 837I billing provider is an organisation (NM102 2): "
                    + "it has a name, not a first name");
        }
        ClaimAddress address = provider.address();
        if (address == null || isBlank(address.line1()) || isBlank(address.city())) {
            throw new IllegalArgumentException(at + ": the billing provider's address (2010AA N3/N4: street and "
                    + "city at least) is required");
        }
        if (X12Text.digits(provider.taxId()) == null) {
            throw new IllegalArgumentException(at + ": the billing provider's tax id (2010AA REF*EI) is required");
        }
    }

    private static void people(String at, BilledClaim claim) {
        ClaimPerson subscriber = claim.subscriber();
        if (subscriber == null) {
            throw new IllegalArgumentException(at + ": the subscriber (2010BA) is required");
        }
        required(at + ": 2010BA subscriber NM103 last name", subscriber.lastName());
        required(at + ": 2010BA subscriber NM109 member id", subscriber.memberId());
        ClaimPerson patient = claim.patient();
        if (patient == null || patient.equals(subscriber)) {
            if (subscriber.birthDate() == null) {
                throw new IllegalArgumentException(at + ": the subscriber's birth date is required when the "
                        + "subscriber is the patient (2010BA DMG)");
            }
            return;
        }
        required(at + ": 2010CA patient NM103 last name", patient.lastName());
        if (patient.birthDate() == null) {
            throw new IllegalArgumentException(at + ": the patient's birth date is required (2010CA DMG)");
        }
        if (patient.memberId() != null && !patient.memberId().equals(subscriber.memberId())) {
            throw new IllegalArgumentException(at + ": a dependent patient carries the subscriber's member id "
                    + "(2010CA has none of its own); a patient with an id of their own is sent as the subscriber");
        }
    }

    private static void diagnoses(String at, ClaimKind kind, BilledClaim claim) {
        if (claim.diagnoses().isEmpty()) {
            throw new IllegalArgumentException(at + ": at least one diagnosis (HI, principal first) is required");
        }
        int max = kind == ClaimKind.PROFESSIONAL ? MAX_PROFESSIONAL_DIAGNOSES : 1 + MAX_INSTITUTIONAL_OTHER_DIAGNOSES;
        if (claim.diagnoses().size() > max) {
            throw new IllegalArgumentException(at + ": an " + kind.label() + " carries at most " + max
                    + " diagnoses, not " + claim.diagnoses().size());
        }
        for (String code : claim.diagnoses()) {
            required(at + ": a diagnosis code", code);
        }
        if (claim.occurrenceSpans().size() > MAX_OCCURRENCE_SPANS) {
            throw new IllegalArgumentException(at + ": an 837I carries at most " + MAX_OCCURRENCE_SPANS
                    + " occurrence spans, not " + claim.occurrenceSpans().size());
        }
        claim.occurrenceSpans().forEach(span -> {
            required(at + ": an occurrence span code (HI*BI)", span.code());
            if (span.from() == null || span.to() == null || span.to().isBefore(span.from())) {
                throw new IllegalArgumentException(at + ": an occurrence span needs a from date and a to date "
                        + "not before it");
            }
        });
    }

    private static void statement(String at, BilledClaim claim) {
        LocalDate from = claim.statementFrom() != null ? claim.statementFrom() : claim.firstServiceDate();
        if (from == null) {
            throw new IllegalArgumentException(at + ": the statement period (DTP*434) is required on an 837I: give "
                    + "statementFrom/statementTo or dates of service on the lines");
        }
        LocalDate to = Claim837Segments.statementTo(claim);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(at + ": the statement period (DTP*434) ends before it starts");
        }
    }

    private static void lines(String at, ClaimKind kind, BilledClaim claim, Map<String, ClaimProvider> named) {
        List<BilledLine> lines = claim.lines();
        boolean professional = kind == ClaimKind.PROFESSIONAL;
        int max = professional ? MAX_PROFESSIONAL_LINES : MAX_INSTITUTIONAL_LINES;
        if (lines.isEmpty() || lines.size() > max) {
            throw new IllegalArgumentException(at + ": an " + kind.label() + " claim has 1 to " + max
                    + " service lines, not " + lines.size());
        }
        for (int n = 0; n < lines.size(); n++) {
            BilledLine line = lines.get(n);
            String where = at + ", line " + (n + 1);
            if (line.number() != n + 1) {
                throw new IllegalArgumentException(where + ": lines are numbered 1, 2, 3 ... in order (LX01), "
                        + "this one is numbered " + line.number());
            }
            amount(where + ": line charge", line.charge());
            amount(where + ": service unit count", line.units());
            if (line.modifiers().size() > MAX_MODIFIERS) {
                throw new IllegalArgumentException(where + ": at most " + MAX_MODIFIERS + " procedure modifiers");
            }
            if (line.procedure() == null && (!line.modifiers().isEmpty() || line.procedureQualifier() != null)) {
                throw new IllegalArgumentException(where + ": modifiers or a code qualifier without a procedure code");
            }
            if (line.serviceDateTo() != null && (line.serviceDate() == null
                    || line.serviceDateTo().isBefore(line.serviceDate()))) {
                throw new IllegalArgumentException(where + ": a service period (DTP*472 RD8) needs a first date "
                        + "not after its last");
            }
            if (line.renderingNpi() != null && !named.containsKey(line.renderingNpi())) {
                throw new IllegalArgumentException(where + ": the line's rendering provider NPI is not the NPI of "
                        + "any provider named in the batch, and an 837 names the provider (NM103) with the NPI");
            }
            if (professional) {
                professionalLine(where, claim, line);
            } else {
                institutionalLine(where, line);
            }
        }
    }

    private static void professionalLine(String where, BilledClaim claim, BilledLine line) {
        if (line.revenueCode() != null) {
            throw new IllegalArgumentException(where + ": an 837P line has no revenue code (SV2 is 837I only)");
        }
        required(where + ": SV101-2 procedure code", line.procedure());
        unitBasis(where, line, PROFESSIONAL_UNITS);
        if (line.serviceDate() == null) {
            throw new IllegalArgumentException(where + ": the date of service (DTP*472) is required on an 837P");
        }
        List<Integer> pointers = line.diagnosisPointers();
        if (pointers.isEmpty() || pointers.size() > MAX_POINTERS) {
            throw new IllegalArgumentException(where + ": an 837P line points at 1 to " + MAX_POINTERS
                    + " of the claim's diagnoses (SV107), not " + pointers.size());
        }
        for (Integer pointer : pointers) {
            if (pointer == null || pointer < 1 || pointer > claim.diagnoses().size()) {
                throw new IllegalArgumentException(where + ": diagnosis pointer " + pointer + " points at none of "
                        + "the claim's " + claim.diagnoses().size() + " diagnoses");
            }
        }
    }

    private static void institutionalLine(String where, BilledLine line) {
        required(where + ": SV201 revenue code", line.revenueCode());
        unitBasis(where, line, INSTITUTIONAL_UNITS);
        if (!line.diagnosisPointers().isEmpty()) {
            throw new IllegalArgumentException(where + ": an 837I line has no diagnosis pointers (SV1 SV107 is "
                    + "837P only)");
        }
        if (line.placeOfService() != null) {
            throw new IllegalArgumentException(where + ": an 837I line has no place of service (SV105 is 837P "
                    + "only)");
        }
        if (line.priorAuthorization() != null) {
            throw new IllegalArgumentException(where + ": an 837I line has no prior authorization (its 2400 loop "
                    + "has no REF*G1); put it on the claim");
        }
    }

    private static void unitBasis(String where, BilledLine line, Set<String> allowed) {
        if (line.unitBasis() != null && !allowed.contains(line.unitBasis())) {
            throw new IllegalArgumentException(where + ": unit basis " + line.unitBasis() + " is not one of "
                    + allowed.stream().sorted().toList());
        }
    }

    private static void party(String what, ClaimParty party) {
        if (party == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        required(what + " NM103 name", party.name());
        required(what + " NM109 id", party.id());
    }

    private static void amount(String what, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(what + " cannot be negative");
        }
    }

    private static String required(String what, String value) {
        if (isBlank(value)) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    private static boolean isBlank(String value) {
        return value == null || X12Text.text(value) == null;
    }
}
