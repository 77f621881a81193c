package org.overturn.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.overturn.part2.Part2Programs;
import org.overturn.payer.ContractedRate;
import org.overturn.payer.PayerDirectory;
import org.overturn.payer.PracticeContracts;
import org.overturn.payer.PracticePayerTerms;
import org.overturn.practice.Practice;
import org.overturn.practice.Practices;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What the billing office has on file for its practices before their first files come in (the practices themselves,
 * their letterheads and who works them are {@code practice.DemoPractices}'): the SUD program registered as a Part 2
 * program of its practice, so every claim it bills is a Part 2 record, and the psychiatric group's own contract with
 * one payer (a shorter appeal window and contracted rates for its visits). The replay's files then find each practice
 * by its billing provider, as real files do.
 */
@Component
@Profile("demo")
class DemoOffice {

    /** The payer the psychiatric group has a contract of its own with: Harborview HMO. */
    static final String CONTRACTED_PAYER = "HVH45";
    /**
     * The group's participation agreement gives 60 days for a provider appeal where the directory's default for the
     * plan is longer. A demo contract, not a payer fact.
     */
    static final int CONTRACTED_APPEAL_DAYS = 60;
    /** What the agreement allows for the group's office visits (a demo contract, not a fee schedule). */
    static final List<ContractedRate> CONTRACTED_RATES = List.of(
            new ContractedRate("99213", new BigDecimal("98.00"), LocalDate.of(2025, 1, 1)),
            new ContractedRate("99214", new BigDecimal("141.00"), LocalDate.of(2025, 1, 1)));

    private final Practices practices;
    private final Part2Programs part2Programs;
    private final PayerDirectory payerDirectory;
    private final PracticeContracts contracts;

    DemoOffice(Practices practices, Part2Programs part2Programs, PayerDirectory payerDirectory,
               PracticeContracts contracts) {
        this.practices = practices;
        this.part2Programs = part2Programs;
        this.payerDirectory = payerDirectory;
        this.contracts = contracts;
    }

    /** The practice on file whose billing NPI is the clinic's. */
    long practiceOf(Clinic clinic) {
        return practices.list().stream().filter(p -> clinic.npi().equals(p.groupNpi())).map(Practice::id)
                .findFirst().orElseThrow(() -> new IllegalStateException("no practice bills as " + clinic.npi()));
    }

    void prepare() {
        Clinic sud = Clinic.sudProgram();
        part2Programs.flag(sud.npi(), "Harbor Light Recovery Program (outpatient SUD)", practiceOf(sud), "demo");
        Payer payer = Payer.catalog().stream().filter(p -> p.payerId().equals(CONTRACTED_PAYER)).findFirst()
                .orElseThrow();
        // the directory knows the payer before a practice's terms with it can be saved
        payerDirectory.appealLimitDays(payer.payerId(), payer.name(), payer.planType().filingIndicator());
        contracts.save(new PracticePayerTerms(practiceOf(Clinic.psychiatricGroup()), payer.payerId(),
                CONTRACTED_APPEAL_DAYS, null, null, null, null, null, CONTRACTED_RATES, null, null), "demo");
    }
}
