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
    private final PlanRegimes regimes;
    private final ParityAuthorizations authorizations;

    ParityLetters(Letters letters, ParityCases cases, ParityScreen screen, PayerParityFacts payerFacts,
                  Denials denials, PlanRegimes regimes, ParityAuthorizations authorizations) {
        this.regimes = regimes;
        this.authorizations = authorizations;
        this.letters = letters;
        this.cases = cases;
        this.screen = screen;
        this.payerFacts = payerFacts;
        this.denials = denials;
    }

    /**
     * What an appeal letter says about parity: nothing unless a specialist confirmed the concern and the plan's
     * regime is one parity binds.
     */
    @Override
    public LetterFacts.Parity of(long denialId) {
        if (cases.caseOf(denialId).filter(ParityCases.ParityCase::confirmed).isEmpty()) {
            return null;
        }
        var denial = denials.find(denialId).orElseThrow();
        ParityRegime regime = regimes.of(denial.planType(), denial.payerId());
        // an appeal letter argues parity only under a regime that binds the plan; it never waits for one
        return ParityLaw.shipped().rule(regime).applicable() ? facts(denialId, null, false) : null;
    }

    public Letters.LetterVersion renderRequest(long denialId, LocalDate responseDue, String user) {
        return letters.render(denialId, LetterKind.PARITY_ANALYSIS_REQUEST, 0, null, user,
                facts(denialId, responseDue, false));
    }

    public Letters.LetterVersion renderComplaint(long denialId, String argument, String user) {
        return letters.render(denialId, LetterKind.PARITY_COMPLAINT, 0, argument, user,
                facts(denialId, null, true));
    }

    /** The regulator a complaint about this denial's plan goes to. */
    public String regulatorOf(long denialId) {
        var denial = denials.find(denialId).orElseThrow();
        ParityFacts payer = payerFacts.of(denial.payerId());
        return Regulators.forRegime(applicable(regimes.of(denial.planType(), denial.payerId(), payer)), payer)
                .orElseThrow().name();
    }

    /**
     * The provisions a letter under the regime rests on (in force only, each with its source) and those it does not
     * lean on (the 2024 final rule's provisions under the May 2025 non-enforcement statement, named so the reader
     * sees they were left aside on purpose).
     */
    public static Law lawOf(ParityRegime regime) {
        ParityLaw law = ParityLaw.shipped();
        ParityLaw.RegimeRule rule = law.rule(applicable(regime));
        List<String> cited = rule.citations().stream()
                .filter(c -> c.enforcement() == ParityLaw.Enforcement.IN_FORCE).map(ParityLaw.Citation::forLetter)
                .toList();
        List<String> notRelied = rule.notRelied().stream().map(c -> c.citation() + ": " + c.note()).toList();
        return new Law(rule.law(), cited, notRelied);
    }

    /** What a letter says of the law: its name, the citations it rests on, the provisions it leaves aside. */
    public record Law(String name, List<String> citations, List<String> notRelied) {
    }

    /** A regime a parity letter can be written under; anything else stops the letter with what to do. */
    private static ParityRegime applicable(ParityRegime regime) {
        ParityLaw.RegimeRule rule = ParityLaw.shipped().rule(regime);
        if (regime == ParityRegime.UNKNOWN) {
            throw new IllegalStateException(ParityScreen.ASK_FOR_REGIME);
        }
        if (!rule.applicable()) {
            throw new IllegalStateException("No parity letter: " + rule.reason());
        }
        return regime;
    }

    private LetterFacts.Parity facts(long denialId, LocalDate responseDue, boolean complaint) {
        var denial = denials.find(denialId).orElseThrow();
        // a screen that asked for the regime runs again, so its question never reaches a letter
        ScreenResult result = screen.resultOf(denialId).filter(r -> !r.asksForRegime())
                .orElseGet(() -> screen.screen(denialId));
        var parityCase = cases.caseOf(denialId);
        ParityFacts payer = payerFacts.of(denial.payerId());
        // the regime as the directory says it now: a fact filled in since the screen counts
        ParityRegime regime = regimes.of(denial.planType(), denial.payerId(), payer);
        Law law = lawOf(regime);
        var regulator = Regulators.forRegime(regime, payer).orElseThrow();
        var authorization = authorizations.valid(denialId, complaint);
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
        return new LetterFacts.Parity(regime.name(), law.name(), result.limitation(),
                result.limitationLabel(), result.risk().name(), stripPeriod(result.reason()),
                result.levelOfCare().name(), sentOn, due == null ? null : SHORT_DATE.format(due),
                parityCase.map(ParityCases.ParityCase::responseSummary).orElse(null), regulator.name(),
                regulator.address(), regulator.howToFile(), evidence, law.citations(), law.notRelied(),
                authorization.isPresent(), authorization.map(ParityAuthorizations.Authorization::describe).orElse(null));
    }

    private static String stripPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
