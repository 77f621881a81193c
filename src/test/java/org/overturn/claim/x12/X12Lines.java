package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A written 837 split back into segments and elements, for the structure tests. */
record X12Lines(String text, List<String> segments) {

    static X12Lines of(byte[] written) {
        String text = new String(written, StandardCharsets.US_ASCII);
        assertThat(text).as("the file ends with a terminator and a line break").endsWith("~\n");
        List<String> segments = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            assertThat(line).as("every segment ends with ~ and holds no other").endsWith("~");
            assertThat(line.indexOf('~')).as("a ~ inside a segment: " + line).isEqualTo(line.length() - 1);
            segments.add(line.substring(0, line.length() - 1));
        }
        return new X12Lines(text, segments);
    }

    /** Elements of a segment: [0] is the tag. */
    static String[] elements(String segment) {
        return segment.split("\\*", -1);
    }

    List<String[]> all(String tag) {
        return segments.stream().map(X12Lines::elements).filter(e -> e[0].equals(tag)).toList();
    }

    String[] first(String tag) {
        return all(tag).get(0);
    }

    int indexOf(String segment) {
        return segments.indexOf(segment);
    }

    /** The segments from the first that starts with {@code start} (inclusive) to the next that starts with end. */
    List<String> between(String start, String end) {
        int from = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (from < 0 && segments.get(i).startsWith(start)) {
                from = i;
            } else if (from >= 0 && segments.get(i).startsWith(end)) {
                return segments.subList(from, i);
            }
        }
        return from < 0 ? List.of() : segments.subList(from, segments.size());
    }

    @Override
    public String toString() {
        return segments.size() + " segments";
    }
}
