package org.overturn.correction;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where replacement and void 837s go for the clearinghouse, and the envelope values used when the original claim's
 * own are not on file.
 *
 * @param folder       the outbox folder the clearinghouse's agent picks files up from
 * @param senderId     ISA06/GS02 fallback (the submitter's id at the clearinghouse)
 * @param receiverId   ISA08/GS03 fallback
 * @param contactName  1000A PER02
 * @param contactPhone 1000A PER04, digits only
 * @param production   ISA15 P when true, T (test) otherwise
 */
@ConfigurationProperties("overturn.claims-outbox")
public record ClaimsOutboxProperties(@DefaultValue("./data/outbox/837") Path folder,
                                     @DefaultValue("OVERTURN") String senderId,
                                     @DefaultValue("CLEARINGHOUSE") String receiverId,
                                     @DefaultValue("Billing office") String contactName,
                                     @DefaultValue("5555550100") String contactPhone,
                                     @DefaultValue("false") boolean production) {
}
