package org.overturn.x12;

/**
 * The segment ids met so far, so that each of the million segments of a large file does not make a String
 * of its id: an id of up to three ASCII characters is packed into an int and looked up in a small
 * open-addressing table.
 */
final class SegmentTags {

    static final int MAX_LENGTH = 3;
    private static final int SLOTS = 256;

    private final int[] keys = new int[SLOTS];
    private final String[] values = new String[SLOTS];
    private int count;

    /** The id in {@code chars[0..length)}, or null when it is not one this table holds (longer, not ASCII). */
    String tag(char[] chars, int length) {
        if (length == 0 || length > MAX_LENGTH) {
            return null;
        }
        int key = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c > 0x7f) {
                return null;
            }
            key = (key << 8) | c;
        }
        int slot = (key * 0x9E3779B1 >>> 24) & (SLOTS - 1);
        while (values[slot] != null) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        String tag = new String(chars, 0, length);
        // half full at most, so a probe always ends; beyond that (a file of junk ids) ids are just not cached
        if (count < SLOTS / 2) {
            keys[slot] = key;
            values[slot] = tag;
            count++;
        }
        return tag;
    }
}
