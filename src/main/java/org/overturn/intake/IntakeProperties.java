package org.overturn.intake;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param inbox         the folder a clearinghouse drops 835 files into; {@code processed/}, {@code quarantine/} and
 *                      {@code .processing/} (the files each node is reading) are created inside it
 * @param pollInterval  how often the inbox is looked at
 * @param inboxEnabled  whether the running server watches the inbox at all
 * @param maxFileSize   a larger file in the inbox is quarantined unread (an 835 of a large payer's week is a few
 *                      MB; a file of gigabytes is a mistake or an attack on the server's memory)
 * @param settleTime    a file is taken only once its size and modification time have stayed the same this long, so
 *                      that a sender still writing it in place is never read half-way (0: taken when first seen)
 * @param takeoverAfter a file in the {@code .processing/} folder of a node that has given no sign of life this long
 *                      (a node killed while it read or stored the file) is taken over by another node
 * @param nodeId        names this server's {@code .processing/} folder; unset: the host name and process id
 */
@ConfigurationProperties("overturn.intake")
public record IntakeProperties(@DefaultValue("./data/inbox") Path inbox,
                               @DefaultValue("5s") Duration pollInterval,
                               @DefaultValue("true") boolean inboxEnabled,
                               @DefaultValue("100MB") DataSize maxFileSize,
                               @DefaultValue("2s") Duration settleTime,
                               @DefaultValue("5m") Duration takeoverAfter,
                               String nodeId) {
}
