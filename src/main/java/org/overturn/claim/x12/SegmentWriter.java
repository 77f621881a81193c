package org.overturn.claim.x12;

import static org.overturn.claim.x12.X12Text.COMPONENT;
import static org.overturn.claim.x12.X12Text.ELEMENT;
import static org.overturn.claim.x12.X12Text.TERMINATOR;

import java.nio.charset.StandardCharsets;

/**
 * Lays segments out with the delimiters the writer declares in ISA: {@code *} between elements, {@code :} between
 * components, {@code ~} and a line break after each segment. Trailing empty elements and components are left out,
 * as X12 asks. Counts the segments since the last {@link #startCount()}, for SE01.
 *
 * <p>The last line of defence against a delimiter leaking from a value: every simple element and every component is
 * checked, and one holding a delimiter or a control character is a bug upstream ({@link IllegalStateException}),
 * since values reach here already made safe by {@link X12Text}.
 */
final class SegmentWriter {

    /** A composite element built by {@link #composite}: its component separators are the only delimiters in it. */
    record Composite(String text) {
    }

    private final StringBuilder out = new StringBuilder(8192);
    private int count;

    /**
     * Writes a segment. Each element is a String (a simple element, null or empty when absent) or a
     * {@link Composite}.
     */
    void write(String tag, Object... elements) {
        int last = elements.length - 1;
        while (last >= 0 && isEmpty(elements[last])) {
            last--;
        }
        out.append(tag);
        for (int i = 0; i <= last; i++) {
            out.append(ELEMENT);
            Object element = elements[i];
            if (element instanceof Composite composite) {
                out.append(composite.text());
            } else if (element != null) {
                String text = (String) element;
                check(tag, i + 1, text);
                out.append(text);
            }
        }
        end();
    }

    /**
     * Writes the ISA as given: its elements are fixed-width and two of them are the repetition and component
     * separators themselves, so they are not checked like data.
     */
    void writeInterchangeHeader(String... elements) {
        out.append("ISA");
        for (String element : elements) {
            out.append(ELEMENT).append(element);
        }
        end();
    }

    /** A composite of the given components (null or empty when absent); trailing absent ones are left out. */
    static Composite composite(String... components) {
        int last = components.length - 1;
        while (last >= 0 && (components[last] == null || components[last].isEmpty())) {
            last--;
        }
        StringBuilder text = new StringBuilder(32);
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                text.append(COMPONENT);
            }
            if (components[i] != null) {
                check("composite", i + 1, components[i]);
                text.append(components[i]);
            }
        }
        return new Composite(text.toString());
    }

    /** Starts counting segments again (at ST). */
    void startCount() {
        count = 0;
    }

    /** Segments written since {@link #startCount()}, the one being counted for SE01 not included. */
    int count() {
        return count;
    }

    byte[] bytes() {
        // every value is printable ASCII by now (X12Text), so the encoding changes nothing
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void end() {
        out.append(TERMINATOR).append('\n');
        count++;
    }

    private static boolean isEmpty(Object element) {
        return element == null
                || element instanceof String text && text.isEmpty()
                || element instanceof Composite composite && composite.text().isEmpty();
    }

    private static void check(String where, int position, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!X12Text.isSafe(text.charAt(i))) {
                throw new IllegalStateException(where + " element " + position
                        + " holds a delimiter or control character: a value reached the writer unchecked");
            }
        }
    }
}
