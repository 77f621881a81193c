package org.overturn.denial;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * What a decision table reads of its variables, found in the text of its expressions: a variable it names is read
 * whole; a list it only asks {@code list.contains('code')} of, with literal codes, is read as which of those codes it
 * holds; a variable it never names is not read. Two sets of variables that agree on what the table reads get the
 * same result, so the {@link #keyOf key} of a memo needs nothing more: a claim's full procedure list, or its payer,
 * made a file's denials thousands of distinct tuples where the table saw a few hundred (issue 20).
 */
final class TableReads {

    private static final Pattern CONTAINS = Pattern.compile(
            "\\b([A-Za-z_]\\w*)\\.contains\\(\\s*(?:'([^']*)'|\"([^\"]*)\")\\s*\\)");
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_]\\w*\\b");

    private final Set<String> readWhole;
    private final Map<String, List<String>> containsCodes;

    private TableReads(Set<String> readWhole, Map<String, List<String>> containsCodes) {
        this.readWhole = readWhole;
        this.containsCodes = containsCodes;
    }

    /** From the expressions of a DMN model: input expressions, input entries and output entries alike. */
    static TableReads of(DmnModelInstance dmn) {
        return ofExpressions(dmn.getModelElementsByType(Text.class).stream().map(Text::getTextContent).toList());
    }

    static TableReads ofExpressions(Collection<String> expressions) {
        Set<String> whole = new HashSet<>();
        Map<String, Set<String>> codes = new HashMap<>();
        for (String expression : expressions) {
            Matcher contains = CONTAINS.matcher(expression);
            while (contains.find()) {
                codes.computeIfAbsent(contains.group(1), name -> new TreeSet<>())
                        .add(contains.group(2) != null ? contains.group(2) : contains.group(3));
            }
            String rest = STRING_LITERAL.matcher(CONTAINS.matcher(expression).replaceAll(" ")).replaceAll(" ");
            Matcher identifier = IDENTIFIER.matcher(rest);
            while (identifier.find()) {
                whole.add(identifier.group());
            }
        }
        Map<String, List<String>> containsOnly = new HashMap<>();
        codes.forEach((name, literals) -> {
            if (!whole.contains(name)) {
                containsOnly.put(name, List.copyOf(literals));
            }
        });
        return new TableReads(Set.copyOf(whole), Map.copyOf(containsOnly));
    }

    /** The part of these variables the table reads, as a key that is equal wherever the table's result is. */
    Map<String, Object> keyOf(Map<String, Object> variables) {
        Map<String, Object> key = new HashMap<>();
        variables.forEach((name, value) -> {
            if (readWhole.contains(name)) {
                key.put(name, value);
            } else if (containsCodes.containsKey(name)) {
                key.put(name, held(containsCodes.get(name), value));
            }
        });
        return key;
    }

    /** Of the codes the table asks about, those the list holds (in the table's order). */
    private static Object held(List<String> codes, Object value) {
        if (!(value instanceof Collection<?> list)) {
            return value;
        }
        List<String> held = new ArrayList<>(codes.size());
        for (String code : codes) {
            if (list.contains(code)) {
                held.add(code);
            }
        }
        return held;
    }
}
