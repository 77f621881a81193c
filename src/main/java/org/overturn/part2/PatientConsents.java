package org.overturn.part2;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Patients' written consents to disclose Part 2 records to a payer (42 CFR 2.31). A denial's patient is the
 * patient of its claim payment and its payer the denial's: consents are matched by member id when the claim
 * carries one, else by last and first name ignoring case. Every consent recorded or revoked is audited.
 */
@Service
public class PatientConsents {

    static final int MAX_PURPOSE = 2000;

    /** The patient and payer of a denial, as the 835 named them. */
    record Patient(String memberId, String lastName, String firstName, String payerId) {

        boolean named() {
            return memberId != null || (lastName != null && firstName != null);
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
     * Puts a signed consent on file. {@link Part2Problem} INVALID, with the fields at fault, when the patient
     * or payer is not named, the purpose is missing, the consent is signed in the future or expires before it
     * was signed.
     */
    public Consent record(String memberId, String lastName, String firstName, String payerId, String purpose,
                          LocalDate signedOn, LocalDate expiresOn, String recordedBy) {
        return record(new Patient(clean(memberId), clean(lastName), clean(firstName), clean(payerId)), purpose,
                signedOn, expiresOn, recordedBy, null);
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
        LocalDate today = LocalDate.now(clock);
        return patientOf(denialId).filter(p -> p.payerId() != null)
                .flatMap(p -> consentsOf(p, true).stream().filter(c -> c.validOn(today))
                        .max(Comparator.comparing(Consent::signedOn).thenComparing(Consent::id)));
    }

    /** The consents of that denial's patient, for any payer, newest signature first. */
    public List<Consent> forDenial(long denialId) {
        return patientOf(denialId).map(p -> consentsOf(p, false)).orElse(List.of());
    }

    /** Records a consent for the denial's patient to disclose to the denial's payer. */
    public Consent recordForDenial(long denialId, String purpose, LocalDate signedOn, LocalDate expiresOn,
                            String recordedBy) {
        Patient patient = patientOf(denialId)
                .orElseThrow(() -> new Part2Problem(Part2Problem.Kind.NOT_FOUND, "No denial " + denialId));
        return record(patient, purpose, signedOn, expiresOn, recordedBy, denialId);
    }

    Optional<Patient> patientOf(long denialId) {
        return jdbc.query("""
                select cp.member_id, cp.patient_last_name, cp.patient_first_name, d.payer_id
                  from denial_report d join remittance_claim_report cp on cp.id = d.claim_payment_id
                 where d.id = ?
                """, (rs, i) -> new Patient(clean(rs.getString(1)), clean(rs.getString(2)), clean(rs.getString(3)),
                clean(rs.getString(4))), denialId).stream().findFirst();
    }

    Optional<Consent> find(long consentId) {
        return jdbc.query("select * from patient_consent where id = ?", PatientConsents::consent, consentId)
                .stream().findFirst();
    }

    private Consent record(Patient patient, String purpose, LocalDate signedOn, LocalDate expiresOn,
                           String recordedBy, Long denialId) {
        String cleanPurpose = clean(purpose);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!patient.named()) {
            errors.put("patient", "Name the patient: a member id, or last and first name");
        } else if (tooLong(patient.memberId(), 80) || tooLong(patient.lastName(), 60)
                || tooLong(patient.firstName(), 35)) {
            errors.put("patient", "A member id has at most 80 characters, a last name 60, a first name 35");
        }
        if (patient.payerId() == null) {
            errors.put("payerId", "Name the payer the consent lets the records go to");
        } else if (tooLong(patient.payerId(), 80)) {
            errors.put("payerId", "A payer id has at most 80 characters");
        }
        if (cleanPurpose == null) {
            errors.put("purpose", "State the purpose of the disclosure as the consent does");
        } else if (cleanPurpose.length() > MAX_PURPOSE) {
            errors.put("purpose", "Keep the purpose to " + MAX_PURPOSE + " characters");
        }
        if (signedOn == null) {
            errors.put("signedOn", "Enter the day the patient signed");
        } else if (signedOn.isAfter(LocalDate.now(clock))) {
            errors.put("signedOn", "A consent cannot be signed in the future");
        }
        if (expiresOn != null && signedOn != null && !expiresOn.isAfter(signedOn)) {
            errors.put("expiresOn", "A consent must expire after the day it was signed");
        }
        if (!errors.isEmpty()) {
            throw new Part2Problem(Part2Problem.Kind.INVALID, "The consent cannot be recorded", errors);
        }
        Long id = jdbc.queryForObject("""
                insert into patient_consent (member_id, patient_last_name, patient_first_name, payer_id, purpose,
                                             signed_on, expires_on, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, patient.memberId(), patient.lastName(), patient.firstName(), patient.payerId(),
                cleanPurpose, Date.valueOf(signedOn), expiresOn == null ? null : Date.valueOf(expiresOn), recordedBy,
                Timestamp.from(clock.instant()));
        audit.recordAs(recordedBy, AuditAction.CONSENT_RECORDED, "consent", String.valueOf(id),
                (denialId == null ? "" : "denial " + denialId + "; ") + "payer " + patient.payerId());
        return find(id).orElseThrow();
    }

    /** By member id when the claim has one, else by name; to the patient's payer only, or to any. */
    private List<Consent> consentsOf(Patient patient, boolean thisPayerOnly) {
        if (!patient.named()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select * from patient_consent where ");
        if (patient.memberId() != null) {
            sql.append("member_id = ?");
            args.add(patient.memberId());
        } else {
            sql.append("lower(patient_last_name) = lower(?) and lower(patient_first_name) = lower(?)");
            args.add(patient.lastName());
            args.add(patient.firstName());
        }
        if (thisPayerOnly) {
            sql.append(" and payer_id = ?");
            args.add(patient.payerId());
        }
        sql.append(" order by signed_on desc, id desc");
        return jdbc.query(sql.toString(), PatientConsents::consent, args.toArray());
    }

    private static Consent consent(ResultSet rs, int row) throws SQLException {
        Date expiresOn = rs.getDate("expires_on");
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new Consent(rs.getLong("id"), rs.getString("member_id"), rs.getString("patient_last_name"),
                rs.getString("patient_first_name"), rs.getString("payer_id"), rs.getString("purpose"),
                rs.getDate("signed_on").toLocalDate(), expiresOn == null ? null : expiresOn.toLocalDate(),
                revokedAt == null ? null : revokedAt.toInstant(), rs.getString("recorded_by"));
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
