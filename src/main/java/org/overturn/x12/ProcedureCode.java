package org.overturn.x12;

import java.util.ArrayList;
import java.util.List;


/**
 * A composite medical procedure identifier (SVC01, SVC06): qualifier (HC, AD, NU, ZZ ...), code and up to
 * four modifiers.
 */
public record ProcedureCode(String qualifier, String code, List<String> modifiers) {

    private static final int FIRST_MODIFIER = 2;
    private static final int LAST_MODIFIER = 5;

    /** The code in the element, or null when the element is absent. */
    public static ProcedureCode of(Segment segment, int element) {
        String[] parts = Composite.parts(segment, element);
        if (parts == null) {
            return null;
        }
        List<String> modifiers = null;
        for (int i = FIRST_MODIFIER; i <= LAST_MODIFIER && i < parts.length; i++) {
            if (parts[i] != null) {
                if (modifiers == null) {
                    modifiers = new ArrayList<>(2);
                }
                modifiers.add(parts[i]);
            }
        }
        String code = parts.length > 1 ? parts[1] : null;
        return new ProcedureCode(parts[0], code, modifiers == null ? List.of() : modifiers);
    }

    /**
     * Refuses parts longer than X12 allows (qualifier 2, code 48), and modifiers longer than the 20 characters
     * the table keeps them in (joined by ':'; four modifiers of two characters take 11).
     */
    public void checkLengths(Segment segment, String element) throws MalformedX12Exception {
        // names and the joined modifiers are made only for an error: this runs for every service line
        if (qualifier != null && qualifier.length() > 2) {
            segment.checkLength(element + "-1 (qualifier)", qualifier, 2);
        }
        if (code != null && code.length() > 48) {
            segment.checkLength(element + "-2 (procedure code)", code, 48);
        }
        if (joinedLength(modifiers) > 20) {
            segment.checkLength(element + " modifiers", String.join(":", modifiers), 20);
        }
    }

    /** The length of the modifiers joined by ':'. */
    private static int joinedLength(List<String> modifiers) {
        int length = Math.max(0, modifiers.size() - 1);
        for (String modifier : modifiers) {
            length += modifier.length();
        }
        return length;
    }

    /** Whether the element holds a qualifier alone, with no code after it. */
    public boolean isBareQualifier() {
        return code == null && modifiers.isEmpty() && qualifier != null && qualifier.length() == 2;
    }
}
