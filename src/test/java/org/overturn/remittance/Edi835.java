package org.overturn.remittance;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes 835 text for tests. Segments are given in the usual notation ({@code *} between elements,
 * {@code :} between components, {@code ^} between repetitions) and written out with the delimiters chosen
 * (at any time before {@link #text()});
 * the envelope trailers count what they close unless a test overrides them. {@link #number()} tells the
 * segment number (from 1 at the first ISA) of the segment just written.
 */
public final class Edi835 {

    private char element = '*';
    private char component = ':';
    private char repetition = '^';
    private String terminator = "~";
    private String preamble = "";

    private final List<String> segments = new ArrayList<>();
    private int groupsInInterchange;
    private int transactionsInGroup;
    private int segmentsInTransaction;
    private String interchangeControlNumber;
    private String groupControlNumber;
    private String transactionControlNumber;

    public static Edi835 create() {
        return new Edi835();
    }

    /** A whole valid file: one interchange, group and transaction with the given claim segments. */
    public static Edi835 withClaims(String... claimSegments) {
        Edi835 edi = create().interchange("000000001").group("1").transaction("0001").header();
        for (String segment : claimSegments) {
            edi.segment(segment);
        }
        return edi.closeAll();
    }

    public Edi835 delimiters(char elementSeparator, char componentSeparator, char repetitionSeparator,
                             String segmentTerminator) {
        element = elementSeparator;
        component = componentSeparator;
        repetition = repetitionSeparator;
        terminator = segmentTerminator;
        return this;
    }

    /** Text before the first ISA (a byte order mark, prose ...). */
    public Edi835 preamble(String text) {
        preamble = text;
        return this;
    }

    public Edi835 interchange(String controlNumber) {
        interchangeControlNumber = controlNumber;
        groupsInInterchange = 0;
        segments.add("ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240315*1200*^*00501*"
                + controlNumber + "*0*P*:");
        return this;
    }

    public Edi835 group(String controlNumber) {
        return group(controlNumber, "005010X221A1");
    }

    public Edi835 group(String controlNumber, String version) {
        groupControlNumber = controlNumber;
        groupsInInterchange++;
        transactionsInGroup = 0;
        return segment("GS*HP*SENDER*RECEIVER*20240315*1200*" + controlNumber + "*X*" + version);
    }

    public Edi835 transaction(String controlNumber) {
        transactionControlNumber = controlNumber;
        transactionsInGroup++;
        segmentsInTransaction = 0;
        return segment("ST*835*" + controlNumber);
    }

    /** BPR, TRN, payer and payee: the minimum a transaction needs before its claims. */
    public Edi835 header() {
        return header("100");
    }

    public Edi835 header(String paymentAmount) {
        return segment("BPR*I*" + paymentAmount + "*C*CHK************20240315")
                .segment("TRN*1*CHECK123*1512345678")
                .segment("N1*PR*ACME HEALTH PLAN")
                .segment("N1*PE*RIVERSIDE COUNSELING*XX*1234567893");
    }

    public Edi835 segment(String segment) {
        segmentsInTransaction++;
        segments.add(segment);
        return this;
    }

    public Edi835 endTransaction() {
        // the count includes ST and the SE being written
        return segment("SE*" + (segmentsInTransaction + 1) + "*" + transactionControlNumber);
    }

    public Edi835 endGroup() {
        return segment("GE*" + transactionsInGroup + "*" + groupControlNumber);
    }

    public Edi835 endInterchange() {
        return segment("IEA*" + groupsInInterchange + "*" + interchangeControlNumber);
    }

    public Edi835 closeAll() {
        return endTransaction().endGroup().endInterchange();
    }

    /** Number of the segment written last, counting from 1 at the first ISA. */
    public int number() {
        return segments.size();
    }

    public String text() {
        StringBuilder out = new StringBuilder(preamble);
        for (String segment : segments) {
            for (char c : segment.toCharArray()) {
                out.append(c == '*' ? element : c == ':' ? component : c == '^' ? repetition : c);
            }
            out.append(terminator);
        }
        return out.toString();
    }

    public InputStream stream() {
        return stream(text());
    }

    public static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
