package org.overturn.claim.x12;

import java.util.ArrayList;
import java.util.List;

import org.overturn.claim.OccurrenceSpan;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;

/**
 * The HI segments of a claim: each element a composite of a qualifier, a code and, for some, a date. Diagnoses are
 * gathered principal first (ABK/BK), the admitting diagnosis (ABJ/BJ) after it, then the others (ABF/BF, reason for
 * visit APR/PR, 4010's ZZ, external cause ABN/BN) in file order, so that on an 837P SV107 pointer n names
 * {@code diagnoses.get(n - 1)}, as HI01..HI12 are numbered. Codes are kept as sent, without the dot some systems
 * write (F33.1 is F331). Occurrence spans (BI) are kept with their dates; DRG (DR), procedure (BR, BQ ...),
 * occurrence (BH), value (BE) and condition (BG) codes are not modelled.
 *
 * <p>Some senders write the qualifier and the code as two elements ({@code HI*BK*8901*BF*87200}): a bare qualifier
 * followed by an element with no components is read as one composite, as the 835 reader does with SVC01.
 */
final class HealthCareCodes {

    private enum Role { PRINCIPAL, ADMITTING, OTHER, SPAN }

    private static final int MAX_CODE_LENGTH = 30;

    private final List<String> principal = new ArrayList<>(1);
    private final List<String> admitting = new ArrayList<>(1);
    private final List<String> other = new ArrayList<>(4);
    private final List<OccurrenceSpan> spans = new ArrayList<>(1);

    void read(Segment hi) throws MalformedX12Exception {
        int count = hi.elementCount();
        for (int e = 1; e <= count; e++) {
            String[] parts = parts(hi, e);
            if (parts == null || parts[0] == null) {
                continue;
            }
            Role role = role(parts[0]);
            String what = hi.name(e);
            if (parts.length == 1 && role != null && isBareCode(hi, e + 1)) {
                // qualifier and code written as two elements
                parts = new String[] {parts[0], hi.text(e + 1)};
                e++;
            }
            if (role == null) {
                continue;
            }
            String code = parts.length > 1 ? parts[1] : null;
            if (code == null) {
                throw hi.error(what + " '" + parts[0] + "' has no code");
            }
            code = hi.checkLength(what + "-2 (code)", withoutDot(code), MAX_CODE_LENGTH);
            switch (role) {
                case PRINCIPAL -> principal.add(code);
                case ADMITTING -> admitting.add(code);
                case OTHER -> other.add(code);
                case SPAN -> spans.add(span(hi, what, code, parts));
            }
        }
    }

    List<String> diagnoses() {
        List<String> all = new ArrayList<>(principal.size() + admitting.size() + other.size());
        all.addAll(principal);
        all.addAll(admitting);
        all.addAll(other);
        return all;
    }

    List<OccurrenceSpan> occurrenceSpans() {
        return spans;
    }

    private static Role role(String qualifier) {
        return switch (qualifier) {
            case "ABK", "BK" -> Role.PRINCIPAL;
            case "ABJ", "BJ" -> Role.ADMITTING;
            case "ABF", "BF", "APR", "PR", "ZZ", "ABN", "BN" -> Role.OTHER;
            case "BI" -> Role.SPAN;
            default -> null;
        };
    }

    /** BI:code:RD8:CCYYMMDD-CCYYMMDD (a D8 span is one day). */
    private static OccurrenceSpan span(Segment hi, String what, String code, String[] parts)
            throws MalformedX12Exception {
        String format = parts.length > 2 ? parts[2] : null;
        String value = parts.length > 3 ? parts[3] : null;
        if (format == null || value == null) {
            throw hi.error(what + " occurrence span has no dates (BI:code:RD8:CCYYMMDD-CCYYMMDD)");
        }
        ClaimDates.Period period = ClaimDates.period(hi, what + "-4 (occurrence span dates)", format, value);
        if (period == null) {
            throw hi.error(what + " occurrence span has a time, not dates");
        }
        return new OccurrenceSpan(code, period.from(), period.last());
    }

    /**
     * The components of one element. A composite written with another separator than ISA16 declared
     * ({@code HI*BK>9951} under {@code :}, as LinuxForHealth's samples do) arrives as one simple element: a
     * punctuation character right after a two- or three-letter qualifier is taken as the separator used.
     */
    private static String[] parts(Segment hi, int element) {
        int count = hi.componentCount(element);
        if (count > 1) {
            String[] parts = new String[count];
            for (int c = 1; c <= count; c++) {
                parts[c - 1] = hi.component(element, c);
            }
            return parts;
        }
        String text = hi.text(element);
        if (text == null) {
            return null;
        }
        int letters = 0;
        while (letters < text.length() && letters < 3 && Character.isLetter(text.charAt(letters))) {
            letters++;
        }
        if (letters >= 2 && letters < text.length() && isSeparator(text.charAt(letters))) {
            String[] parts = text.split(java.util.regex.Pattern.quote(String.valueOf(text.charAt(letters))), -1);
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i].trim();
                parts[i] = part.isEmpty() ? null : part;
            }
            return parts;
        }
        return new String[] {text};
    }

    /** Whether the element holds a code alone: no components, written or taken for them. */
    private static boolean isBareCode(Segment hi, int element) {
        if (hi.componentCount(element) != 1 || hi.text(element) == null) {
            return false;
        }
        return parts(hi, element).length == 1;
    }

    private static boolean isSeparator(char c) {
        return !Character.isLetterOrDigit(c) && c != ' ';
    }

    private static String withoutDot(String code) {
        return code.indexOf('.') < 0 ? code : code.replace(".", "");
    }
}
