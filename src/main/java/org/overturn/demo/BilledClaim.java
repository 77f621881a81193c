package org.overturn.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A claim as the clinic sent it: who, by whom, where (CLP08: place of service, or facility type 76 for a
 * per-diem claim on a UB-04) and which lines.
 */
record BilledClaim(String patientControlNumber, Patient patient, Clinician clinician, EncounterType type,
                   String facilityCode, List<BilledLine> lines) {

    BilledClaim {
        lines = List.copyOf(lines);
    }

    BigDecimal charge() {
        return lines.stream().map(BilledLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    LocalDate firstServiceDate() {
        return lines.stream().map(BilledLine::serviceDate).min(LocalDate::compareTo).orElseThrow();
    }

    LocalDate lastServiceDate() {
        return lines.stream().map(BilledLine::serviceDate).max(LocalDate::compareTo).orElseThrow();
    }

    boolean institutional() {
        return EncounterType.INSTITUTIONAL_FACILITY.equals(facilityCode);
    }
}
