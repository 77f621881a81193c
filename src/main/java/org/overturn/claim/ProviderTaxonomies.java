package org.overturn.claim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The taxonomy codes this product knows a credential for, read from {@code claim/provider-taxonomy.csv}
 * ({@code code,credential,name}; lines starting with # are the source notes).
 */
final class ProviderTaxonomies {

    private static final ProviderTaxonomies STANDARD = load();

    private final Map<String, ProviderCredential> credentials;

    private ProviderTaxonomies(Map<String, ProviderCredential> credentials) {
        this.credentials = Map.copyOf(credentials);
    }

    static ProviderTaxonomies standard() {
        return STANDARD;
    }

    ProviderCredential credentialOf(String taxonomy) {
        return taxonomy == null ? null : credentials.get(taxonomy.trim().toUpperCase(Locale.ROOT));
    }

    private static ProviderTaxonomies load() {
        Map<String, ProviderCredential> map = new HashMap<>();
        try (InputStream in = ProviderTaxonomies.class.getResourceAsStream("/claim/provider-taxonomy.csv")) {
            if (in == null) {
                throw new IllegalStateException("claim/provider-taxonomy.csv is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code,")) {
                    continue;
                }
                String[] parts = line.split(",", 3);
                map.put(parts[0].trim().toUpperCase(Locale.ROOT), ProviderCredential.valueOf(parts[1].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProviderTaxonomies(map);
    }
}
