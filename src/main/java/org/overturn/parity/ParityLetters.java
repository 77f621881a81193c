package org.overturn.parity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.overturn.denial.Denials;
import org.overturn.letters.AppealParity;
import org.overturn.letters.LetterFacts;
import org.overturn.letters.LetterKind;
import org.overturn.letters.Letters;
import org.springframework.stereotype.Service;

/**
 * The documents of a parity case: the request for the plan's comparative analysis, the complaint to its
 * regulator, and the parity facts an appeal letter argues once a specialist confirmed the concern.
 */
@Service
public class ParityLetters implements AppealParity {

    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    private final Letters letters;
    private final ParityCases cases;
    private final ParityScreen screen;
    private final PayerParityFacts payerFacts;
    private final Denials denials;

    ParityLetters(Letters letters, ParityCases cases, ParityScreen screen, PayerParityFacts payerFacts,
                  Denials denials) {
        this.letters = letters;
        this.cases = cases;
        this.screen = screen;
        this.payerFacts = payerFacts;
        this.denials = denials;
    }

    /** What an appeal letter says about parity: nothing unless a specialist confirmed the concern. */
    @Override
    public LetterFacts.Parity of(long denialId) {
        return cases.caseOf(denialId).filter(ParityCases.ParityCase::confirmed).map(c -> facts(denialId, null))
                .orElse(null);
    }

    public Letters.LetterVersion renderRequest(long denialId, LocalDate responseDue, String user) {
        return letters.render(denialId, LetterKind.PARITY_ANALYSIS_REQUEST, 0, null, user, facts(denialId, responseDue));
    }

    public Letters.LetterVersion renderComplaint(long denialId, String argument, String user) {
        return letters.render(denialId, LetterKind.PARITY_COMPLAINT, 0, argument, user, facts(denialId, null));
    }

    /** The regulator a complaint about this denial's plan goes to. */
    public String regulatorOf(long denialId) {
        var denial = denials.find(denialId).orElseThrow();
        return Regulators.forPlan(denial.planType(), payerFacts.of(denial.payerId())).name();
    }

    private LetterFacts.Parity facts(long denialId, LocalDate responseDue) {
        var denial = denials.find(denialId).orElseThrow();
        ScreenResult result = screen.resultOf(denialId).orElseGet(() -> screen.screen(denialId));
        var parityCase = cases.caseOf(denialId);
        var regulator = Regulators.forPlan(denial.planType(), payerFacts.of(denial.payerId()));
        String sentOn = parityCase.map(ParityCases.ParityCase::requestSentAt)
                .map(at -> SHORT_DATE.format(at.atZone(ZoneId.systemDefault()))).orElse(null);
        LocalDate due = responseDue != null ? responseDue
                : parityCase.map(ParityCases.ParityCase::responseDue).orElse(null);
        List<String> evidence = new ArrayList<>();
        evidence.add("The payer's denial: remittance of " + (denial.remittanceDate() == null ? "unknown date"
                : SHORT_DATE.format(denial.remittanceDate())) + ", reason " + denial.primaryReason());
        letters.latest(denialId, LetterKind.APPEAL, Math.max(1, denial.appealLevel()))
                .ifPresent(v -> evidence.add("Our appeal (level " + v.appealLevel() + ") of "
                        + SHORT_DATE.format(v.renderedAt().atZone(ZoneId.systemDefault()))));
        if (sentOn != null) {
            evidence.add("Our request for the plan's comparative analysis of " + sentOn);
        }
        parityCase.map(ParityCases.ParityCase::responseSummary).filter(s -> s != null && !s.isBlank())
                .ifPresent(s -> evidence.add("The plan's answer, as received"));
        evidence.add("The clinical records supporting the services (enclosed)");
        return new LetterFacts.Parity(result.regime(), law(result.regime()), result.limitation(),
                result.limitationLabel(), result.risk().name(), stripPeriod(result.reason()),
                result.levelOfCare().name(), sentOn, due == null ? null : SHORT_DATE.format(due),
                parityCase.map(ParityCases.ParityCase::responseSummary).orElse(null), regulator.name(),
                regulator.address(), regulator.howToFile(), evidence);
    }

    private static String law(String regime) {
        return "MEDICAID_MANAGED_CARE".equals(regime)
                ? "the Medicaid managed care parity rule (42 CFR 438 subpart K)"
                : "the Mental Health Parity and Addiction Equity Act (29 U.S.C. 1185a; 29 CFR 2590.712; "
                        + "45 CFR 146.136)";
    }

    private static String stripPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
