package org.overturn.part2;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounting of disclosures of Part 2 records made with consent (42 CFR 2.25(a)): for each recipient a record went
 * to, when, who received it and where, what it was, for which purpose and under which consent. Kept per patient as the
 * record named them (name and date of birth), so a patient's accounting spans their plans.
 */
@Service
public class Disclosures {

    /** One disclosure to one recipient. Holds PHI: never log it. */
    public record Disclosure(long id, long denialId, Long consentId, String patientLastName, String patientFirstName,
                             LocalDate patientBirthDate, String memberId, Recipient.Kind recipientKind,
                             String recipientId, String recipientName, String address, String information,
                             String purpose, String disclosedBy, Instant disclosedAt) {
    }

    private final JdbcTemplate jdbc;
    private final PatientConsents consents;
    private final Clock clock;

    Disclosures(JdbcTemplate jdbc, PatientConsents consents, Clock clock) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.clock = clock;
    }

    /**
     * Accounts for a disclosure of the denial's record to the recipient under the consent, in the caller's transaction
     * (the one that records the sending), so a record sent is a record accounted for.
     *
     * @param address     where it went (an email address), or null
     * @param information what was disclosed, in a few words ("appeal letter, level 1, with 2 enclosures")
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long denialId, Consent consent, Recipient recipient, String address, String information,
                       String disclosedBy) {
        PatientConsents.Patient patient = consents.patientOf(denialId)
                .orElseThrow(() -> new IllegalArgumentException("No denial " + denialId));
        LocalDate born = patient.birthDate() != null ? patient.birthDate()
                : consent == null ? null : consent.patientBirthDate();
        jdbc.update("""
                insert into part2_disclosure (denial_id, consent_id, patient_last_name, patient_first_name,
                    patient_birth_date, member_id, recipient_kind, recipient_id, recipient_name, address, information,
                    purpose, disclosed_by, disclosed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", denialId, consent == null ? null : consent.id(),
                patient.lastName(), patient.firstName(), born == null ? null : Date.valueOf(born), patient.memberId(),
                recipient.kind().name(), recipient.id(), recipient.name(), address, information,
                consent == null ? null : consent.purpose(), disclosedBy, Timestamp.from(clock.instant()));
    }

    /**
     * The accounting of one patient: every disclosure of a record naming them (last and first name ignoring case,
     * and the date of birth when given: then a record without one is someone else's), newest first, from the day
     * given on.
     */
    @Transactional(readOnly = true)
    public List<Disclosure> ofPatient(String lastName, String firstName, LocalDate birthDate, LocalDate from) {
        if (lastName == null || lastName.isBlank() || firstName == null || firstName.isBlank()) {
            throw new Part2Problem(Part2Problem.Kind.INVALID, "Name the patient", java.util.Map.of(
                    "patient", "Give the patient's last and first name"));
        }
        return jdbc.query("""
                select * from part2_disclosure
                 where lower(patient_last_name) = lower(?) and lower(patient_first_name) = lower(?)
                   and (cast(? as date) is null or patient_birth_date = ?)
                   and disclosed_at >= ?
                 order by disclosed_at desc, id desc
                """, Disclosures::disclosure, lastName.trim(), firstName.trim(),
                birthDate == null ? null : Date.valueOf(birthDate), birthDate == null ? null : Date.valueOf(birthDate),
                Timestamp.valueOf((from == null ? LocalDate.of(1900, 1, 1) : from).atStartOfDay()));
    }

    /** The accounting of the patient of that denial (by name and date of birth): every disclosure naming them. */
    @Transactional(readOnly = true)
    public List<Disclosure> ofPatientOf(long denialId) {
        PatientConsents.Patient patient = consents.patientOf(denialId)
                .orElseThrow(() -> new Part2Problem(Part2Problem.Kind.NOT_FOUND, "No denial " + denialId));
        if (!patient.named()) {
            return jdbc.query("select * from part2_disclosure where denial_id = ? order by disclosed_at desc, id desc",
                    Disclosures::disclosure, denialId);
        }
        return ofPatient(patient.lastName(), patient.firstName(), patient.birthDate(), null);
    }

    private static Disclosure disclosure(ResultSet rs, int row) throws SQLException {
        Date born = rs.getDate("patient_birth_date");
        long consentId = rs.getLong("consent_id");
        Long consent = rs.wasNull() ? null : consentId;
        return new Disclosure(rs.getLong("id"), rs.getLong("denial_id"), consent, rs.getString("patient_last_name"),
                rs.getString("patient_first_name"), born == null ? null : born.toLocalDate(), rs.getString("member_id"),
                Recipient.Kind.valueOf(rs.getString("recipient_kind")), rs.getString("recipient_id"),
                rs.getString("recipient_name"), rs.getString("address"), rs.getString("information"),
                rs.getString("purpose"), rs.getString("disclosed_by"), rs.getTimestamp("disclosed_at").toInstant());
    }
}
