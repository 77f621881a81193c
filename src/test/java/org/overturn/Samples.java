package org.overturn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;

/** The real 835 files copied into the test resources (see samples/835/real/SOURCES.md there). */
public final class Samples {

    private Samples() {
    }

    public static byte[] real(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/835/real/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same file as another payment: every TRN02 (trace number) gets {@code suffix} appended, so a test can
     * ingest a sample that another test in the same database ingested already.
     */
    public static byte[] retraced(String name, String suffix) {
        return retraced(real(name), suffix);
    }

    /** Any 835 as another payment: every TRN02 gets {@code suffix} appended. */
    public static byte[] retraced(byte[] content, String suffix) {
        String text = new String(content, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (text.indexOf("ISA") < 0 || text.length() < text.indexOf("ISA") + 4) {
            return content;
        }
        char element = text.charAt(text.indexOf("ISA") + 3);
        String marker = "TRN" + element + "1" + element;
        var out = new StringBuilder();
        int from = 0;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
            int end = at + marker.length();
            while (end < text.length() && text.charAt(end) != element && !isTerminator(text.charAt(end))) {
                end++;
            }
            out.append(text, from, end).append(suffix);
            from = end;
        }
        out.append(text.substring(from));
        return out.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean isTerminator(char c) {
        return c == '~' || c == '\n' || c == '\r';
    }
}
