package org.overturn.letters;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local run's mail server: an embedded GreenMail that accepts every message over SMTP and keeps it in a
 * mailbox per recipient (readable over IMAP with the address as user and password), so letters can be sent
 * and looked at without a real mail server. Tests stop and start it to play an outage.
 */
public class LocalMailOutbox {

    private static final Logger log = LoggerFactory.getLogger(LocalMailOutbox.class);

    private final int smtpPort;
    private final int imapPort;
    private GreenMail server;

    LocalMailOutbox(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort == 0 ? freePort() : smtpPort;
        this.imapPort = imapPort == 0 ? freePort() : imapPort;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
        log.info("Local mail outbox listening: SMTP 127.0.0.1:{}, IMAP 127.0.0.1:{}", smtpPort, imapPort);
    }

    /** Stops accepting mail; what it received so far is forgotten. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Every message received since the server started. */
    public synchronized List<MimeMessage> received() {
        return server == null ? List.of() : List.of(server.getReceivedMessages());
    }

    /** Forgets what was received (tests start from an empty outbox). */
    public synchronized void clear() {
        if (server != null) {
            try {
                server.purgeEmailFromAllMailboxes();
            } catch (com.icegreen.greenmail.store.FolderException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
