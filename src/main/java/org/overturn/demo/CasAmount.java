package org.overturn.demo;

import java.math.BigDecimal;

/** One CAS triplet: group, CARC and amount. */
record CasAmount(String group, String reason, BigDecimal amount) {

    CasAmount negated() {
        return new CasAmount(group, reason, amount.negate());
    }

    boolean isPatientResponsibility() {
        return "PR".equals(group);
    }
}
