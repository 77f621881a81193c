package org.overturn.part2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notice of 42 CFR 2.32(a) that accompanies every disclosure made under a consent, read as data with its source
 * from {@value #RESOURCE}: the full statement (printed on each Part 2 letter and on the consent's scope sent with
 * it) and the short one (the email that carries them).
 *
 * @param statement1 the paragraphs of the full statement, in order
 */
public record RedisclosureNotice(String citation, String source, String asOf, List<String> statement1,
                                 String statement2) {

    public static final String RESOURCE = "part2/redisclosure-notice.txt";

    private static final RedisclosureNotice SHIPPED = load();

    public RedisclosureNotice {
        statement1 = List.copyOf(statement1);
    }

    public static RedisclosureNotice shipped() {
        return SHIPPED;
    }

    /** The full statement as one text, its paragraphs on their own lines. */
    public String fullText() {
        return String.join("\n", statement1);
    }

    private static RedisclosureNotice load() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        InputStream in = RedisclosureNotice.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing from the classpath: " + RESOURCE);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> current = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
                } else if (current == null) {
                    throw new IllegalStateException(RESOURCE + ": text before the first [section]");
                } else {
                    current.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RedisclosureNotice(one(sections, "citation"), one(sections, "source"), one(sections, "as-of"),
                sections.getOrDefault("statement-1", List.of()), one(sections, "statement-2"));
    }

    private static String one(Map<String, List<String>> sections, String key) {
        List<String> lines = sections.get(key);
        if (lines == null || lines.size() != 1) {
            throw new IllegalStateException(RESOURCE + ": [" + key + "] needs exactly one line");
        }
        return lines.get(0);
    }
}
