package org.overturn.intake;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param inbox        the folder a clearinghouse drops 835 files into; {@code processed/} and
 *                     {@code quarantine/} are created inside it
 * @param pollInterval how often the inbox is looked at
 * @param inboxEnabled whether the running server watches the inbox at all
 */
@ConfigurationProperties("overturn.intake")
public record IntakeProperties(@DefaultValue("./data/inbox") Path inbox,
                               @DefaultValue("5s") Duration pollInterval,
                               @DefaultValue("true") boolean inboxEnabled) {
}
