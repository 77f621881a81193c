package org.overturn.part2;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Patients' written consents to disclose Part 2 records (42 CFR 2.31). A consent is matched to the patient, not to a
 * plan: by last and first name ignoring case, and by date of birth when both the consent and the claim as billed
 * know it; when one does not, the member id must agree instead, and a claim with neither is matched by name. Each
 * disclosure is checked against its recipient ({@link Consent#covers}). Every consent recorded or revoked is audited.
 */
@Service
public class PatientConsents {

    static final int MAX_TEXT = 2000;

    /** The patient, payer and paid program of a denial, as the 835 (and the claim as billed) named them. */
    record Patient(String memberId, String lastName, String firstName, LocalDate birthDate, String payerId,
                   String payerName, String program) {

        boolean named() {
            return lastName != null && firstName != null;
        }

        /** Name always; then date of birth when both know it, else the member id when both know it. */
        boolean matches(Consent consent) {
            if (!named() || consent.patientLastName() == null || consent.patientFirstName() == null
                    || !lastName.equalsIgnoreCase(consent.patientLastName())
                    || !firstName.equalsIgnoreCase(consent.patientFirstName())) {
                return false;
            }
            if (birthDate != null && consent.patientBirthDate() != null) {
                return birthDate.equals(consent.patientBirthDate());
            }
            if (memberId != null || consent.memberId() != null) {
                return memberId != null && memberId.equalsIgnoreCase(consent.memberId() == null ? "" : consent.memberId());
            }
            return true;
        }
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    PatientConsents(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Puts a signed consent on file. {@link Part2Problem} INVALID, with the fields at fault, when an element of 2.31(a)
     * is missing (patient and date of birth, who discloses, what information, recipient, purpose, expiry, signer,
     * signature date), the consent is signed in the future or expires before it was signed.
     */
    public Consent record(ConsentTerms terms, String recordedBy) {
        return record(terms, recordedBy, null);
    }

    public void revoke(long consentId, String revokedBy) {
        int revoked = jdbc.update("update patient_consent set revoked_at = ?, revoked_by = ? "
                + "where id = ? and revoked_at is null", Timestamp.from(clock.instant()), revokedBy, consentId);
        if (revoked == 0) {
            // revoking twice keeps the first revocation; an unknown consent is an error
            find(consentId).orElseThrow(() -> new Part2Problem(Part2Problem.Kind.NOT_FOUND,
                    "No consent " + consentId));
            return;
        }
        audit.recordAs(revokedBy, AuditAction.CONSENT_REVOKED, "consent", String.valueOf(consentId), null);
    }

    /** The consent that lets this denial's Part 2 information go to its payer today, if any. */
    public Optional<Consent> validForDenial(long denialId) {
        return patientOf(denialId).filter(p -> p.payerId() != null)
                .flatMap(p -> validFor(p, Recipient.payer(p.payerId(), p.payerName())));
    }

    /** The consent that lets this denial's Part 2 information go to that recipient today, if any. */
    public Optional<Consent> validFor(long denialId, Recipient recipient) {
        return patientOf(denialId).flatMap(p -> validFor(p, recipient));
    }

    /** The denial's payer, as a recipient; empty for an unknown denial or one without payer id. */
    public Optional<Recipient> payerOf(long denialId) {
        return patientOf(denialId).filter(p -> p.payerId() != null)
                .map(p -> Recipient.payer(p.payerId(), p.payerName()));
    }

    /** The consents of that denial's patient, for any recipient, newest signature first. */
    public List<Consent> forDenial(long denialId) {
        return patientOf(denialId).map(this::consentsOf).orElse(List.of());
    }

    /**
     * Records a consent for the denial's patient: name and member id from the claim, date of birth from the claim as
     * billed when on file (else the form's), recipient the denial's payer unless the form names another, and who
     * discloses the program paid for the claim unless the form says otherwise.
     */
    public Consent recordForDenial(long denialId, ConsentTerms terms, String recordedBy) {
        Patient patient = patientOf(denialId)
                .orElseThrow(() -> new Part2Problem(Part2Problem.Kind.NOT_FOUND, "No denial " + denialId));
        if (patient.birthDate() != null && terms.patientBirthDate() != null
                && !patient.birthDate().equals(terms.patientBirthDate())) {
            throw new Part2Problem(Part2Problem.Kind.INVALID, "The consent cannot be recorded", Map.of(
                    "patientBirthDate", "The claim gives another date of birth: is this the same patient?"));
        }
        Recipient recipient = terms.recipient() != null || terms.generalDesignation() ? terms.recipient()
                : patient.payerId() == null ? null : Recipient.payer(patient.payerId(), patient.payerName());
        ConsentTerms filled = new ConsentTerms(patient.lastName(), patient.firstName(),
                patient.birthDate() != null ? patient.birthDate() : terms.patientBirthDate(), patient.memberId(),
                clean(terms.discloser()) != null ? terms.discloser() : patient.program(), terms.information(),
                recipient, terms.generalDesignation(), terms.purpose(), terms.expiresOn(), terms.expiryEvent(),
                terms.signedBy(), terms.signedOn());
        return record(filled, recordedBy, denialId);
    }

    Optional<Patient> patientOf(long denialId) {
        return jdbc.query("""
                select cp.member_id, cp.patient_last_name, cp.patient_first_name, d.payer_id, d.payer_name,
                       (select max(b.patient_birth_date) from claim_answer_report a
                          join claim_billed_patient_report b on b.id = a.billed_claim_id
                         where a.claim_payment_id = cp.id) as birth_date,
                       r.payee_name, case when r.payee_id_qualifier = 'XX' then r.payee_id end as payee_npi
                  from denial_report d join remittance_claim_report cp on cp.id = d.claim_payment_id
                  join remittance_report r on r.id = cp.remittance_id
                 where d.id = ?
                """, (rs, i) -> {
            Date birth = rs.getDate("birth_date");
            String payee = clean(rs.getString("payee_name"));
            String npi = clean(rs.getString("payee_npi"));
            return new Patient(clean(rs.getString(1)), clean(rs.getString(2)), clean(rs.getString(3)),
                    birth == null ? null : birth.toLocalDate(), clean(rs.getString(4)), clean(rs.getString(5)),
                    payee == null ? null : npi == null ? payee : payee + " (NPI " + npi + ")");
        }, denialId).stream().findFirst();
    }

    Optional<Consent> find(long consentId) {
        return jdbc.query("select * from patient_consent where id = ?", PatientConsents::consent, consentId)
                .stream().findFirst();
    }

    private Optional<Consent> validFor(Patient patient, Recipient recipient) {
        LocalDate today = LocalDate.now(clock);
        return consentsOf(patient).stream().filter(c -> c.validOn(today) && c.covers(recipient))
                .max(Comparator.comparing(Consent::signedOn).thenComparing(Consent::id));
    }

    private Consent record(ConsentTerms terms, String recordedBy, Long denialId) {
        Map<String, String> errors = new LinkedHashMap<>();
        String last = clean(terms.patientLastName());
        String first = clean(terms.patientFirstName());
        String memberId = clean(terms.memberId());
        if (last == null || first == null) {
            errors.put("patient", "Name the patient: last and first name");
        } else if (tooLong(last, 60) || tooLong(first, 35) || tooLong(memberId, 80)) {
            errors.put("patient", "A last name has at most 60 characters, a first name 35, a member id 80");
        }
        if (terms.patientBirthDate() == null) {
            errors.put("patientBirthDate", "Enter the patient's date of birth from the form: it names the patient "
                    + "whatever their plan");
        }
        text(errors, "discloser", terms.discloser(), 300, "Name the program the form permits to disclose");
        text(errors, "information", terms.information(), MAX_TEXT,
                "Describe the information the form permits to disclose, as it says");
        Recipient recipient = terms.recipient();
        if (recipient == null && !terms.generalDesignation()) {
            errors.put("recipient", "Name the recipient, or say the form uses the general designation");
        } else if (recipient != null && (tooLong(recipient.id(), 200) || tooLong(recipient.name(), 200))) {
            errors.put("recipient", "A recipient's id and name have at most 200 characters");
        }
        text(errors, "purpose", terms.purpose(), MAX_TEXT, "State the purpose of the disclosure as the consent does");
        LocalDate signedOn = terms.signedOn();
        if (signedOn == null) {
            errors.put("signedOn", "Enter the day the form was signed");
        } else if (signedOn.isAfter(LocalDate.now(clock))) {
            errors.put("signedOn", "A consent cannot be signed in the future");
        }
        String event = clean(terms.expiryEvent());
        if (terms.expiresOn() == null && event == null) {
            errors.put("expiresOn", "Enter the date, or the event, on which the consent expires");
        } else if (terms.expiresOn() != null && signedOn != null && !terms.expiresOn().isAfter(signedOn)) {
            errors.put("expiresOn", "A consent must expire after the day it was signed");
        } else if (tooLong(event, 300)) {
            errors.put("expiresOn", "Keep the expiry event to 300 characters");
        }
        text(errors, "signedBy", terms.signedBy(), 200, "Say who signed: the patient, or who signed for them");
        if (!errors.isEmpty()) {
            throw new Part2Problem(Part2Problem.Kind.INVALID, "The consent cannot be recorded", errors);
        }
        Long id = jdbc.queryForObject("""
                insert into patient_consent (member_id, patient_last_name, patient_first_name, patient_birth_date,
                                             discloser, information, recipient_kind, recipient_id, recipient_name,
                                             general_designation, purpose, signed_on, expires_on, expiry_event,
                                             signed_by, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, memberId, last, first, Date.valueOf(terms.patientBirthDate()),
                clean(terms.discloser()), clean(terms.information()),
                recipient == null ? Recipient.Kind.PAYER.name() : recipient.kind().name(),
                recipient == null ? null : recipient.id(), recipient == null ? null : recipient.name(),
                terms.generalDesignation(), clean(terms.purpose()), Date.valueOf(signedOn),
                terms.expiresOn() == null ? null : Date.valueOf(terms.expiresOn()), event, clean(terms.signedBy()),
                recordedBy, Timestamp.from(clock.instant()));
        audit.recordAs(recordedBy, AuditAction.CONSENT_RECORDED, "consent", String.valueOf(id),
                (denialId == null ? "" : "denial " + denialId + "; ") + "to "
                        + (recipient == null ? "the general designation" : recipient.kind().name()));
        return find(id).orElseThrow();
    }

    /** Every consent of the patient's name, kept when it matches the patient; newest signature first. */
    private List<Consent> consentsOf(Patient patient) {
        if (!patient.named()) {
            return List.of();
        }
        return jdbc.query("""
                select * from patient_consent
                 where lower(patient_last_name) = lower(?) and lower(patient_first_name) = lower(?)
                 order by signed_on desc, id desc
                """, PatientConsents::consent, patient.lastName(), patient.firstName()).stream()
                .filter(patient::matches).toList();
    }

    private static Consent consent(ResultSet rs, int row) throws SQLException {
        Date expiresOn = rs.getDate("expires_on");
        Date birth = rs.getDate("patient_birth_date");
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        String recipientId = rs.getString("recipient_id");
        String recipientName = rs.getString("recipient_name");
        Recipient recipient = recipientId == null && recipientName == null ? null
                : new Recipient(Recipient.Kind.valueOf(rs.getString("recipient_kind")), recipientId, recipientName);
        String missing = rs.getString("missing_elements");
        return new Consent(rs.getLong("id"), rs.getString("patient_last_name"), rs.getString("patient_first_name"),
                birth == null ? null : birth.toLocalDate(), rs.getString("member_id"), rs.getString("discloser"),
                rs.getString("information"), recipient, rs.getBoolean("general_designation"),
                rs.getString("purpose"), expiresOn == null ? null : expiresOn.toLocalDate(), rs.getString("expiry_event"),
                rs.getString("signed_by"), rs.getDate("signed_on").toLocalDate(),
                revokedAt == null ? null : revokedAt.toInstant(), rs.getString("recorded_by"),
                missing == null || missing.isBlank() ? List.of() : List.of(missing.split(",")));
    }

    private static void text(Map<String, String> errors, String field, String value, int max, String missing) {
        String clean = clean(value);
        if (clean == null) {
            errors.put(field, missing);
        } else if (clean.length() > max) {
            errors.put(field, "Keep it to " + max + " characters");
        }
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
