package org.overturn.letters;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.ClaimPerson;
import org.overturn.claim.ClaimProvider;
import org.overturn.claim.ProviderCredential;
import org.overturn.claim.TimelyFiling;
import org.overturn.authorization.Authorization;
import org.overturn.authorization.AuthorizationCheck;
import org.overturn.denial.BilledClaims;
import org.overturn.denial.DenialAuthorizations;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.overturn.accounts.UserNames;
import org.overturn.correction.CorrectedClaims;
import org.overturn.denial.DenialView;
import org.overturn.denial.ReasonCodeList;
import org.overturn.denial.RootCause;
import org.overturn.practice.Letterhead;
import org.overturn.practice.Practice;
import org.overturn.practice.Practices;
import org.overturn.payer.PayerDirectory;
import org.overturn.payer.PayerProfile;
import org.overturn.payer.PlanType;
import org.overturn.codeset.BehavioralHealthCodes;
import org.overturn.codeset.CodeSet;
import org.overturn.denial.AppealDeadlines;
import org.overturn.denial.AppealStep;
import org.overturn.regime.AppealRecipients;
import org.overturn.regime.AppealRegime;
import org.overturn.regime.AppealRegimes;
import org.overturn.regime.RecipientKind;
import org.overturn.regime.RegimeLevel;
import org.overturn.remittance.ClaimRecords;
import org.springframework.stereotype.Component;

/**
 * Gathers what a letter says about one denial: the claim and its lines from the 835, the payer's address from
 * the directory, every code with its official wording, the latest correction, the attached documents, the
 * biller's argument, and who signs.
 */
@Component
class LetterFactsAssembler {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private static final Map<RootCause, String> LABELS = Map.ofEntries(
            Map.entry(RootCause.AUTHORIZATION, "Authorization"), Map.entry(RootCause.ELIGIBILITY, "Eligibility"),
            Map.entry(RootCause.CODING, "Coding"), Map.entry(RootCause.TELEHEALTH, "Telehealth billing"),
            Map.entry(RootCause.MISSING_INFORMATION, "Missing information"),
            Map.entry(RootCause.MEDICAL_NECESSITY, "Medical necessity"),
            Map.entry(RootCause.BENEFIT_LIMIT, "Benefit limit"), Map.entry(RootCause.NON_COVERED, "Non-covered service"),
            Map.entry(RootCause.TIMELY_FILING, "Timely filing"), Map.entry(RootCause.DUPLICATE, "Duplicate claim"),
            Map.entry(RootCause.CREDENTIALING, "Provider credentialing"),
            Map.entry(RootCause.COORDINATION_OF_BENEFITS, "Coordination of benefits"),
            Map.entry(RootCause.BUNDLING, "Bundling"), Map.entry(RootCause.OTHER, "Other"));

    private final ClaimRecords claims;
    private final PayerDirectory payers;
    private final CorrectedClaims corrections;
    private final LetterAttachments attachments;
    private final UserNames names;
    private final LettersProperties properties;
    private final Clock clock;
    private final ReasonCodeList codes = ReasonCodeList.shipped();

    private final BilledClaims billedClaims;
    private final DenialAuthorizations authorizations;
    private final AppealDeadlines deadlines;
    private final AppealRegimes regimes;
    private final AppealRecipients recipients;

    private final Practices practices;

    LetterFactsAssembler(ClaimRecords claims, PayerDirectory payers, CorrectedClaims corrections,
                         LetterAttachments attachments, UserNames names, LettersProperties properties,
                         Clock clock, BilledClaims billedClaims, DenialAuthorizations authorizations,
                         AppealDeadlines deadlines, AppealRegimes regimes, AppealRecipients recipients,
                         Practices practices) {
        this.practices = practices;
        this.deadlines = deadlines;
        this.regimes = regimes;
        this.recipients = recipients;
        this.billedClaims = billedClaims;
        this.authorizations = authorizations;
        this.claims = claims;
        this.payers = payers;
        this.corrections = corrections;
        this.attachments = attachments;
        this.names = names;
        this.properties = properties;
        this.clock = clock;
    }

    LetterFacts assemble(DenialView denial, LetterKind kind, int appealLevel, String argument,
                         MedicalNecessity necessity, String preparedBy, LetterFacts.Parity parity) {
        ClaimRecords.ClaimRecord claim = claims.find(denial.claimPaymentId())
                .orElseThrow(() -> new IllegalStateException("denial " + denial.id() + " has no stored claim"));
        PayerProfile payer = denial.payerId() == null ? null : payers.profile(denial.payerId()).orElse(null);
        var latestCorrection = corrections.of(denial.id()).stream().reduce((a, b) -> b)
                .map(c -> new LetterFacts.Correction(c.whatChanged(), c.reason(),
                        SHORT_DATE.format(c.correctedAt().atZone(clock.getZone()))))
                .orElse(null);
        // exactly what LetterMailer sends with the letter: the denial's attachments, nothing else
        List<String> enclosures = attachments.of(denial.id()).stream().map(LetterAttachments.Attachment::fileName)
                .toList();
        var billedClaim = billedClaims.of(denial.claimPaymentId(), denial.payerId());
        LetterFacts.Payer payerFacts = payer(denial, payer);
        Practice practice = letterheadOf(claim);
        return new LetterFacts(LONG_DATE.format(LocalDate.now(clock)), practice(claim, practice), payerFacts,
                claimBlock(denial, claim), lines(claim), reasons(claim), denial.rootCause().name(),
                LABELS.getOrDefault(denial.rootCause(), denial.rootCause().name()), denial.explanation(),
                appealLevel, levelName(appealLevel), paragraphs(argument), enclosures, signer(preparedBy, practice),
                denial.part2(), parity != null, latestCorrection, parity,
                billedClaim.map(LetterFactsAssembler::billed).orElse(null),
                appeal(denial, claim, payer, billedClaim.map(b -> b.stored().claim()).orElse(null), necessity),
                authorizations.findingOf(denial).map(LetterFactsAssembler::authorization).orElse(null),
                route(denial, kind, appealLevel, payer, payerFacts, claim));
    }

    /**
     * The level of the denial's regime this appeal letter files: the letter's level on the ladder of the regime
     * the denial stands on. Its due date and the decision it answers are the denial's when that level is the one
     * being worked. Null for a letter that is no appeal, and for a denial that is not appealable.
     */
    private LetterFacts.Route route(DenialView denial, LetterKind kind, int appealLevel, PayerProfile payer,
                                    LetterFacts.Payer payerFacts, ClaimRecords.ClaimRecord claim) {
        if (kind != LetterKind.APPEAL || appealLevel < 1) {
            return null;
        }
        Optional<AppealStep> step = deadlines.describe(denial.id());
        if (step.isEmpty()) {
            return null;
        }
        AppealRegime regime = step.get().regime();
        Optional<RegimeLevel> row = regimes.level(regime, appealLevel);
        if (row.isEmpty()) {
            return null;
        }
        boolean current = step.get().level() == appealLevel;
        AppealRecipients.Recipient recipient = row.get().recipient() == RecipientKind.PAYER ? null
                : recipients.find(row.get().recipient(), payer == null ? null : payer.state()).orElse(null);
        LocalDate previousDecision = appealLevel > 1 && current
                ? deadlines.clockStartedOn(denial.id()).orElse(null) : null;
        return route(row.get(), regimes.level(regime, appealLevel - 1).orElse(null), recipient, payerFacts,
                current ? step.get().dueOn() : null, claim.paymentDate(), previousDecision);
    }

    private static final Map<AppealRegime, String> REGIME_LABELS = Map.of(
            AppealRegime.MEDICARE_AB, "Medicare Part A/B", AppealRegime.MEDICARE_ADVANTAGE, "Medicare Advantage",
            AppealRegime.MEDICAID_FFS, "Medicaid fee-for-service",
            AppealRegime.MEDICAID_MANAGED_CARE, "Medicaid managed care", AppealRegime.ERISA, "ERISA group health plan",
            AppealRegime.COMMERCIAL_STATE, "State-regulated health plan",
            AppealRegime.PROVIDER_DISPUTE, "Network provider dispute", AppealRegime.UNKNOWN, "Health plan");

    /**
     * A level of the regime table worded for the letter: addressed to the payer's appeals desk, or to the
     * directory's recipient of the level, or (directory silent) to the body the level's notice names.
     *
     * @param previous the level before, whose decision this one answers; null at level 1
     */
    static LetterFacts.Route route(RegimeLevel row, RegimeLevel previous, AppealRecipients.Recipient recipient,
                                   LetterFacts.Payer payer, LocalDate dueOn, LocalDate initialNoticeOn,
                                   LocalDate previousDecisionOn) {
        String name;
        List<String> address;
        String email;
        if (row.recipient() == RecipientKind.PAYER) {
            name = payer.name();
            address = payer.address();
            email = payer.appealEmail();
        } else if (recipient != null) {
            name = recipient.name();
            address = recipient.address() == null ? List.of()
                    : Stream.of(recipient.address().split("\\s*[;\\n]\\s*")).filter(l -> !l.isBlank()).toList();
            email = recipient.email();
        } else {
            String unnamed = row.recipient().unnamed();
            name = Character.toUpperCase(unnamed.charAt(0)) + unnamed.substring(1);
            address = List.of();
            email = null;
        }
        // the MAC that decided a redetermination is the contractor that sent the 835
        String previousDecidedBy = previous == null ? null
                : previous.recipient() == RecipientKind.PAYER ? payer.name() : previous.decidedBy();
        return new LetterFacts.Route(row.regime().name(), REGIME_LABELS.get(row.regime()), row.level(),
                row.levelName(), row.recipient().name(), name, address, email,
                row.form() == null || row.form().isBlank() ? null : row.form(),
                dueOn == null ? null : SHORT_DATE.format(dueOn),
                initialNoticeOn == null ? null : SHORT_DATE.format(initialNoticeOn),
                previousDecisionOn == null ? null : SHORT_DATE.format(previousDecisionOn), previousDecidedBy,
                AppealCitations.of(row.regime(), row.level()).stream()
                        .map(c -> new LetterFacts.Cited(c.text(), c.source(), c.year())).toList());
    }

    private static LetterFacts.Authorization authorization(AuthorizationCheck.Result result) {
        Authorization a = result.authorization();
        if (a == null) {
            return new LetterFacts.Authorization(result.finding().name(), null, null, null, null, null, null, null,
                    null, null, result.reason());
        }
        String restrictedTo = a.renderingNpi() != null ? "rendering provider NPI " + a.renderingNpi()
                : a.facilityNpi() != null ? "facility NPI " + a.facilityNpi() : null;
        return new LetterFacts.Authorization(result.finding().name(), a.number(), SHORT_DATE.format(a.from()),
                SHORT_DATE.format(a.to()), a.levelOfCare().label().toLowerCase(Locale.ROOT),
                a.procedures().isEmpty() ? null : String.join(", ", a.procedures()),
                a.unitsApproved().toPlainString(), a.unitsUsed().toPlainString(),
                a.unitType().name().toLowerCase(Locale.ROOT), restrictedTo, result.reason());
    }

    private static LetterFacts.Appeal appeal(DenialView denial, ClaimRecords.ClaimRecord claim, PayerProfile payer,
                                             BilledClaim billed, MedicalNecessity necessity) {
        List<String> codes = new ArrayList<>();
        List<String> modifiers = new ArrayList<>();
        claim.lines().forEach(l -> {
            codes.add(l.procedure());
            codes.add(revenueCode(l.revenueCode()));
            modifiers.addAll(l.modifiers());
        });
        if (billed != null) {
            billed.lines().forEach(l -> modifiers.addAll(l.modifiers()));
        }
        return appeal(claim.filingIndicator(), payer == null ? null : payer.planType(), denial.planType(), codes,
                modifiers, billed == null ? null : billed.placeOfService(), necessity);
    }

    /**
     * The regime the letter goes to and the kinds of service its lines bill. Any one source that says Medicare is
     * enough: the 835's CLP06 (MA, MB, 16), the payer directory, the plan type the denial was scheduled with.
     */
    static LetterFacts.Appeal appeal(String filingIndicator, PlanType directoryPlan, String denialPlanType,
                                     List<String> codes, List<String> modifiers, String placeOfService,
                                     MedicalNecessity necessity) {
        List<PlanType> plans = Stream.of(PlanType.fromFilingIndicator(filingIndicator), directoryPlan,
                planType(denialPlanType)).filter(Objects::nonNull).toList();
        boolean medicare = plans.contains(PlanType.MEDICARE) || plans.contains(PlanType.MEDICARE_ADVANTAGE);
        PlanType plan = medicare
                ? (plans.contains(PlanType.MEDICARE_ADVANTAGE) ? PlanType.MEDICARE_ADVANTAGE : PlanType.MEDICARE)
                : plans.stream().filter(p -> p != PlanType.OTHER).findFirst().orElse(null);
        return new LetterFacts.Appeal(plan == null ? null : PLAN_LABELS.get(plan), medicare,
                !medicare && !plans.contains(PlanType.TRICARE), CODES.any(CodeSet.PSYCHOTHERAPY_TIME, codes),
                CODES.any(CodeSet.EM_PSYCHOTHERAPY_ADD_ON, codes),
                codes.stream().anyMatch(c -> c != null && CODES.isPerDiemLevelOfCare(c)),
                telehealth(modifiers, placeOfService), LetterFacts.Necessity.of(necessity));
    }

    private static final BehavioralHealthCodes CODES = BehavioralHealthCodes.shipped();

    /** "modifier 95; place of service 10" for the marks of telehealth the claim carries, null when none. */
    static String telehealth(List<String> modifiers, String placeOfService) {
        List<String> marks = new ArrayList<>();
        modifiers.stream().filter(m -> CODES.contains(CodeSet.TELEHEALTH_MODIFIER, m))
                .map(m -> m.strip().toUpperCase(Locale.ROOT)).distinct().sorted()
                .forEach(m -> marks.add("modifier " + m));
        if (CODES.contains(CodeSet.TELEHEALTH_PLACE_OF_SERVICE, placeOfService)) {
            marks.add("place of service " + placeOfService.strip());
        }
        return marks.isEmpty() ? null : String.join("; ", marks);
    }

    private static final Map<PlanType, String> PLAN_LABELS = Map.of(PlanType.COMMERCIAL, "Commercial",
            PlanType.MEDICARE, "Medicare", PlanType.MEDICARE_ADVANTAGE, "Medicare Advantage",
            PlanType.MEDICAID, "Medicaid", PlanType.TRICARE, "TRICARE");

    private static PlanType planType(String name) {
        try {
            return name == null ? null : PlanType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Revenue codes are four digits; some payers drop the leading zero (912 for 0912). */
    private static String revenueCode(String code) {
        return code != null && code.matches("\\d{3}") ? "0" + code : code;
    }

    private static LetterFacts.Billed billed(BilledClaims.BilledClaim b) {
        BilledClaim c = b.stored().claim();
        ClaimPerson patient = c.patient() != null ? c.patient() : c.subscriber();
        ClaimProvider rendering = c.renderedBy();
        ProviderCredential credential = rendering == null ? null : rendering.credential();
        TimelyFiling filing = b.timelyFiling();
        return new LetterFacts.Billed(
                patient == null || patient.birthDate() == null ? null : SHORT_DATE.format(patient.birthDate()),
                c.diagnoses().stream().map(LetterFactsAssembler::icdWithDot).toList(),
                rendering == null ? null : rendering.displayName(), rendering == null ? null : rendering.npi(),
                credential == null ? null : credential.label(), c.priorAuthorization(), c.referral(),
                filing.firstSubmittedOn() == null ? null : SHORT_DATE.format(filing.firstSubmittedOn()),
                // the batch reference is the latest sending's: cited only when that sending was the first
                Objects.equals(b.stored().submittedOn(), filing.firstSubmittedOn()) ? b.stored().reference() : null,
                filing.acceptedOn() == null ? null : SHORT_DATE.format(filing.acceptedOn()), filing.proof(),
                filing.daysToFiling(), filing.limitDays(), Boolean.TRUE.equals(filing.withinLimit()),
                filing.proofOnFile());
    }

    /** ICD-10-CM is sent without its dot (F331); a letter prints it as a reviewer reads it (F33.1). */
    static String icdWithDot(String code) {
        return code != null && code.length() > 3 && code.indexOf('.') < 0
                ? code.substring(0, 3) + "." + code.substring(3) : code;
    }

    /**
     * The practice the denial is for, when it has a letterhead of its own (an address); null: the configured
     * letterhead, as for a practice recognised from a file that nobody has described yet.
     */
    private Practice letterheadOf(ClaimRecords.ClaimRecord claim) {
        return practices.find(claims.practiceOf(claim.id()))
                .filter(p -> !p.letterhead().addressLines().isEmpty()).orElse(null);
    }

    private LetterFacts.Practice practice(ClaimRecords.ClaimRecord claim, Practice practice) {
        LettersProperties.Practice p = properties.practice();
        if (practice != null) {
            Letterhead l = practice.letterhead();
            String npi = practice.groupNpi() != null ? practice.groupNpi()
                    : claim.payeeId() != null && claim.payeeId().matches("\\d{10}") ? claim.payeeId() : null;
            return new LetterFacts.Practice(practice.name(), npi, l.addressLines(),
                    l.phone() != null ? l.phone() : p.phone(), l.fax() != null ? l.fax() : p.fax(),
                    practice.contactEmail() != null ? practice.contactEmail() : p.email(), l.logoDataUri());
        }
        String name = p.name() != null && !p.name().isBlank() ? p.name()
                : Objects.requireNonNullElse(claim.payeeName(), "Billing office");
        String npi = claim.payeeId() != null && claim.payeeId().matches("\\d{10}") ? claim.payeeId() : null;
        return new LetterFacts.Practice(name, npi, p.address(), p.phone(), p.fax(), p.email());
    }

    private static LetterFacts.Payer payer(DenialView denial, PayerProfile payer) {
        if (payer == null) {
            return new LetterFacts.Payer(denial.payerId(), Objects.requireNonNullElse(denial.payerName(), "Payer"),
                    List.of(), null, denial.planType(), false);
        }
        List<String> address = new ArrayList<>();
        Stream.of(payer.addressLine1(), payer.addressLine2()).filter(s -> s != null && !s.isBlank())
                .forEach(address::add);
        String cityLine = Stream.of(payer.city(), payer.state()).filter(s -> s != null && !s.isBlank())
                .reduce((a, b) -> a + ", " + b).orElse("");
        if (payer.postalCode() != null && !payer.postalCode().isBlank()) {
            cityLine = (cityLine + " " + zip(payer.postalCode())).trim();
        }
        if (!cityLine.isBlank()) {
            address.add(cityLine);
        }
        String name = payer.name() != null ? payer.name() : Objects.requireNonNullElse(denial.payerName(), "Payer");
        return new LetterFacts.Payer(payer.id(), name, address, payer.appealEmail(), payer.planType().name(),
                !address.isEmpty());
    }

    private static LetterFacts.Claim claimBlock(DenialView denial, ClaimRecords.ClaimRecord claim) {
        LocalDate from = claim.firstServiceDate();
        LocalDate to = claim.lastServiceDate();
        String dates = from == null ? null
                : to == null || to.equals(from) ? SHORT_DATE.format(from)
                : SHORT_DATE.format(from) + " to " + SHORT_DATE.format(to);
        return new LetterFacts.Claim(claim.patientName(), claim.memberId(), claim.patientControlNumber(),
                claim.payerClaimControlNumber(), dates, money(claim.charge()), money(claim.paid()),
                money(denial.amountAtRisk()), claim.renderingProviderNpi(),
                claim.paymentDate() == null ? null : SHORT_DATE.format(claim.paymentDate()), claim.traceNumber(),
                denial.appealDueDate() == null ? null : SHORT_DATE.format(denial.appealDueDate()));
    }

    private static List<LetterFacts.Line> lines(ClaimRecords.ClaimRecord claim) {
        return sameServiceOnce(claim.lines().stream().map(l -> new LetterFacts.Line(
                l.serviceDate() == null ? null : SHORT_DATE.format(l.serviceDate()), l.procedure(),
                l.modifiers().isEmpty() ? null : String.join(", ", l.modifiers()),
                l.units() == null ? null : l.units().stripTrailingZeros().toPlainString(), money(l.charge()),
                money(l.paid()), l.adjustments().isEmpty() ? null : String.join(", ", l.adjustments().stream()
                        .map(a -> a.group() + "-" + a.reason() + " " + money(a.amount())).toList()))).toList());
    }

    /**
     * Lines that differ only in their date (a per-diem program billed day by day) as one row with the dates they
     * span and how many there are, so a month of program days fits the letter; lines in their order otherwise.
     */
    static List<LetterFacts.Line> sameServiceOnce(List<LetterFacts.Line> lines) {
        Map<List<String>, List<LetterFacts.Line>> groups = new LinkedHashMap<>();
        for (LetterFacts.Line l : lines) {
            groups.computeIfAbsent(java.util.Arrays.asList(l.procedure(), l.modifiers(), l.units(), l.billed(),
                    l.paid(), l.adjustments()), k -> new ArrayList<>()).add(l);
        }
        List<LetterFacts.Line> rows = new ArrayList<>();
        for (List<LetterFacts.Line> group : groups.values()) {
            LetterFacts.Line first = group.get(0);
            if (group.size() < 3) {
                rows.addAll(group);
                continue;
            }
            List<String> dates = group.stream().map(LetterFacts.Line::serviceDate).filter(Objects::nonNull)
                    .sorted(java.util.Comparator.comparing(d -> LocalDate.parse(d, SHORT_DATE))).toList();
            String span = dates.isEmpty() ? null : dates.get(0) + " to " + dates.get(dates.size() - 1) + " ("
                    + group.size() + " lines)";
            rows.add(new LetterFacts.Line(span, first.procedure(), first.modifiers(), first.units(),
                    first.billed() + " each", first.paid() + " each", first.adjustments() == null ? null
                    : first.adjustments() + " each"));
        }
        return rows;
    }

    /** Each code once, claim level first, with the official description of its list. */
    private List<LetterFacts.Reason> reasons(ClaimRecords.ClaimRecord claim) {
        Map<String, LetterFacts.Reason> reasons = new LinkedHashMap<>();
        List<ClaimRecords.AdjustmentRecord> adjustments = new ArrayList<>(claim.adjustments());
        List<String> remarks = new ArrayList<>(claim.remarks());
        claim.lines().forEach(l -> {
            adjustments.addAll(l.adjustments());
            remarks.addAll(l.remarks());
        });
        for (var a : adjustments) {
            String code = a.group() + "-" + a.reason();
            reasons.putIfAbsent(code, new LetterFacts.Reason(code, "CARC",
                    codes.describeGroup(a.group()) + ": " + codes.describeCarc(a.reason())));
        }
        for (String remark : remarks) {
            reasons.putIfAbsent(remark, new LetterFacts.Reason(remark, "RARC", codes.describeRarc(remark)));
        }
        return List.copyOf(reasons.values());
    }

    private LetterFacts.Signer signer(String preparedBy, Practice practice) {
        if (practice != null && practice.letterhead().signerName() != null) {
            Letterhead l = practice.letterhead();
            return new LetterFacts.Signer(l.signerName(), l.signerTitle() != null ? l.signerTitle()
                    : properties.signer().title());
        }
        LettersProperties.Signer s = properties.signer();
        if (s.name() != null && !s.name().isBlank()) {
            return new LetterFacts.Signer(s.name(), s.title());
        }
        String name = names.fullName(preparedBy).orElse(preparedBy);
        return new LetterFacts.Signer(name == null ? "Billing office" : name, s.title());
    }

    static List<String> paragraphs(String argument) {
        if (argument == null || argument.isBlank()) {
            return List.of();
        }
        return Stream.of(argument.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    static String levelName(int level) {
        return switch (level) {
            case 0 -> "";
            case 1 -> "First-level appeal";
            case 2 -> "Second-level appeal";
            case 3 -> "Third-level appeal (external review)";
            default -> "Appeal level " + level;
        };
    }

    /** ZIP+4 as the Postal Service prints it: 17105-7700. */
    static String zip(String postalCode) {
        String digits = postalCode.strip();
        return digits.matches("\\d{9}") ? digits.substring(0, 5) + "-" + digits.substring(5) : digits;
    }

    static String money(BigDecimal amount) {
        return amount == null ? "$0.00" : NumberFormat.getCurrencyInstance(Locale.US).format(amount);
    }
}
