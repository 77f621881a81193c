package org.overturn.authorization;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.overturn.practice.PracticeRef;

/**
 * An authorization on file with its use: {@code unitsUsed} counts the units (days, or visits: distinct dates) of
 * the 837 lines on file that carry its number (REF*G1 of the line, else of the claim), are for a service it covers
 * and fall within its span, each claim counted in its latest submission and not at all once voided, less the lines
 * an 835 on file denied (they used nothing of it); {@code unitsPaid} is the part of those an 835 on file paid;
 * {@code unitsLeft} is approved minus used, never below zero. Only its own practice's claims count, and only they
 * are checked against it: {@code practice} is the practice it was granted to. Holds PHI.
 */
public record Authorization(long id, String payerId, String payerName, String memberId, String patientName,
                            String number, LevelOfCare levelOfCare, List<String> procedures, UnitType unitType,
                            BigDecimal unitsApproved, LocalDate from, LocalDate to, String renderingNpi,
                            String facilityNpi, LocalDate nextReviewOn, AuthorizationStatus status,
                            AuthorizationSource source, boolean part2, BigDecimal unitsUsed, BigDecimal unitsPaid,
                            BigDecimal unitsLeft, Instant createdAt, String createdBy, Instant updatedAt,
                            String updatedBy, PracticeRef practice) {

    @JsonIgnore
    public AuthorizationTerms terms() {
        return new AuthorizationTerms(payerId, payerName, memberId, patientName, number, levelOfCare, procedures,
                unitType, unitsApproved, from, to, renderingNpi, facilityNpi, nextReviewOn, status);
    }

    /** "03/01/2026 to 05/31/2026", as a letter prints the span. */
    @JsonIgnore
    public String spanText() {
        var format = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy");
        return format.format(from) + " to " + format.format(to);
    }
}
