package org.overturn.letters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which kinds of behavioral-health service a claim's lines bill, so a letter argues the rule that fits them (the
 * time rule only for time-based psychotherapy, the per-diem rule only for a per-diem level of care). Codes from
 * CPT (psychotherapy 90832-90838), HCPCS Level II (S0201, S9475, S9480, H0015, H0035, H2036) and the NUBC revenue
 * codes of PHP and IOP, as DESIGN section 2 and issue 17 list them.
 */
final class ServiceKinds {

    /** Psychotherapy billed by documented minutes, alone or as an add-on to an E/M service. */
    static final Set<String> TIMED_PSYCHOTHERAPY = Set.of("90832", "90833", "90834", "90836", "90837", "90838");

    /** Psychotherapy reported only with an E/M service of the same day. */
    static final Set<String> EM_ADD_ONS = Set.of("90833", "90836", "90838");

    /**
     * Per-diem levels of care: S0201 and H0035 partial hospitalization, S9480 and H0015 intensive outpatient, S9475
     * ambulatory SUD program, H2036 SUD day treatment; revenue codes 0912/0913 (PHP) and 0905/0906 (IOP).
     */
    static final Set<String> PER_DIEM = Set.of("S0201", "H0035", "S9480", "H0015", "S9475", "H2036",
            "0905", "0906", "0912", "0913");

    /** 95 synchronous audio-video, GT interactive audio-video, FQ and 93 audio-only. */
    static final Set<String> TELEHEALTH_MODIFIERS = Set.of("95", "GT", "FQ", "93");

    /** Place of service 02 (telehealth, not in the home) and 10 (telehealth in the home). */
    static final Set<String> TELEHEALTH_PLACES = Set.of("02", "10");

    private ServiceKinds() {
    }

    static boolean any(Collection<String> codes, Set<String> kind) {
        return codes.stream().anyMatch(c -> c != null && kind.contains(c.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    /** "modifier 95; place of service 10" for the marks of telehealth the claim carries, null when none. */
    static String telehealth(Collection<String> modifiers, String placeOfService) {
        List<String> marks = new ArrayList<>();
        modifiers.stream().filter(TELEHEALTH_MODIFIERS::contains).distinct().sorted()
                .forEach(m -> marks.add("modifier " + m));
        if (placeOfService != null && TELEHEALTH_PLACES.contains(placeOfService)) {
            marks.add("place of service " + placeOfService);
        }
        return marks.isEmpty() ? null : String.join("; ", marks);
    }
}
