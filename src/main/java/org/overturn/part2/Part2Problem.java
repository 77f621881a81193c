package org.overturn.part2;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Why a consent or program change was refused: something unknown, or input that does not hold. */
public class Part2Problem extends RuntimeException {

    public enum Kind { NOT_FOUND, INVALID }

    private final Kind kind;
    private final Map<String, String> fieldErrors;

    Part2Problem(Kind kind, String message) {
        this(kind, message, Map.of());
    }

    Part2Problem(Kind kind, String message, Map<String, String> fieldErrors) {
        super(message);
        this.kind = kind;
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public Kind kind() {
        return kind;
    }

    /** Field name to what is wrong with it, in field order; empty when the problem is not one field's. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
