package org.overturn.payer;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A practice's terms or rates that break the rules: a message per field (or per CSV row and column), all of them in
 * the message too, so an API client reads what to fix without looking further (400 from the API, beside the field on
 * the page).
 */
public class InvalidTerms extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidTerms(Map<String, String> fieldErrors) {
        super(fieldErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; ")));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
