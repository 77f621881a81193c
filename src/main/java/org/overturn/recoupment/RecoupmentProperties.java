package org.overturn.recoupment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param disputeDays days to dispute a recoupment when the payer directory has no appeal window for the payer
 *                    (the payer's first-level appeal window otherwise: a dispute is a provider appeal)
 */
@ConfigurationProperties("overturn.recoupments")
public record RecoupmentProperties(@DefaultValue("60") int disputeDays) {
}
