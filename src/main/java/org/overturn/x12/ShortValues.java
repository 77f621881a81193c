package org.overturn.x12;

/**
 * The short values of one file (codes such as CO, 45, HC, MI, 472, N54, MA02), shared instead of copied:
 * a large remittance repeats a few hundred codes millions of times. Values of up to four ASCII characters
 * are packed into an int and looked up in an open-addressing table; anything else is made afresh.
 */
final class ShortValues {

    private static final int MAX_LENGTH = 4;
    private static final int SLOTS = 4096;

    private final int[] keys = new int[SLOTS];
    private final String[] values = new String[SLOTS];
    private int count;

    String of(char[] chars, int start, int end) {
        int length = end - start;
        if (length > MAX_LENGTH) {
            return new String(chars, start, length);
        }
        int key = length;
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c > 0x7f) {
                return new String(chars, start, length);
            }
            key = (key << 7) | c;
        }
        int slot = (key * 0x9E3779B1 >>> 20) & (SLOTS - 1);
        while (values[slot] != null) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        String value = new String(chars, start, length);
        // half full at most, so a probe always ends; past that, values are simply not shared
        if (count < SLOTS / 2) {
            keys[slot] = key;
            values[slot] = value;
            count++;
        }
        return value;
    }
}
