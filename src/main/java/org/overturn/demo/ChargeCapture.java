package org.overturn.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns a visit pattern into the claim the clinic sends: who rendered it, which dates, which codes and
 * modifiers, and where it was billed.
 */
final class ChargeCapture {

    /** Provider types payers most often leave uncredentialed. */
    private static final Set<ProviderType> CREDENTIALING_RISK = EnumSet.of(
            ProviderType.LPC, ProviderType.LMFT, ProviderType.ADDICTION_COUNSELOR, ProviderType.NURSE_PRACTITIONER);

    private final Clinic clinic;

    ChargeCapture(Clinic clinic) {
        this.clinic = clinic;
    }

    BilledClaim capture(String patientControlNumber, Patient patient, EncounterType type, Shape shape,
                        LocalDate lastServiceDate, boolean credentialingRisk, SplittableRandom random) {
        PlanType plan = patient.payer().planType();
        Clinician clinician = pickClinician(type, plan, credentialingRisk, random);
        List<LocalDate> dates = serviceDates(type, shape, lastServiceDate, random);
        boolean[] telehealth = telehealth(type, shape, dates.size(), random);
        boolean addOnFirstDate = addOn(type, shape, dates.size(), random);

        List<BilledLine> lines = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            List<String> modifiers = telehealth[i] ? List.of(telehealthModifier(patient.payer(), random)) : List.of();
            boolean withAddOn = i == 0 ? addOnFirstDate
                    : type == EncounterType.MEDICATION_MANAGEMENT && random.nextInt(10) < 4;
            addSession(lines, type, plan, clinician, dates.get(i), modifiers, telehealth[i], withAddOn, random);
        }
        return new BilledClaim(patientControlNumber, patient, clinician, type,
                facilityCode(type, plan, telehealth[0], random), lines);
    }

    private void addSession(List<BilledLine> lines, EncounterType type, PlanType plan, Clinician clinician,
                            LocalDate date, List<String> modifiers, boolean telehealth, boolean withAddOn,
                            SplittableRandom random) {
        boolean medicare = plan == PlanType.MEDICARE;
        switch (type) {
            case PSYCHOTHERAPY -> {
                lines.add(line(Procedure.psychotherapyFor(sessionMinutes(random)), modifiers, date, 1, telehealth));
                if (withAddOn) {
                    lines.add(line(Procedure.INTERACTIVE_COMPLEXITY, modifiers, date, 1, telehealth));
                }
            }
            case INTAKE -> {
                Procedure evaluation = clinician.type().prescribes()
                        ? Procedure.DIAGNOSTIC_EVALUATION_MEDICAL : Procedure.DIAGNOSTIC_EVALUATION;
                lines.add(line(evaluation, modifiers, date, 1, telehealth));
                if (withAddOn) {
                    lines.add(line(Procedure.INTERACTIVE_COMPLEXITY, modifiers, date, 1, telehealth));
                }
            }
            case MEDICATION_MANAGEMENT -> {
                Procedure visit = random.nextInt(10) < 6 ? Procedure.OFFICE_VISIT_LOW : Procedure.OFFICE_VISIT_MODERATE;
                lines.add(line(visit, modifiers, date, 1, telehealth));
                if (withAddOn) {
                    lines.add(line(Procedure.psychotherapyWithEmFor(16 + random.nextInt(30)), modifiers, date, 1,
                            telehealth));
                }
            }
            case FAMILY_THERAPY -> {
                Procedure family = random.nextInt(10) < 7
                        ? Procedure.FAMILY_WITH_PATIENT : Procedure.FAMILY_WITHOUT_PATIENT;
                lines.add(line(family, modifiers, date, 1, telehealth));
            }
            case GROUP_THERAPY -> lines.add(line(Procedure.GROUP_PSYCHOTHERAPY, modifiers, date, 1, telehealth));
            case BEHAVIORAL_SUPPORT -> lines.add(line(Procedure.THERAPEUTIC_BEHAVIORAL_SERVICES, modifiers, date,
                    4 + random.nextInt(5), telehealth));
            case PARTIAL_HOSPITALIZATION -> lines.add(line(Procedure.PARTIAL_HOSPITALIZATION, modifiers, date, 1,
                    telehealth));
            case INTENSIVE_OUTPATIENT -> lines.add(line(Procedure.INTENSIVE_OUTPATIENT, modifiers, date, 1,
                    telehealth));
            case SUD_INTENSIVE_OUTPATIENT -> lines.add(line(Procedure.SUD_INTENSIVE_OUTPATIENT,
                    sudModifiers(plan, modifiers), date, 1, telehealth));
            // Medicare pays the Part 2 program's licensed clinicians under CPT codes, not the SUD HCPCS
            case SUD_ASSESSMENT -> lines.add(medicare
                    ? line(Procedure.DIAGNOSTIC_EVALUATION, modifiers, date, 1, telehealth)
                    : line(Procedure.SUD_ASSESSMENT, sudModifiers(plan, modifiers), date, 1, telehealth));
            case SUD_COUNSELING -> lines.add(medicare
                    ? line(Procedure.psychotherapyFor(sessionMinutes(random)), modifiers, date, 1, telehealth)
                    : line(Procedure.SUD_COUNSELING, sudModifiers(plan, modifiers), date, 2 + random.nextInt(3),
                    telehealth));
            case SUD_GROUP -> lines.add(medicare
                    ? line(Procedure.GROUP_PSYCHOTHERAPY, modifiers, date, 1, telehealth)
                    : line(Procedure.SUD_GROUP_COUNSELING, sudModifiers(plan, modifiers), date, 1, telehealth));
        }
    }

    private static BilledLine line(Procedure procedure, List<String> modifiers, LocalDate date, int units,
                                   boolean telehealth) {
        return new BilledLine(procedure, modifiers, date, units, procedure.charge(units), telehealth);
    }

    /** Medicaid wants HF (substance abuse program) on SUD services, ahead of any telehealth modifier. */
    private static List<String> sudModifiers(PlanType plan, List<String> modifiers) {
        if (plan != PlanType.MEDICAID) {
            return modifiers;
        }
        List<String> withProgram = new ArrayList<>(modifiers.size() + 1);
        withProgram.add("HF");
        withProgram.addAll(modifiers);
        return withProgram;
    }

    /** Face-to-face minutes; the code follows from the time band. */
    private static int sessionMinutes(SplittableRandom random) {
        int band = random.nextInt(10);
        return band < 3 ? 25 + random.nextInt(13) : band < 7 ? 38 + random.nextInt(15) : 53 + random.nextInt(8);
    }

    private static String telehealthModifier(Payer payer, SplittableRandom random) {
        return random.nextInt(10) == 0 ? payer.audioOnlyModifier() : payer.telehealthModifier();
    }

    private Clinician pickClinician(EncounterType type, PlanType plan, boolean credentialingRisk,
                                    SplittableRandom random) {
        List<Clinician> candidates = clinic.clinicians().stream().filter(c -> renders(c, type, plan)).toList();
        if (credentialingRisk) {
            List<Clinician> risky = candidates.stream().filter(c -> CREDENTIALING_RISK.contains(c.type())).toList();
            if (!risky.isEmpty()) {
                candidates = risky;
            }
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    /** Whether one of the clinic's clinicians renders this kind of claim for this plan. */
    boolean canRender(EncounterType type, PlanType plan) {
        return clinic.clinicians().stream().anyMatch(c -> renders(c, type, plan));
    }

    private static boolean renders(Clinician clinician, EncounterType type, PlanType plan) {
        ProviderType provider = clinician.type();
        if (type.sud()) {
            if (!clinician.part2Program()) {
                return false;
            }
            // Medicare does not enroll addiction counselors, and the IOP is run by the program's LCSW
            boolean counselor = provider == ProviderType.ADDICTION_COUNSELOR;
            return !(counselor && (plan == PlanType.MEDICARE || type == EncounterType.SUD_INTENSIVE_OUTPATIENT));
        }
        if (clinician.part2Program()) {
            return false;
        }
        return switch (type) {
            case PSYCHOTHERAPY -> EnumSet.of(ProviderType.PSYCHOLOGIST, ProviderType.LCSW, ProviderType.LPC,
                    ProviderType.LMFT).contains(provider);
            case INTAKE -> provider != ProviderType.ADDICTION_COUNSELOR;
            case MEDICATION_MANAGEMENT -> provider.prescribes();
            case FAMILY_THERAPY -> EnumSet.of(ProviderType.LMFT, ProviderType.LCSW, ProviderType.PSYCHOLOGIST)
                    .contains(provider);
            case GROUP_THERAPY -> EnumSet.of(ProviderType.LCSW, ProviderType.LPC, ProviderType.PSYCHOLOGIST)
                    .contains(provider);
            case BEHAVIORAL_SUPPORT -> provider == ProviderType.LCSW || provider == ProviderType.LPC;
            default -> provider == ProviderType.PSYCHIATRIST;
        };
    }

    private static List<LocalDate> serviceDates(EncounterType type, Shape shape, LocalDate last,
                                                SplittableRandom random) {
        int count = switch (type) {
            case PSYCHOTHERAPY -> weighted(random, 55, 20, 15, 10);
            case MEDICATION_MANAGEMENT -> random.nextInt(10) == 0 ? 2 : 1;
            case FAMILY_THERAPY -> random.nextInt(10) < 3 ? 2 : 1;
            case GROUP_THERAPY, SUD_GROUP -> 1 + random.nextInt(4);
            case BEHAVIORAL_SUPPORT, SUD_COUNSELING -> 1 + random.nextInt(3);
            case PARTIAL_HOSPITALIZATION -> 3 + random.nextInt(3);
            case INTENSIVE_OUTPATIENT -> 3;
            case SUD_INTENSIVE_OUTPATIENT -> 3 + random.nextInt(2);
            case INTAKE, SUD_ASSESSMENT -> 1;
        };
        boolean needsDates = shape == Shape.MULTI_DATE || shape == Shape.MIXED_TELEHEALTH
                || (shape == Shape.MULTI_LINE && !type.canTake(Shape.ADD_ON));
        if (needsDates) {
            count = Math.max(count, 2);
        }
        // PHP runs every weekday, IOP every other day, outpatient sessions weekly
        int step = type == EncounterType.PARTIAL_HOSPITALIZATION ? 1 : type.perDiem() ? 2 : 7;
        List<LocalDate> dates = new ArrayList<>(count);
        LocalDate date = weekday(last);
        for (int i = 0; i < count; i++) {
            dates.add(0, date);
            date = weekday(date.minusDays(step));
        }
        return dates;
    }

    private static boolean[] telehealth(EncounterType type, Shape shape, int dates, SplittableRandom random) {
        boolean[] flags = new boolean[dates];
        if (!type.telehealthCapable()) {
            return flags;
        }
        switch (shape) {
            case ALL_TELEHEALTH -> Arrays.fill(flags, true);
            case MIXED_TELEHEALTH -> {
                int remote = random.nextInt(dates);
                int inPerson = (remote + 1 + random.nextInt(dates - 1)) % dates;
                for (int i = 0; i < dates; i++) {
                    flags[i] = i == remote || (i != inPerson && random.nextBoolean());
                }
            }
            default -> {
                int percent = switch (type) {
                    case MEDICATION_MANAGEMENT -> 40;
                    case PSYCHOTHERAPY -> 35;
                    case FAMILY_THERAPY, SUD_COUNSELING -> 30;
                    case INTAKE -> 25;
                    default -> 20;
                };
                boolean remote = random.nextInt(100) < percent;
                boolean mixed = random.nextInt(100) < 15;
                for (int i = 0; i < dates; i++) {
                    flags[i] = mixed ? random.nextInt(100) < percent : remote;
                }
            }
        }
        return flags;
    }

    private static boolean addOn(EncounterType type, Shape shape, int dates, SplittableRandom random) {
        if (!type.canTake(Shape.ADD_ON)) {
            return false;
        }
        if (shape == Shape.ADD_ON || (shape == Shape.MULTI_LINE && dates < 2)) {
            return true;
        }
        int percent = switch (type) {
            case MEDICATION_MANAGEMENT -> 40;
            case INTAKE -> 10;
            default -> 8;
        };
        return random.nextInt(100) < percent;
    }

    private static String facilityCode(EncounterType type, PlanType plan, boolean telehealth,
                                       SplittableRandom random) {
        if (type.perDiem()) {
            return EncounterType.INSTITUTIONAL_FACILITY;
        }
        if (telehealth) {
            return random.nextInt(10) < 7 ? "10" : "02";
        }
        return type.sud() && plan != PlanType.MEDICARE ? "57" : "11";
    }

    private static LocalDate weekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY ? date.minusDays(1) : day == DayOfWeek.SUNDAY ? date.minusDays(2) : date;
    }

    private static int weighted(SplittableRandom random, int... percents) {
        int roll = random.nextInt(100);
        for (int i = 0; i < percents.length; i++) {
            roll -= percents[i];
            if (roll < 0) {
                return i + 1;
            }
        }
        return percents.length;
    }
}
