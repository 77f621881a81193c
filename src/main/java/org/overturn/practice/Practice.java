package org.overturn.practice;

import java.util.List;

/**
 * A practice (client) of the billing office: one billing provider.
 *
 * @param groupNpi       the billing provider's (organisation) NPI, as 835 payees and 837 billing providers name it
 * @param renderingNpis  its clinicians' NPIs, which also recognise it
 * @param recognisedFrom how it came to be: CREATED, MIGRATED, PAYEE_835 or BILLING_PROVIDER_837
 */
public record Practice(long id, String name, String taxId, String groupNpi, List<String> renderingNpis,
                       PracticeStatus status, Letterhead letterhead, String contactEmail, String recognisedFrom) {

    public Practice {
        renderingNpis = renderingNpis == null ? List.of() : List.copyOf(renderingNpis);
        letterhead = letterhead == null ? Letterhead.EMPTY : letterhead;
    }

    public PracticeRef ref() {
        return new PracticeRef(id, name);
    }
}
