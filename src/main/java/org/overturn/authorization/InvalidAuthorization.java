package org.overturn.authorization;

import java.util.Map;

/** An authorization that breaks the rules: a message per field (400 from the API, beside the field on the page). */
public class InvalidAuthorization extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidAuthorization(Map<String, String> fieldErrors) {
        super("The authorization has " + fieldErrors.size() + " invalid field" + (fieldErrors.size() == 1 ? "" : "s"));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
