package org.overturn.demo;

import java.util.List;

/**
 * The practice whose remittances the generator writes: the payee (N1*PE) of every transaction and the
 * employer of the rendering providers. Invented, but with a well-formed organisation NPI.
 */
public record Clinic(
        String name,
        String npi,
        String taxId,
        String street,
        String city,
        String state,
        String postalCode,
        List<Clinician> clinicians) {

    public Clinic {
        clinicians = List.copyOf(clinicians);
    }

    /** Riverbend Behavioral Health: outpatient therapy, medication management, PHP/IOP and a Part 2 SUD program. */
    public static Clinic riverbend() {
        return new Clinic("RIVERBEND BEHAVIORAL HEALTH", Npi.of("204815736"), "841736520",
                "1200 RIVERBEND PKWY STE 300", "MILLBROOK", "PA", "170509214", List.of(
                new Clinician("OKAFOR", "HELEN", ProviderType.PSYCHIATRIST, Npi.of("155203418"), false),
                new Clinician("MENON", "RAJIV", ProviderType.PSYCHIATRIST, Npi.of("166409127"), false),
                new Clinician("WHITFIELD", "DANA", ProviderType.NURSE_PRACTITIONER, Npi.of("172285406"), false),
                new Clinician("ORTEGA", "SAMUEL", ProviderType.PSYCHOLOGIST, Npi.of("138840251"), false),
                new Clinician("DELGADO", "MARIA", ProviderType.LCSW, Npi.of("149962035"), false),
                new Clinician("COLEMAN", "AISHA", ProviderType.LPC, Npi.of("110357864"), false),
                new Clinician("NOVAK", "THOMAS", ProviderType.LPC, Npi.of("183316092"), false),
                new Clinician("LINDQVIST", "GRACE", ProviderType.LMFT, Npi.of("191420573"), false),
                new Clinician("BRANDT", "KEVIN", ProviderType.LCSW, Npi.of("126673904"), true),
                new Clinician("PIKE", "JEROME", ProviderType.ADDICTION_COUNSELOR, Npi.of("174058316"), true),
                new Clinician("CASTILLO", "RENEE", ProviderType.ADDICTION_COUNSELOR, Npi.of("162917485"), true)));
    }

    /**
     * The demo billing office's three practices, each its own billing provider (the NPIs and tax ids of
     * {@code practice.DemoPractices}, which recognise their files): the group therapy practice, the psychiatric group
     * and the SUD program, Riverbend's clinicians split between them.
     */
    public static List<Clinic> billingOffice() {
        return List.of(groupTherapy(), psychiatricGroup(), sudProgram());
    }

    /** Riverbend's therapists: psychotherapy, family and group therapy, behavioral support. */
    public static Clinic groupTherapy() {
        Clinic all = riverbend();
        return new Clinic(all.name(), all.npi(), all.taxId(), all.street(), all.city(), all.state(), all.postalCode(),
                all.clinicians().stream().filter(c -> !c.part2Program() && !c.type().prescribes()).toList());
    }

    /** Millbrook Psychiatric Associates: evaluations, medication management and the PHP/IOP programs. */
    public static Clinic psychiatricGroup() {
        return new Clinic("MILLBROOK PSYCHIATRIC ASSOCIATES", Npi.of("307926415"), "841736537", "48 MARKET STREET",
                "MILLBROOK", "PA", "170509301", riverbend().clinicians().stream()
                .filter(c -> !c.part2Program() && c.type().prescribes()).toList());
    }

    /** Harbor Light Recovery Program: a federally assisted SUD program, so every claim it bills is a Part 2 record. */
    public static Clinic sudProgram() {
        return new Clinic("HARBOR LIGHT RECOVERY PROGRAM", Npi.of("409137524"), "841736544", "9 HARBOR ROAD",
                "MILLBROOK", "PA", "170519120", riverbend().clinicians().stream()
                .filter(Clinician::part2Program).toList());
    }

    /** The start of the clinic's patient control numbers: its name's initials ({@code RB} for Riverbend). */
    public String claimPrefix() {
        String[] words = name.split(" ");
        return words.length < 2 ? name.substring(0, 2) : "" + words[0].charAt(0) + words[1].charAt(0);
    }

    /** Whether the clinician renders for this clinic. */
    public boolean employs(Clinician clinician) {
        return clinicians.contains(clinician);
    }

    /** NPIs of the clinicians whose claims are Part 2 records. */
    public List<String> part2Npis() {
        return clinicians.stream().filter(Clinician::part2Program).map(Clinician::npi).toList();
    }
}
