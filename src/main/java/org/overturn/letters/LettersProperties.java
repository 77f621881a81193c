package org.overturn.letters;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How letters look and leave: the practice's letterhead and signer, where edited templates live, who the
 * emails come from, and how large an attached document may be.
 *
 * @param templateDir a folder whose templates win over the shipped ones (same names, same {@code payers/<id>/}
 *                    layout); empty: the shipped templates only
 * @param from        the sender of appeal emails
 * @param bcc         an address that gets a copy of every appeal email (the office's own archive), optional
 * @param attachmentTotalMaxBytes the most a denial's attachments may total, checked when one is added and
 *                    before a letter is sent (mail servers refuse large messages; base64 adds a third)
 */
@ConfigurationProperties("overturn.letters")
public record LettersProperties(String templateDir, @DefaultValue Practice practice, @DefaultValue Signer signer,
                                @DefaultValue("appeals@overturn.local") String from, String bcc,
                                @DefaultValue("10485760") long attachmentMaxBytes,
                                @DefaultValue("20") int attachmentMaxCount,
                                @DefaultValue("20971520") long attachmentTotalMaxBytes) {

    /** The letterhead; the practice's name falls back to the payee named in the 835. */
    public record Practice(String name, @DefaultValue List<String> address, String phone, String fax,
                           String email) {
    }

    /** Who signs; empty name: the biller who prepared the appeal. */
    public record Signer(String name, @DefaultValue("Billing and Reimbursement") String title) {
    }
}
