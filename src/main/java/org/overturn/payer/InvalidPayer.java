package org.overturn.payer;

import java.util.Map;

/** A payer entry that breaks the rules: a message per field (400 from the API, beside the field on the page). */
class InvalidPayer extends RuntimeException {

    private final Map<String, String> fieldErrors;

    InvalidPayer(Map<String, String> fieldErrors) {
        super("The payer has " + fieldErrors.size() + " invalid field" + (fieldErrors.size() == 1 ? "" : "s"));
        this.fieldErrors = fieldErrors;
    }

    Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
