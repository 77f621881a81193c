package org.overturn.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.overturn.letters.LetterRendererTest.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.denial.RootCause;
import org.overturn.payer.PlanType;

/**
 * Every appeal template, for every root cause and plan type, rendered to PDF and read back as an appeals clerk reads
 * it: is the claim identified beyond doubt, is there one position, does it cite only what it encloses, does it argue
 * parity only where a parity law applies, and does it fit on one or two signed pages.
 */
class AppealLettersTest {

    /** The authorization letter is issue 15's (its finding decides its position): checked here once it is rewritten. */

    private static final List<String> ATTACHED = List.of("Session note 2026-02-20.pdf", "Treatment plan.pdf");

    private final LetterRenderer renderer = new LetterRenderer(new LetterTemplates(LetterRendererTest.properties(null)));

    static Stream<Arguments> everyRootCauseAndPlanType() {
        List<Arguments> cases = new ArrayList<>();
        for (RootCause cause : RootCause.values()) {
            for (PlanType plan : List.of(PlanType.COMMERCIAL, PlanType.MEDICARE, PlanType.MEDICARE_ADVANTAGE,
                    PlanType.MEDICAID, PlanType.TRICARE)) {
                cases.add(Arguments.of(cause, plan));
            }
        }
        return cases.stream();
    }

    /** A plan's regime as the assembler derives it from the 835's filing indicator. */
    static LetterFacts.Appeal appealTo(PlanType plan, List<String> codes, List<String> modifiers, MedicalNecessity n) {
        String clp06 = switch (plan) {
            case COMMERCIAL -> "12";
            case MEDICARE -> "MB";
            case MEDICARE_ADVANTAGE -> "16";
            case MEDICAID -> "MC";
            case TRICARE -> "CH";
            case OTHER -> "ZZ";
        };
        return LetterFactsAssembler.appeal(clp06, null, null, codes, modifiers, null, n);
    }

    static LetterFacts facts(RootCause cause, LetterFacts.Appeal appeal, List<String> enclosures, boolean parityConcern,
                             LetterFacts.Correction correction, String argument) {
        return new LetterFacts("November 23, 2026",
                new LetterFacts.Practice("Riverside Behavioral Health", "1234567893",
                        List.of("200 Main Street, Suite 4", "Springfield, IL 62701"), "217-555-0100", null, null),
                new LetterFacts.Payer("87726", "Harbor Health Plan", List.of("PO Box 30555", "Salt Lake City, UT 84130"),
                        "appeals@harbor.example", "COMMERCIAL", true),
                new LetterFacts.Claim("Jane Doe", "M123456789", "PCN-4471", "ICN-2026-000417", "02/20/2026", "$150.00",
                        "$0.00", "$150.00", "1111111111", "03/02/2026", "EFT-9912", "08/29/2026"),
                List.of(new LetterFacts.Line("02/20/2026", "90837", "95", "1", "$150.00", "$0.00", "CO-50 $150.00")),
                List.of(new LetterFacts.Reason("CO-50", "CARC", "Contractual Obligations: These are non-covered "
                                + "services because this is not deemed a 'medical necessity' by the payer."),
                        new LetterFacts.Reason("N115", "RARC", "This decision was based on a Local Coverage "
                                + "Determination (LCD).")),
                cause.name(), cause.name(), "CO-50 with N115", 1, "First-level appeal",
                LetterFactsAssembler.paragraphs(argument), enclosures,
                new LetterFacts.Signer("Dana Whitfield", "Billing Manager"), false, parityConcern, correction,
                parityConcern ? LetterRendererTest.parity() : null,
                new LetterFacts.Billed("04/12/1984", List.of("F33.1", "F41.1"), "Ana Morales", "1497758544",
                        "Clinical social worker (LCSW)", "AUTH-77", null, "02/23/2026", "B0223", "02/25/2026",
                        "RPT-CJ4", 5L, 90, true, true),
                appeal);
    }

    /** The claim with nothing but what every 835 carries. */
    static LetterFacts sparse(RootCause cause) {
        return new LetterFacts("November 23, 2026",
                new LetterFacts.Practice("Riverside Behavioral Health", null, List.of(), null, null, null),
                new LetterFacts.Payer(null, "Payer", List.of(), null, null, false),
                new LetterFacts.Claim(null, null, "PCN-9", null, null, "$80.00", "$0.00", "$80.00", null, null, null,
                        null),
                List.of(new LetterFacts.Line(null, "90834", null, null, "$80.00", "$0.00", null)), List.of(),
                cause.name(), cause.name(), null, 1, "First-level appeal", List.of(), List.of(),
                new LetterFacts.Signer("Dana Whitfield", "Billing Manager"), false, false, null, null, null, null);
    }

    private String render(RootCause cause, LetterFacts facts) throws IOException {
        var letter = renderer.render(LetterTemplates.nameFor(LetterKind.APPEAL, cause), "87726", facts);
        assertThat(letter.pages()).as("%s: one or two pages", cause).isBetween(1, 2);
        assertThat(ownWords(letter.html())).as("%s: one position", cause).satisfies(words -> {
            assertThat(words).doesNotContainPattern("(?i)\\beither\\b|and/or");
        });
        return text(letter.pdf());
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("everyRootCauseAndPlanType")
    void everyAppealIdentifiesTheClaimBeyondDoubtOnOneOrTwoSignedPages(RootCause cause, PlanType plan)
            throws IOException {
        LetterFacts.Appeal appeal = appealTo(plan, List.of("90837"), List.of("95"), null);
        String text = render(cause, facts(cause, appeal, ATTACHED, true, null, null)).replace(" /", "/");

        assertThat(text).contains("Patient Jane Doe", "Date of birth 04/12/1984", "Member ID M123456789",
                "Patient account number PCN-4471", "Payer claim number ICN-2026-000417", "Dates of service 02/20/2026",
                "Ana Morales, Clinical social worker (LCSW) (NPI 1497758544)", "F33.1, F41.1",
                "Prior authorization AUTH-77", "Claim first submitted 02/23/2026 (batch B0223)",
                "Accepted by the payer 02/25/2026, acknowledgment report RPT-CJ4", "CO-50",
                "not deemed a 'medical necessity' by the payer", "N115", "Local Coverage Determination",
                "Sincerely, Dana Whitfield Billing Manager Riverside Behavioral Health",
                "Enclosures: 1. Session note 2026-02-20.pdf; 2. Treatment plan.pdf.");
        assertThat(text).doesNotContainIgnoringCase("null").doesNotContain("(not given)", "(not named");
        assertThat(text).contains("We enclose Session note 2026-02-20.pdf, Treatment plan.pdf (listed below).");
        boolean parityLaw = plan != PlanType.MEDICARE && plan != PlanType.MEDICARE_ADVANTAGE
                && plan != PlanType.TRICARE;
        if (parityLaw) {
            assertThat(text).contains("Mental Health Parity and Addiction Equity Act");
        } else {
            assertThat(text).as("no parity argument to %s", plan).doesNotContainIgnoringCase("parity")
                    .doesNotContain("MHPAEA", "1185a", "146.136", "2590.712", "438");
        }
        assertThat(text).contains("Plan type " + switch (plan) {
            case COMMERCIAL -> "Commercial";
            case MEDICARE -> "Medicare";
            case MEDICARE_ADVANTAGE -> "Medicare Advantage";
            case MEDICAID -> "Medicaid";
            case TRICARE -> "TRICARE";
            case OTHER -> "";
        });
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"corrected-claim-cover", "parity/analysis-request",
            "parity/complaint"})
    void theLettersThatAreNoAppealTakeOnePositionAndPrintNoBlankEither(String template) throws IOException {
        LetterFacts f = facts(RootCause.CODING, appealTo(PlanType.COMMERCIAL, List.of("90837"), List.of(), null),
                List.of(), true, new LetterFacts.Correction("90837 changed to 90834", "48 minutes documented",
                        "03/05/2026"), null);
        var letter = renderer.render(template, "87726", f);

        assertThat(letter.pages()).isBetween(1, 2);
        assertThat(text(letter.pdf())).contains("PCN-4471", "Dana Whitfield", "Enclosures: none.")
                .doesNotContainIgnoringCase("null").doesNotContain("Enclosed is");
        assertThat(ownWords(letter.html())).doesNotContainPattern("(?i)\\beither\\b|and/or");
    }

    @ParameterizedTest
    @EnumSource(RootCause.class)
    void aFactNotOnFileLeavesNoBlankRowNorNull(RootCause cause) throws IOException {
        String text = render(cause, sparse(cause));

        assertThat(text).contains("Patient account number PCN-9", "90834", "Dana Whitfield")
                .doesNotContainIgnoringCase("null")
                .doesNotContain("Patient Jane", "Date of birth", "Member ID", "Payer claim number", "Dates of service",
                        "Rendering provider", "Remittance", "Plan type", "(not given)", "(see the services");
    }

    @ParameterizedTest
    @EnumSource(RootCause.class)
    void aLetterWithoutAttachmentsPointsAtNoEnclosedRecord(RootCause cause) throws IOException {
        String text = render(cause, facts(cause, appealTo(PlanType.COMMERCIAL, List.of("90837"), List.of(), null),
                List.of(), false, null, null));

        assertThat(text).contains("Enclosures: none.");
        // "enclosed" appears once: where the letter says it encloses nothing
        assertThat(text).contains("We have not enclosed records with this letter");
        assertThat(text.split("(?i)\\benclosed?\\b", -1)).hasSize(2);
    }

    @Test
    void aMedicalNecessityAppealSetsOutTheClinicalCaseAndAsksForCriteriaCredentialsAndPeerToPeer() throws IOException {
        var necessity = new MedicalNecessity(MedicalNecessity.Criteria.LOCUS,
                "Composite 19: risk of harm 3, functional status 4, co-morbidity 2", "Daily panic attacks; missed work",
                "Passive suicidal ideation without plan", "Weekly outpatient therapy for 10 weeks; symptoms worsened",
                true);
        String text = render(RootCause.MEDICAL_NECESSITY, facts(RootCause.MEDICAL_NECESSITY,
                appealTo(PlanType.COMMERCIAL, List.of("S9480"), List.of(), necessity), ATTACHED, false, null, null));

        assertThat(text).contains("as assessed with LOCUS (Level of Care Utilization System)",
                "Level-of-care criteria. LOCUS (Level of Care Utilization System): Composite 19: risk of harm 3, "
                        + "functional status 4, co-morbidity 2",
                "Symptoms and functioning. Daily panic attacks; missed work",
                "Risk. Passive suicidal ideation without plan",
                "Lower level of care tried. Weekly outpatient therapy for 10 weeks; symptoms worsened",
                "medical necessity criteria you applied to this claim",
                "name and professional credentials of the reviewer",
                "peer-to-peer review between the treating clinician, Ana Morales, and your reviewer",
                "call 217-555-0100");

        String noPeerToPeer = render(RootCause.MEDICAL_NECESSITY, facts(RootCause.MEDICAL_NECESSITY,
                appealTo(PlanType.MEDICARE, List.of("90837"), List.of(), new MedicalNecessity(
                        MedicalNecessity.Criteria.PLAN, "InterQual criteria for IOP met", null, null, null, false)),
                List.of(), false, null, null));
        assertThat(noPeerToPeer).contains("Your plan's own level-of-care criteria: InterQual criteria for IOP met",
                        "professional credentials of the reviewer")
                .doesNotContain("peer-to-peer", "Symptoms and functioning", "Lower level of care tried");
    }

    @Test
    void aTimelyFilingAppealGivesTheDatesAndReportsNeverItsOwnVerdict() throws IOException {
        String text = render(RootCause.TIMELY_FILING, facts(RootCause.TIMELY_FILING,
                appealTo(PlanType.COMMERCIAL, List.of("90837"), List.of(), null), List.of(), false, null, null))
                .replace(" /", "/");

        assertThat(text).contains("first submitted on 02/23/2026 in our 837 batch B0223",
                "accepted it into adjudication on 02/25/2026 (claim acknowledgment report RPT-CJ4)",
                "came 5 days after the first date of service, within your filing limit of 90 days")
                .doesNotContainIgnoringCase("filed on time").doesNotContainIgnoringCase("timely submission shows");
    }

    @Test
    void theCodingLetterArguesTheRuleOfTheCodesBilledAndNeverModifier59() throws IOException {
        String timed = render(RootCause.CODING, facts(RootCause.CODING,
                appealTo(PlanType.COMMERCIAL, List.of("90837"), List.of(), null), List.of(), false, null, null));
        String addOn = render(RootCause.CODING, facts(RootCause.CODING,
                appealTo(PlanType.COMMERCIAL, List.of("99214", "90833"), List.of(), null), List.of(), false, null,
                null));
        String diagnostic = render(RootCause.CODING, facts(RootCause.CODING,
                appealTo(PlanType.COMMERCIAL, List.of("90791"), List.of(), null), List.of(), false, null, null));
        String corrected = render(RootCause.CODING, facts(RootCause.CODING,
                appealTo(PlanType.COMMERCIAL, List.of("90834"), List.of(), null), List.of(), false,
                new LetterFacts.Correction("90837 changed to 90834", "The note documents 48 minutes", "03/05/2026"),
                null));

        assertThat(timed).contains("90834 for 38-52 minutes", "codes billed are the codes the documentation supports")
                .doesNotContain("add-on");
        assertThat(addOn).contains("E/M code and the psychotherapy add-on code (90833, 90836 or 90838)",
                "psychotherapy time is documented apart").doesNotContain("38-52 minutes");
        assertThat(diagnostic).doesNotContain("38-52 minutes", "add-on code");
        assertThat(corrected).contains("The claim has been corrected", "What was corrected: 90837 changed to 90834")
                .doesNotContain("reprocess the claim as billed");
        assertThat(List.of(timed, addOn, diagnostic, corrected)).noneMatch(t -> t.matches("(?s).*\\b59\\b.*"));
    }

    @Test
    void telehealthBundlingMissingInformationAndDuplicateLettersArgueTheirOwnCase() throws IOException {
        var commercial = appealTo(PlanType.COMMERCIAL, List.of("90837"), List.of("95"), null);
        String telehealth = render(RootCause.TELEHEALTH, facts(RootCause.TELEHEALTH,
                LetterFactsAssembler.appeal("12", null, null, List.of("90837"), List.of("95"), "10", null), List.of(),
                false, null, null));
        String perDiem = render(RootCause.BUNDLING, facts(RootCause.BUNDLING,
                appealTo(PlanType.COMMERCIAL, List.of("S0201"), List.of(), null), List.of(), false, null, null));
        String bundled = render(RootCause.BUNDLING, facts(RootCause.BUNDLING,
                appealTo(PlanType.COMMERCIAL, List.of("90846", "90847"), List.of(), null), List.of(), false, null,
                null));
        String missing = render(RootCause.MISSING_INFORMATION, facts(RootCause.MISSING_INFORMATION, commercial,
                List.of(), false, new LetterFacts.Correction("Referring provider NPI added", "The plan requires it",
                        "03/05/2026"), null));
        String duplicate = render(RootCause.DUPLICATE, facts(RootCause.DUPLICATE, commercial, List.of(), false,
                new LetterFacts.Correction("Units corrected to 1", "One session", "03/05/2026"), null));
        String distinct = render(RootCause.DUPLICATE, facts(RootCause.DUPLICATE, commercial, List.of(), false, null,
                null));

        assertThat(telehealth).contains("Appeal of a telehealth denial", "real-time telehealth",
                "with modifier 95; place of service 10");
        assertThat(perDiem).contains("Appeal of a bundling denial", "per-diem is payable for each program day billed");
        assertThat(bundled).contains("separately payable", "the edit or policy that bundles them")
                .doesNotContain("per-diem");
        assertThat(missing).contains("information supplied", "The corrected claim adds it: Referring provider NPI added");
        assertThat(duplicate).contains("not a duplicate", "replacement claim (frequency code 7) of your claim "
                + "ICN-2026-000417");
        assertThat(distinct).contains("which no other claim of ours bills", "tell us that claim's number");
        assertThat(List.of(telehealth, perDiem, bundled, missing, duplicate, distinct)).allSatisfy(t ->
                assertThat(t).doesNotContain("38-52 minutes", "Request for reconsideration: coding"));
    }

    /**
     * Twelve program days and a parity case, with the clinical case as long as the form lets a biller make it; and
     * with the Part 2 notice, at the length a biller usually writes it.
     */
    @Test
    void aLongClaimStillFitsOnTwoPages() throws IOException {
        List<LetterFacts.Line> lines = new ArrayList<>();
        for (int day = 10; day < 22; day++) {
            lines.add(new LetterFacts.Line("02/" + day + "/2026", "S9480", "HQ", "1", "$350.00", "$0.00",
                    "CO-50 $350.00"));
        }
        String argument = "The program's daily notes show every required service.\n\n"
                + "The step-down plan is in the treatment plan.";
        var longest = new MedicalNecessity(MedicalNecessity.Criteria.ASAM, "Dimension 1: 2; " + prose(284),
                prose(500), prose(300), prose(300), true);
        var usual = new MedicalNecessity(MedicalNecessity.Criteria.ASAM, "Dimension 1: 2; " + prose(100),
                prose(200), prose(120), prose(150), true);

        var atMost = renderer.render("medical-necessity", "87726", program(lines, longest, argument, false));
        var part2 = renderer.render("medical-necessity", "87726", program(lines, usual, argument, true));

        assertThat(atMost.pages()).isLessThanOrEqualTo(2);
        assertThat(part2.pages()).isLessThanOrEqualTo(2);
        assertThat(text(atMost.pdf()).replace(" /", "/")).contains("02/10/2026 to 02/21/2026 (12 lines)",
                "$350.00 each", "Dimension 1: 2", "Mental Health Parity", "Dana Whitfield");
        assertThat(text(part2.pdf())).contains("Notice to the recipient (42 CFR 2.32)", "Dana Whitfield");
    }

    private static LetterFacts program(List<LetterFacts.Line> lines, MedicalNecessity necessity, String argument,
                                       boolean part2) {
        LetterFacts f = facts(RootCause.MEDICAL_NECESSITY, appealTo(PlanType.COMMERCIAL, List.of("S9480"), List.of(),
                necessity), ATTACHED, true, null, argument);
        return new LetterFacts(f.date(), f.practice(), f.payer(), f.claim(), LetterFactsAssembler.sameServiceOnce(lines),
                f.reasons(), f.rootCause(), f.rootCauseLabel(), f.explanation(), f.appealLevel(), f.appealLevelName(),
                f.argument(), f.enclosures(), f.signer(), part2, f.parityConcern(), f.correction(), f.parity(),
                f.billed(), f.appeal());
    }

    /** The letter's HTML without the payer's codes, which it quotes as the code list words them ("either" too). */
    static String ownWords(String html) {
        return html.replaceAll("(?s)<h2>The payer's reasons for the denial</h2>.*?</table>", "");
    }

    /** Prose of {@code length} characters. */
    private static String prose(int length) {
        return "The patient reports worsening symptoms at home and at work. ".repeat(length / 60 + 1)
                .substring(0, length);
    }
}
