package org.overturn.practice;

import java.util.List;

/**
 * What a practice's letters carry at the top and bottom. Empty fields fall back to the configured letterhead.
 *
 * @param logoDataUri a {@code data:image/...} URI (the PDF renderer fetches no URL), or null
 */
public record Letterhead(List<String> addressLines, String phone, String fax, String signerName,
                         String signerTitle, String logoDataUri) {

    public static final Letterhead EMPTY = new Letterhead(List.of(), null, null, null, null, null);

    public Letterhead {
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }
}
