package org.overturn.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.overturn.claim.ClaimAddress;
import org.overturn.claim.ClaimPerson;

/**
 * What the clinic's practice-management system knows of a patient beyond what a payer's 835 echoes, and puts on the
 * 837: birth date, sex and address, the diagnoses the chart carries, and the authorization numbers the payers issue.
 * Invented. Each fact is drawn from a random stream seeded with the patient's own identifiers, not from the
 * generator's stream, so that the 835s stay byte for byte what they were and a patient looks the same on every claim.
 */
final class ClaimCoding {

    /** Depression, anxiety, trauma- and stressor-related disorders: the bulk of outpatient mental health care. */
    private static final String[] MENTAL_HEALTH = {
        "F331", "F331", "F330", "F332", "F321", "F320", "F411", "F411", "F410", "F4310", "F4312", "F4321", "F4322",
        "F4323"};
    /** Alcohol, opioid, cannabis, cocaine, stimulant and sedative use disorders of the Part 2 program's patients. */
    private static final String[] SUBSTANCE_USE = {
        "F1020", "F1020", "F1120", "F1120", "F1220", "F1420", "F1520", "F1320", "F1010", "F1121"};
    /** Factors, not disorders: payers refuse them as the principal diagnosis of a treatment service (CARC 11). */
    private static final String[] NOT_PRINCIPAL_MENTAL_HEALTH = {"Z630", "Z733", "Z566"};
    private static final String[] NOT_PRINCIPAL_SUBSTANCE_USE = {"Z7141", "Z7151"};
    /** Unspecified codes some payers send back for the specific diagnosis (CARC 16, MA130). */
    private static final String[] UNSPECIFIED_MENTAL_HEALTH = {"F32A", "F419", "F439", "F39"};
    private static final String[] UNSPECIFIED_SUBSTANCE_USE = {"F1090", "F1990"};
    /** Nicotine dependence, cigarettes: the usual second substance. */
    private static final String NICOTINE = "F17210";

    private static final Set<String> FEMALE = Set.of("ELENA", "PRIYA", "HANNAH", "MEGAN", "SOFIA", "KEISHA", "OLIVIA",
            "CHLOE", "MAYA", "AALIYAH", "LENA", "BRIANNA", "FIONA", "JASMINE", "NORA", "TESSA", "KAYLA", "IMANI",
            "PAIGE", "ROSA", "ANJALI", "MIRANDA", "YESENIA", "LUCY", "BETHANY", "HOLLY", "DIANA", "SIERRA", "NADIA");
    private static final Set<String> EITHER = Set.of("AVERY", "JORDAN", "QUINN", "ROWAN");

    private static final String[] STREETS = {
        "ORCHARD LN", "MAPLE AVE", "RIDGE RD", "WALNUT ST", "CREEKSIDE DR", "SPRING GARDEN ST", "HILLCREST RD",
        "MARKET ST", "LINDEN AVE", "FOX CHASE DR", "CHESTNUT ST", "VALLEY VIEW RD", "PINE ST", "MILL RD"};
    private static final String[][] TOWNS = {
        {"MILLBROOK", "17050"}, {"CAMP HILL", "17011"}, {"MECHANICSBURG", "17055"}, {"CARLISLE", "17013"},
        {"HARRISBURG", "17110"}, {"NEW CUMBERLAND", "17070"}, {"LEMOYNE", "17043"}, {"HUMMELSTOWN", "17036"},
        {"ENOLA", "17025"}, {"SHIREMANSTOWN", "17011"}};
    /** Ages are counted back from a fixed day, so a patient's birth date does not move with the day of the run. */
    private static final LocalDate AGE_REFERENCE = LocalDate.of(2026, 1, 1);
    private static final DateTimeFormatter YYMM = DateTimeFormatter.ofPattern("yyMM");

    private ClaimCoding() {
    }

    /** The subscriber (2010BA) and the patient (the subscriber, or a dependent under 2010CA) of a claim. */
    record People(ClaimPerson subscriber, ClaimPerson patient) {
    }

    /**
     * The people on the patient's claims: the policy holder the 835 names in NM1*IL as subscriber when there is one
     * (the dependent patient is filed under the holder's member id, as 5010 asks), else the patient with the member id
     * of the 835's NM1*QC. One household address for both.
     */
    static People people(Patient patient) {
        String key = key(patient);
        PlanType plan = patient.payer().planType();
        Patient.Subscriber holder = patient.subscriber();
        ClaimAddress address = address(holder != null ? holder.memberId() : patient.memberId());
        if (holder == null) {
            int[] ages = switch (plan) {
                case MEDICARE, MEDICARE_ADVANTAGE -> new int[] {65, 89};
                case MEDICAID -> new int[] {19, 62};
                default -> new int[] {19, 63};
            };
            ClaimPerson self = new ClaimPerson(patient.memberId(), patient.lastName(), patient.firstName(),
                    birthDate(key, ages[0], ages[1]), gender(patient.firstName(), key), address);
            return new People(self, self);
        }
        // member suffix 02 is the spouse, 03 and 04 the children
        boolean spouse = patient.memberId().endsWith("02");
        String holderKey = holder.memberId() + "|" + holder.lastName() + "|" + holder.firstName();
        ClaimPerson subscriber = new ClaimPerson(holder.memberId(), holder.lastName(), holder.firstName(),
                birthDate(holderKey, 28, 64), gender(holder.firstName(), holderKey), address);
        ClaimPerson dependent = new ClaimPerson(holder.memberId(), patient.lastName(), patient.firstName(),
                spouse ? birthDate(key, 24, 62) : birthDate(key, 6, 25), gender(patient.firstName(), key), address);
        return new People(subscriber, dependent);
    }

    /**
     * The diagnoses the patient's chart carries, principal first, without the dot: a depressive, anxiety or
     * trauma-related disorder for a mental health patient, often with a second; a substance use disorder for a
     * patient of the Part 2 program, often with a co-occurring mental health disorder or nicotine dependence.
     */
    static List<String> chartDiagnoses(Patient patient) {
        SplittableRandom random = random(key(patient), "chart");
        List<String> codes = new ArrayList<>(2);
        if (patient.sud()) {
            codes.add(pick(SUBSTANCE_USE, random));
            int second = random.nextInt(10);
            if (second < 5) {
                codes.add(pick(MENTAL_HEALTH, random));
            } else if (second < 8) {
                codes.add(NICOTINE);
            }
            return codes;
        }
        String principal = pick(MENTAL_HEALTH, random);
        codes.add(principal);
        if (random.nextInt(100) < 45) {
            String second = pick(MENTAL_HEALTH, random);
            if (!family(second).equals(family(principal))) {
                codes.add(second);
            }
        }
        return codes;
    }

    /** A code the payer does not take as the principal diagnosis of the patient's service (a Z factor code). */
    static String notPrincipal(Patient patient) {
        return pick(patient.sud() ? NOT_PRINCIPAL_SUBSTANCE_USE : NOT_PRINCIPAL_MENTAL_HEALTH,
                random(key(patient), "not principal"));
    }

    /** The unspecified code of the patient's kind of disorder, as an intake coded it before the assessment. */
    static String unspecified(Patient patient) {
        return pick(patient.sud() ? UNSPECIFIED_SUBSTANCE_USE : UNSPECIFIED_MENTAL_HEALTH,
                random(key(patient), "unspecified"));
    }

    /** Whether the payer wants a prior authorization number on the claim: PHP/IOP per diems, and every service for an HMO or Medicare Advantage plan. */
    static boolean needsAuthorization(EncounterType type, PlanType plan) {
        return type.perDiem() || plan == PlanType.COMMERCIAL_HMO || plan == PlanType.MEDICARE_ADVANTAGE;
    }

    /**
     * The payer's authorization number for the patient's episode of care the date falls in: payers here authorize a
     * calendar quarter at a time, so the number of the quarter before is one that has run out.
     */
    static String authorization(Patient patient, LocalDate date) {
        LocalDate quarter = LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
        SplittableRandom random = random(key(patient), "authorization " + quarter);
        return patient.payer().number() + "A" + quarter.format(YYMM) + String.format("%05d", random.nextInt(100_000));
    }

    /** ICD-10-CM as a biller types it: with its dot after the third character. */
    static String dotted(String code) {
        return code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code;
    }

    private static String family(String code) {
        // a single and a recurrent depressive episode do not go together
        return code.startsWith("F32") || code.startsWith("F33") ? "F3" : code.substring(0, 3);
    }

    private static LocalDate birthDate(String key, int youngest, int oldest) {
        SplittableRandom random = random(key, "born");
        int age = youngest + random.nextInt(oldest - youngest + 1);
        return AGE_REFERENCE.minusYears(age).minusDays(1 + random.nextInt(364));
    }

    private static String gender(String firstName, String key) {
        if (FEMALE.contains(firstName)) {
            return "F";
        }
        return EITHER.contains(firstName) && random(key, "gender").nextBoolean() ? "F" : "M";
    }

    private static ClaimAddress address(String household) {
        SplittableRandom random = random(household, "address");
        String[] town = TOWNS[random.nextInt(TOWNS.length)];
        String street = (100 + random.nextInt(4_800)) + " " + pick(STREETS, random);
        String unit = random.nextInt(5) == 0 ? "APT " + (1 + random.nextInt(24)) : null;
        return new ClaimAddress(street, unit, town[0], "PA", town[1]);
    }

    private static String key(Patient patient) {
        return patient.memberId() + "|" + patient.lastName() + "|" + patient.firstName();
    }

    /** A stream for one question about one person; FNV-1a over the text, the same on every JVM. */
    static SplittableRandom random(String key, String question) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (key + "#" + question).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return new SplittableRandom(hash);
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
