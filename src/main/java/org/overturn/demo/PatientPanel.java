package org.overturn.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The clinic's caseload, split by payer and by program (mental health or Part 2 SUD). Claims are drawn from
 * it so that the same patients come back visit after visit, as they do in a real practice.
 */
final class PatientPanel {

    private static final String[] FIRST_NAMES = {
        "AVERY", "JORDAN", "MARCUS", "ELENA", "PRIYA", "DESHAWN", "HANNAH", "LUIS", "MEGAN", "TYLER",
        "SOFIA", "NATHAN", "KEISHA", "BRANDON", "OLIVIA", "JAMAL", "CHLOE", "ETHAN", "MAYA", "CONNOR",
        "AALIYAH", "GAVIN", "LENA", "OMAR", "BRIANNA", "CALEB", "FIONA", "MATEO", "JASMINE", "LOGAN",
        "NORA", "ISAIAH", "TESSA", "DARIUS", "KAYLA", "ROWAN", "IMANI", "WESLEY", "PAIGE", "VICTOR",
        "ROSA", "DEREK", "ANJALI", "TRAVIS", "MIRANDA", "COLIN", "YESENIA", "GRANT", "LUCY", "ANDRE",
        "BETHANY", "RAMON", "HOLLY", "QUINN", "DIANA", "EMMETT", "SIERRA", "FELIX", "NADIA", "OWEN"};

    private static final String[] LAST_NAMES = {
        "HARTWELL", "CALLOWAY", "PRESCOTT", "MORAVEC", "ABERNATHY", "QUINTERO", "LOCKHART", "BRANNIGAN",
        "FAIRCHILD", "OYELARAN", "DUBRAVKA", "PEMBERTON", "VASQUEZ", "HOLLOWAY", "STRICKLAND", "NAKAMURA",
        "GALLOWAY", "ESPINOZA", "WINSLOW", "KOWALCZYK", "THORNBURY", "ASHCROFT", "BELLAMY", "CHATTERJEE",
        "DELACROIX", "EVERHART", "FONTAINE", "GRISWOLD", "HAVERFORD", "IBARRA", "JANKOWSKI", "KINCAID",
        "LANGSTON", "MCALLISTER", "NOVOTNY", "OKONKWO", "PADGETT", "RADCLIFFE", "SANTORO", "TREMBLAY",
        "UNDERHILL", "VANCLEAVE", "WHITAKER", "YARBROUGH", "ZELLWEGER", "ALDRIDGE", "BASKERVILLE", "CORDOVA",
        "DRISCOLL", "EASTWOOD", "FERRANTE", "GOODWIN", "HALVORSEN", "IVERSEN", "JESSUP", "KILLIAN",
        "LINDGREN", "MACHADO", "NESBITT", "OSTROWSKI", "PARRISH", "RUTLEDGE", "SEVERANCE", "TOLLIVER",
        "UPSHAW", "VILLANUEVA", "WENTWORTH", "YOUNGBLOOD", "ZAMORA", "BRISCOE", "CARRINGTON", "DUNMORE"};

    // MBI letters leave out S, L, O, I, B and Z so they cannot be misread as digits
    private static final String MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY";
    private static final String MBI_ALPHANUMERIC = MBI_LETTERS + "0123456789";

    private final Map<Payer, List<Patient>> mentalHealth = new HashMap<>();
    private final Map<Payer, List<Patient>> substanceUse = new HashMap<>();

    PatientPanel(List<Payer> payers, GeneratorSettings settings, SplittableRandom random) {
        int size = Math.max(60, Math.min(settings.claimCount() / 6, 20_000));
        double totalWeight = payers.stream().mapToDouble(p -> settings.weightOf(p.planType())).sum();
        for (Payer payer : payers) {
            long samePlan = payers.stream().filter(p -> p.planType() == payer.planType()).count();
            double share = settings.weightOf(payer.planType()) / totalWeight / samePlan;
            int count = (int) Math.max(8, Math.round(size * share));
            int sudCount = (int) Math.max(3, Math.round(count * settings.part2Share()));
            List<Patient> mh = new ArrayList<>();
            List<Patient> sud = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                mh.add(newPatient(payer, false, random));
            }
            for (int i = 0; i < sudCount; i++) {
                sud.add(newPatient(payer, true, random));
            }
            mentalHealth.put(payer, mh);
            substanceUse.put(payer, sud);
        }
    }

    Patient pick(Payer payer, boolean sud, SplittableRandom random) {
        List<Patient> patients = (sud ? substanceUse : mentalHealth).get(payer);
        return patients.get(random.nextInt(patients.size()));
    }

    private static Patient newPatient(Payer payer, boolean sud, SplittableRandom random) {
        String last = pick(LAST_NAMES, random);
        String first = pick(FIRST_NAMES, random);
        String middle = random.nextInt(10) < 4 ? String.valueOf((char) ('A' + random.nextInt(26))) : null;
        return switch (payer.planType()) {
            case MEDICARE -> new Patient(payer, last, first, middle, medicareBeneficiaryId(random), null, null, sud);
            case MEDICAID -> new Patient(payer, last, first, middle, medicaidId(random), null, null, sud);
            case MEDICARE_ADVANTAGE -> new Patient(payer, last, first, middle,
                    payer.memberIdPrefix() + digits(9, random), null, null, sud);
            default -> commercialPatient(payer, last, first, middle, sud, random);
        };
    }

    // a quarter of commercial patients are covered as a spouse or child of the policy holder
    private static Patient commercialPatient(Payer payer, String last, String first, String middle, boolean sud,
                                             SplittableRandom random) {
        String subscriberId = payer.memberIdPrefix() + digits(9, random);
        String group = "G" + digits(6, random);
        if (random.nextInt(4) == 0) {
            Patient.Subscriber holder = new Patient.Subscriber(last, pick(FIRST_NAMES, random), subscriberId);
            return new Patient(payer, last, first, middle, subscriberId + "0" + (2 + random.nextInt(3)), holder,
                    group, sud);
        }
        return new Patient(payer, last, first, middle, subscriberId + "01", null, group, sud);
    }

    /** Medicare Beneficiary Identifier layout: N A AN N A AN N A A N N. */
    private static String medicareBeneficiaryId(SplittableRandom random) {
        return new StringBuilder(11)
                .append((char) ('1' + random.nextInt(9)))
                .append(pick(MBI_LETTERS, random))
                .append(pick(MBI_ALPHANUMERIC, random))
                .append(digits(1, random))
                .append(pick(MBI_LETTERS, random))
                .append(pick(MBI_ALPHANUMERIC, random))
                .append(digits(1, random))
                .append(pick(MBI_LETTERS, random))
                .append(pick(MBI_LETTERS, random))
                .append(digits(2, random))
                .toString();
    }

    private static String medicaidId(SplittableRandom random) {
        return "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)) + digits(5, random)
                + (char) ('A' + random.nextInt(26));
    }

    static String digits(int count, SplittableRandom random) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }

    private static char pick(String letters, SplittableRandom random) {
        return letters.charAt(random.nextInt(letters.length()));
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
