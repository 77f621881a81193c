package org.overturn.claim.x12;

import java.nio.charset.StandardCharsets;

/**
 * A tiny builder of 999 and 277CA texts for tests: segments are written with {@code *} and {@code :} and put out
 * with the delimiters chosen; SE, GE and IEA carry the right counts and control numbers unless told otherwise.
 */
final class AckText {

    private final StringBuilder out = new StringBuilder();
    private char element = '*';
    private char component = ':';
    private char terminator = '~';
    private String lineBreak = "\n";

    private String interchangeControl;
    private String groupControl;
    private String transactionControl;
    private int groups;
    private int transactions;
    private int segments;

    static AckText create() {
        return new AckText();
    }

    AckText delimiters(char elementSeparator, char componentSeparator, char segmentTerminator, String afterSegment) {
        element = elementSeparator;
        component = componentSeparator;
        terminator = segmentTerminator;
        lineBreak = afterSegment;
        return this;
    }

    AckText interchange(String control) {
        interchangeControl = control;
        groups = 0;
        String isa = "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*OVERTURN       *261201*1200*^*00501*"
                + control + "*0*P*" + component;
        out.append(convert(isa, true)).append(terminator).append(lineBreak);
        return this;
    }

    /** A 999 group: GS*FA, GS04 20261201, GS02 CLEARINGHOUSE. */
    AckText group999(String control) {
        return group("FA", "CLEARINGHOUSE", "20261201", control, "005010X231A1");
    }

    /** A 277CA group: GS*HN, GS08 005010X214. */
    AckText group277(String control) {
        return group("HN", "PAYER", "20261202", control, "005010X214");
    }

    AckText group(String functionalId, String sender, String date, String control, String version) {
        groupControl = control;
        groups++;
        transactions = 0;
        raw("GS*" + functionalId + "*" + sender + "*OVERTURN*" + date + "*1200*" + control + "*X*" + version);
        return this;
    }

    AckText transaction(String type, String control) {
        transactionControl = control;
        transactions++;
        segments = 0;
        return segment("ST*" + type + "*" + control);
    }

    AckText segment(String text) {
        segments++;
        return raw(text);
    }

    AckText endTransaction() {
        segments++;
        return raw("SE*" + segments + "*" + transactionControl);
    }

    AckText endTransaction(int count, String control) {
        return raw("SE*" + count + "*" + control);
    }

    AckText endGroup() {
        return raw("GE*" + transactions + "*" + groupControl);
    }

    AckText endGroup(int count, String control) {
        return raw("GE*" + count + "*" + control);
    }

    AckText endInterchange() {
        return raw("IEA*" + groups + "*" + interchangeControl);
    }

    AckText endInterchange(int count, String control) {
        return raw("IEA*" + count + "*" + control);
    }

    AckText closeAll() {
        return endTransaction().endGroup().endInterchange();
    }

    /** A segment outside the transaction set's count (envelope segments, or a deliberate extra). */
    AckText raw(String text) {
        out.append(convert(text, false)).append(terminator).append(lineBreak);
        return this;
    }

    String text() {
        return out.toString();
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.ISO_8859_1);
    }

    private String convert(String text, boolean header) {
        StringBuilder converted = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean isa16 = header && i == text.length() - 1;
            converted.append(c == '*' ? element : c == ':' && !isa16 ? component : c);
        }
        return converted.toString();
    }
}
