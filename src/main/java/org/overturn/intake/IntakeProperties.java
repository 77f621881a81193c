package org.overturn.intake;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param inbox        the folder a clearinghouse drops 835 files into; {@code processed/} and
 *                     {@code quarantine/} are created inside it
 * @param pollInterval how often the inbox is looked at
 * @param inboxEnabled whether the running server watches the inbox at all
 * @param maxFileSize  a larger file in the inbox is quarantined unread (an 835 of a large payer's week is a few
 *                     MB; a file of gigabytes is a mistake or an attack on the server's memory)
 */
@ConfigurationProperties("overturn.intake")
public record IntakeProperties(@DefaultValue("./data/inbox") Path inbox,
                               @DefaultValue("5s") Duration pollInterval,
                               @DefaultValue("true") boolean inboxEnabled,
                               @DefaultValue("100MB") DataSize maxFileSize) {
}
