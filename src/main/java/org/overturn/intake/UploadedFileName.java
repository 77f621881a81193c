package org.overturn.intake;

import java.nio.file.Path;

/** Checks on what a browser or client uploads, before anything is parsed or kept. */
final class UploadedFileName {

    private static final int SNIFF_BYTES = 4096;

    private UploadedFileName() {
    }

    /** The last path element of what the client called the file, stripped of anything a filesystem would mind. */
    static String of(String original) {
        if (original == null || original.isBlank()) {
            return "upload.835";
        }
        String base = Path.of(original.replace('\\', '/')).getFileName().toString();
        String safe = base.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "upload" + safe;
        }
        return safe.length() > 200 ? safe.substring(0, 200) : safe;
    }

    /**
     * An 835 is text: a NUL byte or the signature of a PDF, ZIP (xlsx, docx), PNG, JPEG or GIF in its first
     * bytes means someone picked the wrong file.
     */
    static boolean looksLikeText(byte[] content) {
        if (startsWith(content, "%PDF") || startsWith(content, "PK\u0003\u0004") || startsWith(content, "\u0089PNG")
                || startsWith(content, "GIF8") || (content.length > 2 && (content[0] & 0xff) == 0xff
                && (content[1] & 0xff) == 0xd8)) {
            return false;
        }
        for (int i = 0; i < Math.min(content.length, SNIFF_BYTES); i++) {
            if (content[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] content, String signature) {
        if (content.length < signature.length()) {
            return false;
        }
        for (int i = 0; i < signature.length(); i++) {
            if ((content[i] & 0xff) != signature.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
