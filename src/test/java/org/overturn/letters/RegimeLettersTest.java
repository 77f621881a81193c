package org.overturn.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.overturn.letters.LetterRendererTest.text;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.denial.RootCause;
import org.overturn.denial.WorkPath;
import org.overturn.payer.PlanType;
import org.overturn.regime.AppealRecipients;
import org.overturn.regime.AppealRegime;
import org.overturn.regime.RecipientKind;
import org.overturn.regime.RegimeLevel;
import org.overturn.regime.internal.RegimeCsv;

/**
 * Every level of every regime in the shipped regime table, rendered as its appeal letter and read back from the PDF:
 * addressed to the level's recipient, titled with the level's name, carrying the CMS form fields on the Medicare
 * Part A/B levels that have a form, citing the regime's rules from the citations file, and never arguing parity to
 * Medicare. The Medicare reopening is a request for reopening with its proof dates, not an appeal.
 */
class RegimeLettersTest {

    private static final List<RegimeLevel> TABLE = shippedTable();
    private static final LetterFacts.Payer PAYER = new LetterFacts.Payer("87726", "Harbor Health Plan",
            List.of("PO Box 30555", "Salt Lake City, UT 84130"), "appeals@harbor.example", "COMMERCIAL", true);

    private final LetterRenderer renderer = new LetterRenderer(new LetterTemplates(LetterRendererTest.properties(null)));

    private static List<RegimeLevel> shippedTable() {
        try (var in = new InputStreamReader(RegimeLettersTest.class.getClassLoader()
                .getResourceAsStream("reference/regimes/appeal-regimes.csv"), StandardCharsets.UTF_8)) {
            return RegimeCsv.read(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<RegimeLevel> everyRegimeAndLevel() {
        return TABLE.stream();
    }

    private static RegimeLevel level(AppealRegime regime, int level) {
        return TABLE.stream().filter(l -> l.regime() == regime && l.level() == level).findFirst().orElseThrow();
    }

    private static PlanType planOf(AppealRegime regime) {
        return switch (regime) {
            case MEDICARE_AB -> PlanType.MEDICARE;
            case MEDICARE_ADVANTAGE -> PlanType.MEDICARE_ADVANTAGE;
            case MEDICAID_FFS, MEDICAID_MANAGED_CARE -> PlanType.MEDICAID;
            default -> PlanType.COMMERCIAL;
        };
    }

    /** A directory entry for every kind past the payer, so the letter's address is the level's own. */
    private static AppealRecipients.Recipient directoryEntry(RecipientKind kind) {
        return kind == RecipientKind.PAYER ? null : new AppealRecipients.Recipient(kind, null,
                "Directory " + kind.name() + " office", null, "100 Review Way; Suite " + kind.ordinal()
                + "; Columbus, OH 43215", null, "test directory");
    }

    static LetterFacts.Route routeOf(RegimeLevel row) {
        RegimeLevel previous = row.level() == 1 ? null : level(row.regime(), row.level() - 1);
        return LetterFactsAssembler.route(row, previous, directoryEntry(row.recipient()), PAYER,
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 3, 2),
                row.level() == 1 ? null : LocalDate.of(2026, 5, 11));
    }

    static LetterFacts withRoute(LetterFacts f, LetterFacts.Route route) {
        return new LetterFacts(f.date(), f.practice(), f.payer(), f.claim(), f.lines(), f.reasons(), f.rootCause(),
                f.rootCauseLabel(), f.explanation(), route.level(), route.levelName(), f.argument(), f.enclosures(),
                f.signer(), f.part2(), f.parityConcern(), f.correction(), f.parity(), f.billed(), f.appeal(),
                f.authorization(), route);
    }

    private static LetterFacts facts(RootCause cause, AppealRegime regime, LetterFacts.Route route) {
        LetterFacts f = AppealLettersTest.facts(cause, AppealLettersTest.appealTo(planOf(regime), List.of("90837"),
                List.of("95"), null), List.of("Session note 2026-02-20.pdf"), true, null, null);
        return route == null ? f : withRoute(f, route);
    }

    private String render(String template, LetterFacts facts) throws IOException {
        var letter = renderer.render(template, "87726", facts);
        assertThat(letter.pages()).as("one or two pages").isBetween(1, 2);
        // the page footer and a line broken after a hyphen are layout, not words
        return text(letter.pdf()).replace(" /", "/").replaceAll("Page \\d of \\d ", "")
                .replaceAll("([\\w)])- ([\\w(])", "$1-$2").replaceAll("(\\.\\d+) \\((\\w)\\)", "$1($2)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRegimeAndLevel")
    void eachLevelIsAddressedToItsRecipientTitledWithItsNameAndCitesItsRules(RegimeLevel row) throws IOException {
        LetterFacts.Route route = routeOf(row);
        String text = render("medical-necessity", facts(RootCause.MEDICAL_NECESSITY, row.regime(), route));

        if (row.recipient() == RecipientKind.PAYER) {
            assertThat(text).contains("Harbor Health Plan Attn: " + row.levelName() + " PO Box 30555");
        } else {
            assertThat(text).contains("Directory " + row.recipient().name() + " office Attn: " + row.levelName()
                    + " 100 Review Way Suite " + row.recipient().ordinal() + " Columbus, OH 43215");
            assertThat(text).doesNotContain("PO Box 30555");
        }
        assertThat(text).contains("Re Request for " + row.levelName().toLowerCase(java.util.Locale.ROOT) + ": ",
                "Appeal level " + row.levelName() + " (level " + row.level() + ", " + route.regimeLabel() + ")",
                "Due by 07/01/2026");
        assertThat(route.citations()).allSatisfy(c -> assertThat(text).contains(c.text()));
        assertThat(text).doesNotContainIgnoringCase("null");
        boolean medicare = row.regime() == AppealRegime.MEDICARE_AB || row.regime() == AppealRegime.MEDICARE_ADVANTAGE;
        if (medicare) {
            assertThat(text).as("no parity argument to Medicare").doesNotContainIgnoringCase("parity")
                    .doesNotContain("MHPAEA", "1185a", "2560.503-1", "438.");
        }
        if ("CMS-20027".equals(row.form()) || "CMS-20033".equals(row.form())) {
            assertThat(text).contains("Form " + row.form() + " fields",
                    "1. Beneficiary's name Jane Doe", "2. Medicare number M123456789",
                    "3. Item or service appealed 90837-95", "4. Date(s) of service 02/20/2026",
                    "Why we disagree MEDICAL_NECESSITY denial: our reasons are stated below.",
                    "Requester Dana Whitfield, Riverside Behavioral Health",
                    "Relationship to the beneficiary Provider of the services",
                    "Requester's address 200 Main Street, Suite 4, Springfield, IL 62701",
                    "Requester's phone 217-555-0100", "Signature signed below by Dana Whitfield");
        } else if ("OMHA-100".equals(row.form())) {
            assertThat(text).contains("Form OMHA-100 fields (request for an ALJ hearing)",
                    "1. Medicare part " + (row.regime() == AppealRegime.MEDICARE_ADVANTAGE
                            ? "Part C (Medicare Advantage)" : "Part A or Part B"),
                    "2. Appellant Riverside Behavioral Health, provider of the services",
                    "3. Beneficiary's name Jane Doe", "3. Medicare number M123456789",
                    "3. Appellant's phone 217-555-0100", "Date(s) of service 02/20/2026");
            assertThat(text).doesNotContain("Form CMS-");
        } else {
            assertThat(text).doesNotContain("Form CMS-", "Form OMHA-", "Beneficiary's name");
        }
        assertThat(text).contains(salutationFor(row.recipient()));
        if (row.recipient() != RecipientKind.PAYER) {
            assertThat(text).doesNotContain("Dear Appeals Reviewer");
        }
    }

    /** Each recipient greeted as who it is, never as the payer's appeals desk. */
    private static String salutationFor(RecipientKind kind) {
        return switch (kind) {
            case PAYER -> "Dear Appeals Reviewer,";
            case QIC -> "Dear Reconsideration Reviewer,";
            case IRE -> "Dear Independent Review Entity Reviewer,";
            case OMHA -> "Dear Administrative Law Judge,";
            case COUNCIL -> "Dear Members of the Medicare Appeals Council,";
            case COURT -> "To the Clerk of the Court:";
            case IRO -> "Dear Independent Reviewer,";
            case STATE_FAIR_HEARING -> "Dear Hearing Officer,";
            case STATE_INSURANCE_DEPT -> "Dear External Review Coordinator,";
        };
    }

    @Test
    void theAljHearingRequestCarriesTheOmha100FieldsAndTheReconsiderationItAppeals() throws IOException {
        RegimeLevel row = level(AppealRegime.MEDICARE_AB, 3);
        assertThat(row.form()).isEqualTo("OMHA-100");
        String text = render("medical-necessity", facts(RootCause.MEDICAL_NECESSITY, row.regime(), routeOf(row)));

        assertThat(text).contains("Directory OMHA office Attn: ALJ hearing", "Dear Administrative Law Judge,",
                "4. Representative None: the provider requests the hearing itself",
                "5. Reconsideration appealed the reconsideration by Qualified Independent Contractor (QIC) dated "
                        + "05/11/2026; its appeal number is on the enclosed notice",
                "Why we disagree MEDICAL_NECESSITY denial: our reasons are stated below.");
    }

    @Test
    void theMedicareRedeterminationCarriesTheCms20027FieldsAndCites405SubpartI() throws IOException {
        RegimeLevel row = level(AppealRegime.MEDICARE_AB, 1);
        assertThat(row.form()).isEqualTo("CMS-20027");
        String text = render("timely-filing", facts(RootCause.TIMELY_FILING, row.regime(), routeOf(row)));

        assertThat(text).contains("Form CMS-20027 fields (redetermination request)",
                "5. Date of the initial determination notice 03/02/2026 (remittance advice)",
                "42 CFR part 405 subpart I (42 CFR 405.940-405.944)", "Harbor Health Plan Attn: Redetermination");
        assertThat(text).doesNotContain("Date of the redetermination notice");
    }

    @Test
    void theMedicareReconsiderationGoesToTheQicWithTheRedeterminationDateAndTheMac() throws IOException {
        RegimeLevel row = level(AppealRegime.MEDICARE_AB, 2);
        assertThat(row.form()).isEqualTo("CMS-20033");
        LetterFacts.Route route = routeOf(row);
        String text = render("medical-necessity", facts(RootCause.MEDICAL_NECESSITY, row.regime(), route));

        assertThat(route.recipientKind()).isEqualTo("QIC");
        assertThat(text).contains("Directory QIC office Attn: Reconsideration",
                "Form CMS-20033 fields (reconsideration request)", "5. Date of the redetermination notice 05/11/2026",
                "6. Contractor that made the redetermination Harbor Health Plan",
                "reconsideration by the Qualified Independent Contractor under 42 CFR part 405 subpart I");
    }

    @Test
    void aLevelWhoseRecipientIsNotInTheDirectoryIsAddressedAsItsNoticeNamesIt() throws IOException {
        RegimeLevel row = level(AppealRegime.MEDICARE_AB, 3);
        LetterFacts.Route route = LetterFactsAssembler.route(row, level(AppealRegime.MEDICARE_AB, 2), null, PAYER,
                null, null, null);
        String text = render("reconsideration", facts(RootCause.OTHER, row.regime(), route));

        assertThat(text).contains("The OMHA office named on the reconsideration notice Attn: ALJ hearing",
                "42 CFR 405.1000-405.1002");
        assertThat(text).doesNotContain("Due by", "PO Box 30555");
    }

    @Test
    void anErisaAppealAsksForTheDocumentsTheCriteriaAndAFullAndFairReview() throws IOException {
        RegimeLevel row = level(AppealRegime.ERISA, 1);
        String text = render("medical-necessity", facts(RootCause.MEDICAL_NECESSITY, row.regime(), routeOf(row)));

        assertThat(text).contains("Under 29 CFR 2560.503-1(h)(2)(iii), please send us, free of charge, copies of all "
                        + "documents, records and other information relevant to the claim, including the criteria",
                "full and fair review", "(h)(3)(ii)-(v)", "Mental Health Parity and Addiction Equity Act");
    }

    @Test
    void medicaidManagedCareCites438SubpartFAndTheFairHearingGoesToTheStateOffice() throws IOException {
        String plan = render("non-covered", facts(RootCause.NON_COVERED, AppealRegime.MEDICAID_MANAGED_CARE,
                routeOf(level(AppealRegime.MEDICAID_MANAGED_CARE, 1))));
        String hearing = render("non-covered", facts(RootCause.NON_COVERED, AppealRegime.MEDICAID_MANAGED_CARE,
                routeOf(level(AppealRegime.MEDICAID_MANAGED_CARE, 2))));

        assertThat(plan).contains("42 CFR part 438 subpart F (42 CFR 438.400-438.424; the appeal itself, 438.402)",
                "Attn: Plan appeal");
        assertThat(hearing).contains("Directory STATE_FAIR_HEARING office Attn: State fair hearing",
                "State fair hearing under 42 CFR part 438 subpart F (42 CFR 438.408(f))");
    }

    @Test
    void medicareAdvantageCites422SubpartM() throws IOException {
        String text = render("medical-necessity", facts(RootCause.MEDICAL_NECESSITY,
                AppealRegime.MEDICARE_ADVANTAGE, routeOf(level(AppealRegime.MEDICARE_ADVANTAGE, 1))));

        assertThat(text).contains("42 CFR part 422 subpart M (42 CFR 422.578-422.582)");
        assertThat(text).doesNotContainIgnoringCase("parity");
    }

    @Test
    void everyCitationHasASourceAndItsYearAndNoneArguesParityToMedicare() {
        assertThat(AppealCitations.all()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.source()).startsWith("http");
            assertThat(c.year()).isGreaterThanOrEqualTo(2026);
            assertThat(TABLE).as("a level of the regime table: %s %s", c.regime(), c.level())
                    .anyMatch(l -> l.regime() == c.regime() && l.level() == c.level());
        });
        assertThat(AppealCitations.all()).filteredOn(c -> c.regime() == AppealRegime.MEDICARE_AB
                        || c.regime() == AppealRegime.MEDICARE_ADVANTAGE)
                .allSatisfy(c -> assertThat(c.text()).doesNotContainIgnoringCase("parity").doesNotContain("MHPAEA"));
    }

    @Test
    void aMedicareReopeningAsksToCorrectTheFilingDateWithItsProofAndIsNoAppeal() throws IOException {
        String template = LetterTemplates.nameFor(LetterKind.APPEAL, RootCause.TIMELY_FILING, WorkPath.REOPENING);
        assertThat(template).isEqualTo("reopening");
        LetterFacts f = facts(RootCause.TIMELY_FILING, AppealRegime.MEDICARE_AB, null);
        String text = render(template, f);

        assertThat(text).contains("Harbor Health Plan Attn: Reopenings",
                "Re Request for reopening: clerical error in the filing date",
                "42 CFR 405.980(a)(3)", "first submitted on 02/23/2026 in our 837 batch B0223",
                "accepted into adjudication on 02/25/2026 (277CA claim acknowledgment report RPT-CJ4)",
                "5 days after the date of service, within the 90-day filing limit",
                "Enclosures: 1. Session note 2026-02-20.pdf.");
        assertThat(text).doesNotContainPattern("(?i)\\bappeal\\b|appeal rights|redetermination|parity");
        // another path keeps the root cause's letter
        assertThat(LetterTemplates.nameFor(LetterKind.APPEAL, RootCause.TIMELY_FILING, WorkPath.TIMELY_FILING_PROOF))
                .isEqualTo("timely-filing");
    }
}
