package org.overturn.authorization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An authorization's terms once checked: what the register stores. */
public record AuthorizationTerms(String payerId, String payerName, String memberId, String patientName,
                                 String number, LevelOfCare levelOfCare, List<String> procedures, UnitType unitType,
                                 BigDecimal unitsApproved, LocalDate from, LocalDate to, String renderingNpi,
                                 String facilityNpi, LocalDate nextReviewOn, AuthorizationStatus status) {

    public AuthorizationTerms {
        procedures = List.copyOf(procedures);
    }

    /** The authorization names this code, or names no code and the code is of its level of care. */
    public boolean covers(String code) {
        if (code == null) {
            return false;
        }
        return procedures.isEmpty() ? LevelOfCare.of(code) == levelOfCare : procedures.contains(code);
    }

    public boolean spans(LocalDate day) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
