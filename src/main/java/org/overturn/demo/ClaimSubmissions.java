package org.overturn.demo;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.overturn.claim.ClaimAddress;
import org.overturn.claim.ClaimBatch;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimProvider;
import org.overturn.claim.ClaimWriter;
import org.overturn.correction.ClaimChangeFields;
import org.overturn.demo.SentClaim.Correction;

/**
 * The clinic's side before the payer's: each claim it bills goes out on an 837 (837P for the professional claims,
 * 837I for the PHP/IOP per diems billed on a UB-04) a day or two before the payer receives it, in one batch per day
 * and kind, through the clearinghouse that later delivers the payers' 835s. The claim carries what the 835 echoes
 * (the same CLM01, charge, lines, modifiers and line control numbers, the payer under the same name) and what only the
 * clinic knows ({@link ClaimCoding}): the patient's birth date and address, the diagnoses, the rendering clinician's
 * taxonomy, the authorization number. A claim the payer will deny carries the error the denial is about, and the
 * {@link SentClaim.Correction} that fixes it.
 */
final class ClaimSubmissions {

    /** The clinic's submitter id at the clearinghouse (ISA06, 1000A): the receiver id of the 835s it gets back. */
    static final String SUBMITTER_ID = RemittanceWriter.RECEIVER_ID;
    static final String CLEARINGHOUSE_ID = RemittanceWriter.SENDER_ID;
    static final String CLEARINGHOUSE_NAME = "OVERTURN DEMO CLEARINGHOUSE";
    /** The clinic's own numbering leaves the low numbers to the replacement claims Overturn makes under its id. */
    static final long FIRST_CLAIM_INTERCHANGE = 800_000_001L;
    /** The clearinghouse's 277CAs, numbered apart from the 835s it sends under the same id. */
    static final long FIRST_ACKNOWLEDGEMENT_INTERCHANGE = 700_001L;
    /** The clinic's NUCC taxonomy: mental health clinic or center, community mental health centers included. */
    private static final String CLINIC_TAXONOMY = "261QM0801X";
    private static final java.util.Set<String> TELEHEALTH_PLACES = java.util.Set.of("02", "10");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter JULIAN = DateTimeFormatter.ofPattern("yyDDD");

    private final String submitterName;
    private final List<Clinic> clinics;
    private final ClaimWriter writer = ClaimWriter.standard();
    private final Dice dice = new Dice(837L);

    /** The clinic submits its own claims. */
    ClaimSubmissions(Clinic clinic) {
        this(clinic.name(), List.of(clinic));
    }

    /**
     * A billing office submits the claims of several clinics under its one submitter id, each claim with its own
     * clinic as billing provider (2010AA), the one whose clinician rendered it.
     */
    ClaimSubmissions(String submitterName, List<Clinic> clinics) {
        this.submitterName = submitterName;
        this.clinics = List.copyOf(clinics);
    }

    private ClaimProvider billingProvider(Clinician clinician) {
        Clinic clinic = clinics.stream().filter(c -> c.employs(clinician)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no clinic employs " + clinician.displayName()));
        return new ClaimProvider(clinic.npi(), clinic.name(), null, CLINIC_TAXONOMY, clinic.taxId(),
                new ClaimAddress(clinic.street(), null, clinic.city(), clinic.state(), clinic.postalCode()));
    }

    /** The claim as the clinic sent it, from the payer's first decision on it (its lines as the 835 echoes them). */
    SentClaim file(ClaimDecision first) {
        BilledClaim billed = first.billed();
        Patient patient = billed.patient();
        Payer payer = patient.payer();
        String pcn = billed.patientControlNumber();
        DenialScenario scenario = DenialScenario.of(first);
        boolean institutional = billed.institutional();

        List<String> chart = ClaimCoding.chartDiagnoses(patient);
        boolean wrongCode = scenario == DenialScenario.DIAGNOSIS_CODING && recodable(first) != null
                && dice.chance(pcn, "code or diagnosis", 0.6);
        List<String> diagnoses = scenario == DenialScenario.DIAGNOSIS_CODING && !wrongCode
                ? List.of(ClaimCoding.notPrincipal(patient))
                : scenario == DenialScenario.MISSING_INFORMATION ? List.of(ClaimCoding.unspecified(patient)) : chart;
        String currentAuthorization = ClaimCoding.authorization(patient, billed.firstServiceDate());
        String authorization = scenario == DenialScenario.AUTHORIZATION
                ? ClaimCoding.authorization(patient, billed.firstServiceDate().minusMonths(3))
                : ClaimCoding.needsAuthorization(billed.type(), payer.planType()) ? currentAuthorization : null;

        List<Integer> pointers = diagnoses.size() > 1 ? List.of(1, 2) : List.of(1);
        List<org.overturn.claim.BilledLine> lines = new ArrayList<>(billed.lines().size());
        for (int i = 0; i < billed.lines().size(); i++) {
            BilledLine line = billed.lines().get(i);
            // the modifiers as billed are the ones the payer echoes (a telehealth coding denial echoes the wrong one)
            List<String> modifiers = first.lines().isEmpty() ? line.modifiers() : first.lines().get(i).modifiers();
            String lineControl = pcn + "-" + (i + 1);
            BigDecimal units = BigDecimal.valueOf(line.units());
            lines.add(institutional
                    ? new org.overturn.claim.BilledLine(i + 1, line.procedure().revenueCode(), "HC",
                            line.procedure().code(), modifiers, line.charge(), "UN", units, null, List.of(),
                            line.serviceDate(), null, null, lineControl, null)
                    : new org.overturn.claim.BilledLine(i + 1, null, "HC", line.procedure().code(), modifiers,
                            line.charge(), "UN", units, linePlace(billed, line), pointers, line.serviceDate(), null,
                            null, lineControl, null));
        }
        Clinician clinician = billed.clinician();
        ClaimProvider rendering = new ClaimProvider(clinician.npi(), clinician.lastName(), clinician.firstName(),
                clinician.type().taxonomy(), null, null);
        ClaimCoding.People people = ClaimCoding.people(patient);
        var claim = new org.overturn.claim.BilledClaim(
                institutional ? ClaimKind.INSTITUTIONAL : ClaimKind.PROFESSIONAL, pcn, billed.charge(),
                billed.facilityCode(), institutional ? "A" : "B", "1", new ClaimParty(payer.name(), payer.claimsPayerId()),
                billingProvider(clinician), rendering, people.subscriber(), people.patient(), payer.planType().filingIndicator(),
                diagnoses, authorization, null, null, null, null,
                institutional ? billed.firstServiceDate() : null, institutional ? billed.lastServiceDate() : null,
                List.of(), lines);

        // a day or two before the payer's receipt; a late claim went out late, unless the payer lost one sent on time
        LocalDate sentOn = first.receivedDate().minusDays(dice.between(pcn, "days to the payer", 1, 2));
        if (!sentOn.isAfter(billed.lastServiceDate())) {
            sentOn = billed.lastServiceDate().plusDays(1);
        }
        LocalDate acceptedOn = null;
        if (scenario == DenialScenario.TIMELY_FILING && dice.chance(pcn, "sent on time", 0.5)) {
            sentOn = billed.lastServiceDate().plusDays(dice.between(pcn, "days to send", 2, 9));
            acceptedOn = sentOn.plusDays(1);
        }
        Correction correction = correction(scenario, first, claim, chart, currentAuthorization, wrongCode);
        return new SentClaim(claim, sentOn, scenario, acceptedOn, correction);
    }

    /**
     * The claims as files, in the order they are sent: one 837 per day and kind (interchange control numbers in that
     * order, never repeated), and the payer's 277CA for each claim it accepted and will say it never got in time.
     */
    List<DemoWork.Delivery> deliveries(Collection<SentClaim> claims) {
        Map<LocalDate, Map<ClaimKind, List<SentClaim>>> byDay = new TreeMap<>();
        for (SentClaim sent : claims) {
            byDay.computeIfAbsent(sent.sentOn(), d -> new LinkedHashMap<>())
                    .computeIfAbsent(sent.claim().kind(), k -> new ArrayList<>()).add(sent);
        }
        List<DemoWork.Delivery> deliveries = new ArrayList<>();
        Map<String, String> batchOf = new java.util.HashMap<>();
        long interchange = FIRST_CLAIM_INTERCHANGE;
        for (var day : byDay.entrySet()) {
            for (ClaimKind kind : ClaimKind.values()) {
                List<SentClaim> batch = day.getValue().get(kind);
                if (batch == null) {
                    continue;
                }
                // the practice-management system's nightly run
                LocalDateTime createdAt = day.getKey().atTime(kind == ClaimKind.PROFESSIONAL
                        ? LocalTime.of(18, 0) : LocalTime.of(18, 5));
                for (SentClaim sent : batch) {
                    batchOf.put(sent.patientControlNumber(), reference(interchange));
                }
                byte[] content = write(kind, interchange++, createdAt, batch.stream()
                        .sorted(Comparator.comparing(SentClaim::patientControlNumber))
                        .map(SentClaim::claim).toList());
                deliveries.add(new DemoWork.Delivery(createdAt.atZone(ZoneId.systemDefault()).toInstant(),
                        "demo-claims-" + day.getKey() + "-" + kind.label().toLowerCase(java.util.Locale.ROOT) + ".837",
                        content));
            }
        }
        long acknowledgement = FIRST_ACKNOWLEDGEMENT_INTERCHANGE;
        List<SentClaim> accepted = claims.stream().filter(c -> c.acceptedOn() != null)
                .sorted(Comparator.comparing(SentClaim::acceptedOn).thenComparing(SentClaim::patientControlNumber))
                .toList();
        for (SentClaim sent : accepted) {
            long number = acknowledgement++;
            LocalDateTime at = sent.acceptedOn().plusDays(1).atTime(7, 0).plusMinutes(number % 60);
            deliveries.add(new DemoWork.Delivery(at.atZone(ZoneId.systemDefault()).toInstant(),
                    "demo-acceptance-" + sent.acceptedOn() + "-" + number + ".277",
                    acceptance(sent, batchOf.get(sent.patientControlNumber()), number, at)
                            .getBytes(StandardCharsets.US_ASCII)));
        }
        return deliveries;
    }

    /** One 837 of the clinic's claims of one kind: the clinic as submitter, the clearinghouse as receiver. */
    byte[] write(ClaimKind kind, long interchange, LocalDateTime createdAt,
                 List<org.overturn.claim.BilledClaim> claims) {
        return writer.write(new ClaimBatch(kind, SUBMITTER_ID, CLEARINGHOUSE_ID, interchange, createdAt,
                reference(interchange), true, new ClaimParty(submitterName, SUBMITTER_ID), "BILLING OFFICE", "7175550188",
                new ClaimParty(CLEARINGHOUSE_NAME, CLEARINGHOUSE_ID), claims));
    }

    /** BHT03 of a batch: the clinic's reference, which the clearinghouse's answers quote. */
    private static String reference(long interchange) {
        return "RB" + interchange;
    }

    /**
     * The payer's claim acknowledgement (277CA, 005010X214) through the clearinghouse: the claim accepted into
     * adjudication (STC A2:20) on its day, with the payer's claim number, under the batch it came in.
     */
    private String acceptance(SentClaim sent, String batch, long interchange, LocalDateTime at) {
        var claim = sent.claim();
        String control = String.format("%09d", interchange);
        String date = SegmentWriter.date(at.toLocalDate());
        String time = String.format("%02d%02d", at.getHour(), at.getMinute());
        String reference = "ACK" + interchange;
        String charge = SegmentWriter.amount(claim.charge());
        var text = new StringWriter();
        SegmentWriter out = new SegmentWriter(text);
        out.write("ISA", "00", " ".repeat(10), "00", " ".repeat(10), "ZZ", String.format("%-15s", CLEARINGHOUSE_ID),
                "ZZ", String.format("%-15s", SUBMITTER_ID), at.format(YYMMDD), time,
                String.valueOf(SegmentWriter.REPETITION), "00501", control, "0", "P",
                String.valueOf(SegmentWriter.COMPONENT));
        out.write("GS", "HN", CLEARINGHOUSE_ID, SUBMITTER_ID, date, time, String.valueOf(interchange), "X",
                "005010X214");
        out.resetCount();
        out.write("ST", "277", "0001", "005010X214");
        out.write("BHT", "0085", "08", reference, date, time, "TH");
        out.write("HL", "1", null, "20", "1");
        out.write("NM1", "PR", "2", claim.payer().name(), null, null, null, null, "PI", claim.payer().id());
        out.write("TRN", "1", reference);
        out.write("DTP", "050", "D8", date);
        out.write("DTP", "009", "D8", date);
        out.write("HL", "2", "1", "21", "1");
        out.write("NM1", "41", "2", submitterName, null, null, null, null, "46", SUBMITTER_ID);
        out.write("TRN", "2", batch);
        out.write("STC", SegmentWriter.composite("A1", "19"), date, "WQ", charge);
        out.write("QTY", "90", "1");
        out.write("AMT", "YU", charge);
        out.write("HL", "3", "2", "19", "1");
        out.write("NM1", "85", "2", claim.billingProvider().lastName(), null, null, null, null, "XX",
                claim.billingProvider().npi());
        out.write("HL", "4", "3", "PT");
        out.write("NM1", "QC", "1", claim.patient().lastName(), claim.patient().firstName(), null, null, null, "MI",
                claim.subscriber().memberId());
        out.write("TRN", "2", claim.patientControlNumber());
        out.write("STC", SegmentWriter.composite("A2", "20"), SegmentWriter.date(sent.acceptedOn()), "WQ", charge);
        out.write("REF", "1K", sent.acceptedOn().format(JULIAN) + "A" + claim.patientControlNumber().substring(2));
        LocalDate from = claim.firstServiceDate();
        LocalDate to = claim.lastServiceDate();
        if (from.equals(to)) {
            out.write("DTP", "472", "D8", SegmentWriter.date(from));
        } else {
            out.write("DTP", "472", "RD8", SegmentWriter.date(from) + "-" + SegmentWriter.date(to));
        }
        out.write("SE", String.valueOf(out.count() + 1), "0001");
        out.write("GE", "1", String.valueOf(interchange));
        out.write("IEA", "1", control);
        return text.toString();
    }

    /**
     * What a biller fixes on the claim once the payer denies it, as the form's structured fields: the modifier (and
     * the place of service) of a telehealth coding denial, the diagnoses of a diagnosis or missing-information denial,
     * the procedure code the note supports, the authorization number of the episode, modifier 25 on the E/M visit of a
     * bundled psychotherapy add-on. A coverage denial is resubmitted unchanged once the payer's record is put right.
     * The form holds the changes of one line: the first denied line is the one fixed.
     */
    private Correction correction(DenialScenario scenario, ClaimDecision first,
                                  org.overturn.claim.BilledClaim claim, List<String> chart, String authorization,
                                  boolean wrongCode) {
        if (scenario == null) {
            return null;
        }
        String pcn = claim.patientControlNumber();
        Map<String, String> fields = new LinkedHashMap<>();
        return switch (scenario) {
            case TELEHEALTH_CODING -> {
                int index = firstDenied(first, i -> isTelehealth(claim.lines().get(i).modifiers()));
                List<String> billed = claim.lines().get(index).modifiers();
                List<String> right = first.billed().lines().get(index).modifiers();
                fields.put(ClaimChangeFields.LINE, String.valueOf(index + 1));
                fields.put(ClaimChangeFields.MODIFIERS, String.join(",", right));
                String wrong = billed.stream().filter(ClaimSubmissions::isTelehealth).findFirst().orElse("none");
                String modifier = right.stream().filter(ClaimSubmissions::isTelehealth).findFirst().orElse("none");
                boolean audioOnly = modifier.equals("93") || modifier.equals("FQ");
                String why = "The payer's telehealth policy asks for modifier " + modifier + " on "
                        + (audioOnly ? "audio-only" : "audio-video") + " sessions; the claim went out with " + wrong
                        + ".";
                // the remark (M77) questions the place too: half the time it was wrong as well
                if (TELEHEALTH_PLACES.contains(claim.facilityCode()) && dice.chance(pcn, "place", 0.5)) {
                    boolean home = claim.facilityCode().equals("02");
                    fields.put(ClaimChangeFields.PLACE_OF_SERVICE, home ? "10" : "02");
                    why += home ? " The patient joined from home, as the note records: place of service 10, not 02."
                            : " The patient joined from another clinic, not from home: place of service 02, not 10.";
                }
                yield new Correction(fields, null, why);
            }
            case DIAGNOSIS_CODING -> {
                if (wrongCode) {
                    int index = recodable(first);
                    Procedure billedCode = first.billed().lines().get(index).procedure();
                    fields.put(ClaimChangeFields.LINE, String.valueOf(index + 1));
                    fields.put(ClaimChangeFields.PROCEDURE, switch (billedCode) {
                        case PSYCHOTHERAPY_60 -> Procedure.PSYCHOTHERAPY_45.code();
                        case PSYCHOTHERAPY_45 -> Procedure.PSYCHOTHERAPY_30.code();
                        case FAMILY_WITH_PATIENT -> Procedure.FAMILY_WITHOUT_PATIENT.code();
                        default -> Procedure.OFFICE_VISIT_LOW.code();
                    });
                    yield new Correction(fields, null, switch (billedCode) {
                        case PSYCHOTHERAPY_60 -> "The progress note documents 48 minutes of psychotherapy: 90834 "
                                + "(38-52 minutes), not 90837, which the payer's edit found unsupported for the "
                                + "diagnosis billed.";
                        case PSYCHOTHERAPY_45 -> "The progress note documents 34 minutes of psychotherapy: 90832 "
                                + "(16-37 minutes), not 90834, which the payer's edit found unsupported for the "
                                + "diagnosis billed.";
                        case FAMILY_WITH_PATIENT -> "The note documents a family session without the patient "
                                + "present: 90846, not 90847.";
                        default -> "The visit's documented medical decision making is low: 99213, not 99214, for "
                                + "the diagnosis billed.";
                    });
                }
                fields.put(ClaimChangeFields.DIAGNOSES, dotted(chart));
                yield new Correction(fields, null, "The progress note documents " + ClaimCoding.dotted(chart.get(0))
                        + " as the principal diagnosis; the claim went out with "
                        + ClaimCoding.dotted(claim.diagnoses().get(0))
                        + ", a factor code the payer does not take as the principal diagnosis of the service.");
            }
            case MISSING_INFORMATION -> {
                fields.put(ClaimChangeFields.DIAGNOSES, dotted(chart));
                yield new Correction(fields, null, "The payer asks for the specific diagnosis the assessment "
                        + "documents (" + ClaimCoding.dotted(chart.get(0)) + "), not the unspecified "
                        + ClaimCoding.dotted(claim.diagnoses().get(0)) + " the intake coded.");
            }
            case AUTHORIZATION -> {
                fields.put(ClaimChangeFields.AUTHORIZATION, authorization);
                yield new Correction(fields, null, "Authorization " + authorization + " covers these dates and "
                        + "services; the claim carried the previous episode's number, " + claim.priorAuthorization()
                        + ".");
            }
            case BUNDLING -> {
                int addOn = firstDenied(first, i -> first.billed().lines().get(i).procedure().isAddOn());
                Procedure code = first.billed().lines().get(addOn).procedure();
                int visit = addOn - 1;
                if (code == Procedure.INTERACTIVE_COMPLEXITY || visit < 0) {
                    yield new Correction(fields, "Resubmitted with the session note documenting the interactive "
                            + "complexity", "The note documents the communication factor 90785 requires (a "
                            + "caregiver's interference with the session); the payer's edit bundled it in error.");
                }
                List<String> modifiers = new ArrayList<>();
                modifiers.add("25");
                modifiers.addAll(claim.lines().get(visit).modifiers());
                fields.put(ClaimChangeFields.LINE, String.valueOf(visit + 1));
                fields.put(ClaimChangeFields.MODIFIERS, String.join(",", modifiers));
                yield new Correction(fields, null, "The E/M visit was significant and separately identifiable "
                        + "from the psychotherapy add-on " + code.code() + ": modifier 25 on "
                        + claim.lines().get(visit).procedure() + ", as the payer's policy asks.");
            }
            case ELIGIBILITY -> new Correction(fields, "Resubmitted unchanged once the payer updated the member's "
                    + "enrollment", "The 271 eligibility response shows the coverage active on the dates of service; "
                    + "the payer's enrollment file had not caught up.");
            case COORDINATION_OF_BENEFITS -> new Correction(fields, "Resubmitted unchanged once the payer updated "
                    + "its coordination of benefits record", "The patient confirmed in writing that the other "
                    + "coverage ended before the dates of service.");
            default -> null;
        };
    }

    /**
     * The first denied line of a code a note may not support (90837 or 90834 for the minutes, 99214 for the
     * complexity, 90847 for who was there), or null.
     */
    private static Integer recodable(ClaimDecision first) {
        List<BilledLine> lines = first.billed().lines();
        for (int i = 0; i < lines.size(); i++) {
            Procedure code = lines.get(i).procedure();
            boolean denied = first.lines().isEmpty() || first.lines().get(i).allowed() == null;
            if (denied && (code == Procedure.PSYCHOTHERAPY_60 || code == Procedure.PSYCHOTHERAPY_45
                    || code == Procedure.OFFICE_VISIT_MODERATE || code == Procedure.FAMILY_WITH_PATIENT)) {
                return i;
            }
        }
        return null;
    }

    /** The first denied line that passes, else the first denied one, else the first line. */
    private static int firstDenied(ClaimDecision first, java.util.function.IntPredicate test) {
        int denied = -1;
        for (int i = 0; i < first.billed().lines().size(); i++) {
            if (first.lines().isEmpty() || first.lines().get(i).allowed() == null) {
                if (test.test(i)) {
                    return i;
                }
                denied = denied < 0 ? i : denied;
            }
        }
        return Math.max(denied, 0);
    }

    /**
     * The line's own place of service (SV105) when it differs from the claim's, whose place the first session decides:
     * a telehealth session on an office claim is at the patient's home (10), an in-person one on a telehealth claim at
     * the office (11, or the SUD program's facility, 57).
     */
    private static String linePlace(BilledClaim claim, BilledLine line) {
        boolean claimRemote = claim.lines().get(0).telehealth();
        if (line.telehealth() == claimRemote) {
            return null;
        }
        if (line.telehealth()) {
            return "10";
        }
        boolean sudFacility = claim.type().sud() && claim.patient().payer().planType() != PlanType.MEDICARE;
        return sudFacility ? "57" : "11";
    }

    private static boolean isTelehealth(List<String> modifiers) {
        return modifiers.stream().anyMatch(ClaimSubmissions::isTelehealth);
    }

    private static boolean isTelehealth(String modifier) {
        return switch (modifier) {
            case "95", "GT", "93", "FQ" -> true;
            default -> false;
        };
    }

    private static String dotted(List<String> codes) {
        return String.join(", ", codes.stream().map(ClaimCoding::dotted).toList());
    }
}
