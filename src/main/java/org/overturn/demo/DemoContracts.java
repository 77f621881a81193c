package org.overturn.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.overturn.payer.ContractedRate;
import org.overturn.payer.PayerDirectory;
import org.overturn.payer.PracticeContracts;
import org.overturn.payer.PracticePayerTerms;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's contract with Keystone Peak, on file before the replay so its 835s are compared with it: every
 * code at the plan's fee schedule (74% of the clinic's charge, what the plan allows), except 90837, which the
 * contract's latest amendment raised to 168.00 and the plan has not loaded yet. Every paid Keystone 90837 line is
 * then an underpayment of 5.20 a visit, and so is a claim the plan paid again on a lower schedule after taking it back.
 */
@Component
class DemoContracts {

    static final String PAYER = "KPH01";
    static final BigDecimal AMENDED_90837 = new BigDecimal("168.00");

    private final PracticeContracts contracts;
    private final PayerDirectory directory;
    private final JdbcTemplate jdbc;

    DemoContracts(PracticeContracts contracts, PayerDirectory directory, JdbcTemplate jdbc) {
        this.contracts = contracts;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /** Enters the contract for the practice whose NPI the demo clinic bills under; false when no such practice. */
    boolean enter(Clinic clinic, LocalDate from) {
        List<Long> practice = jdbc.queryForList("select id from practice_report where group_npi = ?", Long.class,
                clinic.npi());
        Payer payer = Payer.catalog().stream().filter(p -> p.payerId().equals(PAYER)).findFirst().orElseThrow();
        if (practice.isEmpty()) {
            return false;
        }
        directory.appealLimitDays(payer.payerId(), payer.name(), payer.planType().filingIndicator());
        List<ContractedRate> rates = new ArrayList<>();
        for (Procedure procedure : Procedure.values()) {
            BigDecimal rate = procedure.code().equals("90837") ? AMENDED_90837
                    : procedure.charge(1).multiply(payer.allowedRate()).setScale(2, RoundingMode.HALF_UP);
            rates.add(new ContractedRate(procedure.code(), rate, from));
        }
        contracts.save(new PracticePayerTerms(practice.get(0), payer.payerId(), null, null, null, null, null, null,
                rates, null, null), "demo");
        return true;
    }
}
