package org.overturn.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;


/**
 * The segment being read: one reusable buffer that the element texts are copied into, then read by
 * position once the segment is complete. Strings are made only for the values the model keeps, and every
 * conversion error names the segment and element ({@code CLP03 '12a' is not a number}).
 *
 * <p>Each element is kept as its raw text (components joined by the component separator, repetitions by
 * the repetition separator, as they were in the file), with the boundaries of its components, so a
 * composite can be read whole or part by part.
 */
public final class Segment {

    private String tag = "";
    private int number;
    private char componentSeparator = ':';
    private char repetitionSeparator = '^';

    private char[] text = new char[256];
    private int textLength;

    private int elementCount;
    private int[] firstPiece = new int[32];
    private int[] pieceCount = new int[32];
    private int[] pieceStart = new int[64];
    private int[] pieceEnd = new int[64];
    private int pieces;
    private int occurrence;

    /**
     * Amounts and quantities are kept as numeric(14,2) and numeric(15,3): twelve digits before the point, far
     * beyond any payment (X12 allows 18 digits in all).
     */
    public static final int MAX_WHOLE_DIGITS = 12;
    private static final int MAX_QUOTED = 40;

    private final ShortValues shortValues = new ShortValues();

    /** The first element found holding a NUL character, 0 when none. */
    private int nulElement;

    void start(String segmentTag, int segmentNumber) {
        tag = segmentTag;
        number = segmentNumber;
        textLength = 0;
        elementCount = 0;
        pieces = 0;
        nulElement = 0;
    }

    void separators(char component, char repetition) {
        componentSeparator = component;
        repetitionSeparator = repetition;
    }

    /**
     * Makes room for one ELEMENT_DATA event's text and returns where in {@link #buffer()} to write it. A new
     * position opens an element; a new occurrence of the same element (the data held a repetition
     * separator) is joined back with that separator, since no 835 element read here repeats; a further
     * component is appended after a component separator.
     */
    int reserve(int position, int elementOccurrence, int length) {
        if (position != elementCount) {
            openElement(position);
            occurrence = elementOccurrence;
            return reservePiece(length);
        }
        if (elementOccurrence != occurrence) {
            occurrence = elementOccurrence;
            append(repetitionSeparator);
            int at = reserveText(length);
            pieceEnd[pieces - 1] = textLength;
            return at;
        }
        append(componentSeparator);
        pieceCount[position]++;
        return reservePiece(length);
    }

    /** Notes that the element holds a NUL (a corrupt file; no database keeps a NUL in text). */
    void flagNul(int element) {
        if (nulElement == 0) {
            nulElement = element;
        }
    }

    /** Refuses a segment that held a NUL character anywhere in its elements. */
    void checkNoNul() throws MalformedX12Exception {
        if (nulElement > 0) {
            throw error(name(nulElement) + " holds a NUL character");
        }
    }

    /** Where {@link #reserve} asks the text to be written; valid until the next call to reserve. */
    char[] buffer() {
        return text;
    }

    public String tag() {
        return tag;
    }

    public int number() {
        return number;
    }

    public boolean is(String segmentTag) {
        return tag.equals(segmentTag);
    }

    public int elementCount() {
        return elementCount;
    }

    /** Number of components of an element: 1 for a simple element, 0 when absent. */
    public int componentCount(int element) {
        return element <= elementCount ? pieceCount[element] : 0;
    }

    /** The element's text with surrounding spaces removed, or null when absent or blank. */
    public String text(int element) {
        if (element > elementCount || pieceCount[element] == 0) {
            return null;
        }
        int first = firstPiece[element];
        return trimmed(pieceStart[first], pieceEnd[first + pieceCount[element] - 1]);
    }

    /** One component (1-based) of a composite element, or null when absent or blank. */
    public String component(int element, int component) {
        if (component > componentCount(element)) {
            return null;
        }
        int piece = firstPiece[element] + component - 1;
        return trimmed(pieceStart[piece], pieceEnd[piece]);
    }

    /** Whether the element holds anything but spaces; makes no String. */
    public boolean isPresent(int element) {
        return element <= elementCount && pieceCount[element] > 0 && trimmedEnd(element) > trimmedStart(element);
    }

    public String requiredText(int element) throws MalformedX12Exception {
        String value = text(element);
        if (value == null) {
            throw missing(element);
        }
        return value;
    }

    /**
     * The element's text, or null when absent or blank; longer than {@code maxLength} is an error. The limits
     * are X12's for the elements this product keeps, and its tables are as wide.
     */
    public String text(int element, int maxLength) throws MalformedX12Exception {
        String value = text(element);
        // the element's name is made only for the error: this runs for most elements of a file
        if (value != null && value.length() > maxLength) {
            throw tooLong(name(element), value.length(), maxLength);
        }
        return value;
    }

    public String requiredText(int element, int maxLength) throws MalformedX12Exception {
        String value = requiredText(element);
        if (value.length() > maxLength) {
            throw tooLong(name(element), value.length(), maxLength);
        }
        return value;
    }

    /**
     * A value read from this segment (an element or a component, named {@code what}), refused when longer than
     * {@code maxLength}. The value itself is not repeated in the message: it may be a patient's name.
     */
    public String checkLength(String what, String value, int maxLength) throws MalformedX12Exception {
        if (value != null && value.length() > maxLength) {
            throw tooLong(what, value.length(), maxLength);
        }
        return value;
    }

    private MalformedX12Exception tooLong(String what, int length, int maxLength) {
        return error(what + " is " + length + " characters long; at most " + maxLength + " are allowed");
    }

    /** An X12 decimal, or null when the element is absent; a value that is not a number is an error. */
    public BigDecimal amount(int element) throws MalformedX12Exception {
        if (!isPresent(element)) {
            return null;
        }
        int start = trimmedStart(element);
        int end = trimmedEnd(element);
        BigDecimal value = X12Number.parse(text, start, end);
        if (value == null) {
            throw error(name(element) + " '" + quoted(start, end) + "' is not a number");
        }
        if (value.precision() - value.scale() > MAX_WHOLE_DIGITS) {
            throw error(name(element) + " '" + quoted(start, end) + "' is out of range: more than "
                    + MAX_WHOLE_DIGITS + " digits before the decimal point");
        }
        return value;
    }

    public BigDecimal requiredAmount(int element) throws MalformedX12Exception {
        BigDecimal value = amount(element);
        if (value == null) {
            throw missing(element);
        }
        return value;
    }

    /** A CCYYMMDD date, or null when the element is absent; anything else is an error. */
    public LocalDate date(int element) throws MalformedX12Exception {
        if (!isPresent(element)) {
            return null;
        }
        int start = trimmedStart(element);
        int end = trimmedEnd(element);
        LocalDate value = X12Date.parse(text, start, end);
        if (value == null) {
            throw error(name(element) + " '" + quoted(start, end) + "' is not a valid date (CCYYMMDD)");
        }
        return value;
    }

    public LocalDate requiredDate(int element) throws MalformedX12Exception {
        LocalDate value = date(element);
        if (value == null) {
            throw missing(element);
        }
        return value;
    }

    /** The element's X12 name, e.g. CLP03. */
    public String name(int element) {
        return element < 10 ? tag + "0" + element : tag + element;
    }

    public MalformedX12Exception missing(int element) {
        return error("missing required element " + name(element));
    }

    public MalformedX12Exception error(String reason) {
        return new MalformedX12Exception(number, tag, reason);
    }

    private void openElement(int position) {
        ensureElementCapacity(position);
        // empty elements are handed on too, but a skipped position must still read as absent
        for (int e = elementCount + 1; e < position; e++) {
            pieceCount[e] = 0;
        }
        elementCount = position;
        firstPiece[position] = pieces;
        pieceCount[position] = 1;
    }

    private int reservePiece(int length) {
        if (pieces == pieceStart.length) {
            pieceStart = Arrays.copyOf(pieceStart, pieces * 2);
            pieceEnd = Arrays.copyOf(pieceEnd, pieces * 2);
        }
        pieceStart[pieces] = textLength;
        int at = reserveText(length);
        pieceEnd[pieces] = textLength;
        pieces++;
        return at;
    }

    private int reserveText(int length) {
        ensureTextCapacity(length);
        int at = textLength;
        textLength += length;
        return at;
    }

    private void append(char c) {
        ensureTextCapacity(1);
        text[textLength++] = c;
    }

    private void ensureTextCapacity(int more) {
        if (textLength + more > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + more));
        }
    }

    private void ensureElementCapacity(int position) {
        if (position >= firstPiece.length) {
            int size = Math.max(firstPiece.length * 2, position + 1);
            firstPiece = Arrays.copyOf(firstPiece, size);
            pieceCount = Arrays.copyOf(pieceCount, size);
        }
    }

    /** A value for a message: a runaway one (a whole file in one element) is cut short. */
    private String quoted(int start, int end) {
        int length = end - start;
        return length <= MAX_QUOTED ? new String(text, start, length)
                : new String(text, start, MAX_QUOTED) + "... (" + length + " characters)";
    }

    private int trimmedStart(int element) {
        int start = pieceStart[firstPiece[element]];
        int end = pieceEnd[firstPiece[element] + pieceCount[element] - 1];
        while (start < end && text[start] == ' ') {
            start++;
        }
        return start;
    }

    private int trimmedEnd(int element) {
        int start = pieceStart[firstPiece[element]];
        int end = pieceEnd[firstPiece[element] + pieceCount[element] - 1];
        while (end > start && text[end - 1] == ' ') {
            end--;
        }
        return end;
    }

    private String trimmed(int start, int end) {
        while (start < end && text[start] == ' ') {
            start++;
        }
        while (end > start && text[end - 1] == ' ') {
            end--;
        }
        return start == end ? null : shortValues.of(text, start, end);
    }

    @Override
    public String toString() {
        // segments carry PHI (names, member ids): never print their content
        return "Segment[" + number + " " + tag + "]";
    }
}
