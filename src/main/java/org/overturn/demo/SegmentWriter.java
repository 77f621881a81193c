package org.overturn.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Writes X12 segments with the delimiters the generator declares in ISA: {@code *} between elements, {@code :}
 * between components, {@code ~} and a newline after each segment. Trailing empty elements are left out, as
 * the standard asks. Counts segments so that SE01 can be filled in.
 */
final class SegmentWriter {

    static final char ELEMENT = '*';
    static final char COMPONENT = ':';
    static final char REPETITION = '^';
    static final char TERMINATOR = '~';

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final Writer out;
    private final StringBuilder segment = new StringBuilder(160);
    private int count;

    SegmentWriter(Writer out) {
        this.out = out;
    }

    void write(String id, String... elements) {
        segment.setLength(0);
        segment.append(id);
        int last = elements.length - 1;
        while (last >= 0 && (elements[last] == null || elements[last].isEmpty())) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            segment.append(ELEMENT);
            if (elements[i] != null) {
                segment.append(elements[i]);
            }
        }
        segment.append(TERMINATOR).append('\n');
        try {
            out.append(segment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count++;
    }

    /** Segments written since the last reset (ST to here, for SE01). */
    int count() {
        return count;
    }

    void resetCount() {
        count = 0;
    }

    static String composite(String... components) {
        int last = components.length - 1;
        while (last >= 0 && (components[last] == null || components[last].isEmpty())) {
            last--;
        }
        StringBuilder text = new StringBuilder(24);
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                text.append(COMPONENT);
            }
            if (components[i] != null) {
                text.append(components[i]);
            }
        }
        return text.toString();
    }

    static String amount(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    static String date(LocalDate value) {
        return value.format(CCYYMMDD);
    }
}
