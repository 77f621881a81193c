package org.overturn.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One service line as the clinic billed it. */
record BilledLine(Procedure procedure, List<String> modifiers, LocalDate serviceDate, int units, BigDecimal charge,
                  boolean telehealth) {

    BilledLine {
        modifiers = List.copyOf(modifiers);
    }
}
