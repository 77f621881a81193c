package org.overturn.claim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.overturn.claim.BilledClaim;

/**
 * A billed claim as stored in {@code billed_claim.document}: the record as read, in JSON, so its replacement can be
 * written from exactly what was sent. Its own mapper, so that the application's JSON settings cannot change it.
 */
public final class ClaimDocuments {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ClaimDocuments() {
    }

    public static String write(BilledClaim claim) {
        try {
            return MAPPER.writeValueAsString(claim);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a billed claim is always writable as JSON", e);
        }
    }

    public static BilledClaim read(String json) {
        try {
            return MAPPER.readValue(json, BilledClaim.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("billed_claim.document is not a billed claim", e);
        }
    }
}
