package org.overturn.claimstatus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What a 277's claim status category (STC01-1) does to a follow-up, read from {@code claimstatus/status-categories.csv}
 * (X12 code list 507, source and year in the file). A category not in the table, and the R* requests for more
 * information, decide nothing: the biller's follow-up task stays.
 */
public final class ClaimStatusCategories {

    /** What the follow-up does on a status. */
    public enum Action { PAID, DENIED, FINALIZED, PENDING, NOT_ON_FILE, NONE }

    private static final String TABLE = "/claimstatus/status-categories.csv";

    private final Map<String, Action> actions;

    private ClaimStatusCategories(Map<String, Action> actions) {
        this.actions = Map.copyOf(actions);
    }

    /** The table shipped with the product. */
    public static ClaimStatusCategories shipped() {
        Map<String, Action> read = new HashMap<>();
        try (var in = ClaimStatusCategories.class.getResourceAsStream(TABLE);
             var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", 3);
                read.put(cells[0].trim(), Action.valueOf(cells[1].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(TABLE + " not readable", e);
        }
        return new ClaimStatusCategories(read);
    }

    public Action actionOf(String category) {
        return category == null ? Action.NONE : actions.getOrDefault(category.trim(), Action.NONE);
    }
}
