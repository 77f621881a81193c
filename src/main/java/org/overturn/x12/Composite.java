package org.overturn.x12;

/**
 * Reads a composite element (SVC01, SVC06, PLB03) part by part. Some payers write these with a separator
 * other than the one declared in ISA16 (LinuxForHealth and stupidedi samples send {@code SVC*HC>55669}
 * under {@code :}), which arrives as one simple element; since every such composite starts with a
 * two-character qualifier or reason code, a punctuation character right after those two characters is
 * taken as the separator actually used.
 */
public final class Composite {

    private static final int CODE_LENGTH = 2;

    private Composite() {
    }

    /** The parts of the element (null for an empty part), or null when the element is absent. */
    public static String[] parts(Segment segment, int element) {
        int count = segment.componentCount(element);
        if (count > 1) {
            String[] parts = new String[count];
            for (int c = 1; c <= count; c++) {
                parts[c - 1] = segment.component(element, c);
            }
            return parts;
        }
        String text = segment.text(element);
        if (text == null) {
            return null;
        }
        if (text.length() > CODE_LENGTH && isSeparator(text.charAt(CODE_LENGTH))) {
            return split(text, text.charAt(CODE_LENGTH));
        }
        return new String[] {text};
    }

    private static boolean isSeparator(char c) {
        return !Character.isLetterOrDigit(c) && c != ' ';
    }

    private static String[] split(String text, char separator) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator) {
                count++;
            }
        }
        String[] parts = new String[count];
        int start = 0;
        for (int p = 0; p < count; p++) {
            int end = text.indexOf(separator, start);
            if (end < 0) {
                end = text.length();
            }
            String part = text.substring(start, end).trim();
            parts[p] = part.isEmpty() ? null : part;
            start = end + 1;
        }
        return parts;
    }
}
