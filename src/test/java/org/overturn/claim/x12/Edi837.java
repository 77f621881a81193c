package org.overturn.claim.x12;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.overturn.claim.ClaimFile;
import org.overturn.claim.ClaimParser;
import org.overturn.x12.MalformedX12Exception;

/**
 * Writes 837 text for tests. Segments are given in the usual notation ({@code *} between elements, {@code :}
 * between components, {@code ^} between repetitions) and written out with the delimiters chosen (at any time before
 * {@link #text()}); the trailers count what they close. {@link #number()} tells the segment number (from 1 at the
 * first ISA) of the segment just written. The names and ids in it are made up.
 */
final class Edi837 {

    static final String PROFESSIONAL = "005010X222A1";
    static final String INSTITUTIONAL = "005010X223A2";

    /** The segment number of the first claim segment {@link #professional(String...)} writes. */
    static final int FIRST_CLAIM_SEGMENT = 16;

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

    static Edi837 create() {
        return new Edi837();
    }

    /**
     * A whole 837P: one billing provider (HL 1, segments 7-10), one subscriber who is the patient (HL 2, segments
     * 11-15), then the claim segments given, from segment {@link #FIRST_CLAIM_SEGMENT} on.
     */
    static Edi837 professional(String... claimSegments) {
        return whole(PROFESSIONAL, claimSegments);
    }

    /** The same as {@link #professional(String...)}, as an 837I. */
    static Edi837 institutional(String... claimSegments) {
        return whole(INSTITUTIONAL, claimSegments);
    }

    private static Edi837 whole(String version, String... claimSegments) {
        Edi837 edi = create().interchange("000000001").group("1", version).transaction("0001").header()
                .billingProvider("1").subscriberPatient("2", "1");
        for (String segment : claimSegments) {
            edi.segment(segment);
        }
        return edi.closeAll();
    }

    Edi837 delimiters(char elementSeparator, char componentSeparator, char repetitionSeparator,
                      String segmentTerminator) {
        element = elementSeparator;
        component = componentSeparator;
        repetition = repetitionSeparator;
        terminator = segmentTerminator;
        return this;
    }

    /** Text before the first ISA (a byte order mark, prose ...). */
    Edi837 preamble(String text) {
        preamble = text;
        return this;
    }

    Edi837 interchange(String controlNumber) {
        interchangeControlNumber = controlNumber;
        groupsInInterchange = 0;
        segments.add("ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*CLEARINGHOUSE  *240318*0930*^*00501*"
                + controlNumber + "*1*P*:");
        return this;
    }

    Edi837 group(String controlNumber, String version) {
        groupControlNumber = controlNumber;
        groupsInInterchange++;
        transactionsInGroup = 0;
        return segment("GS*HC*SUBMITTER*CLEARINGHOUSE*20240318*0930*" + controlNumber + "*X*" + version);
    }

    Edi837 transaction(String controlNumber) {
        transactionControlNumber = controlNumber;
        transactionsInGroup++;
        segmentsInTransaction = 0;
        return segment("ST*837*" + controlNumber);
    }

    /** BHT, submitter 1000A and receiver 1000B. */
    Edi837 header() {
        return segment("BHT*0019*00*BATCH0318*20240318*0930*CH")
                .segment("NM1*41*2*RIVERSIDE COUNSELING*****46*SUB12345")
                .segment("NM1*40*2*CLEARINGHOUSE INC*****46*CH99999");
    }

    /** HL 20 with PRV*BI, NM1*85 and REF*EI: four segments. */
    Edi837 billingProvider(String id) {
        return segment("HL*" + id + "**20*1")
                .segment("PRV*BI*PXC*261QM0801X")
                .segment("NM1*85*2*RIVERSIDE COUNSELING*****XX*1234567893")
                .segment("REF*EI*741234567");
    }

    /** HL 22 with SBR (self, MC), NM1*IL, DMG and NM1*PR: five segments. */
    Edi837 subscriberPatient(String id, String parent) {
        return segment("HL*" + id + "*" + parent + "*22*0")
                .segment("SBR*P*18*******MC")
                .segment("NM1*IL*1*RIVERA*ANA****MI*MCD778899")
                .segment("DMG*D8*19870412*F")
                .segment("NM1*PR*2*STATE MEDICAID*****PI*77001");
    }

    Edi837 segment(String segment) {
        segmentsInTransaction++;
        segments.add(segment);
        return this;
    }

    Edi837 endTransaction() {
        // the count includes ST and the SE being written
        return segment("SE*" + (segmentsInTransaction + 1) + "*" + transactionControlNumber);
    }

    Edi837 endGroup() {
        return segment("GE*" + transactionsInGroup + "*" + groupControlNumber);
    }

    Edi837 endInterchange() {
        return segment("IEA*" + groupsInInterchange + "*" + interchangeControlNumber);
    }

    Edi837 closeAll() {
        return endTransaction().endGroup().endInterchange();
    }

    /** Number of the segment written last, counting from 1 at the first ISA. */
    int number() {
        return segments.size();
    }

    String text() {
        StringBuilder out = new StringBuilder(preamble);
        for (String segment : segments) {
            for (char c : segment.toCharArray()) {
                out.append(c == '*' ? element : c == ':' ? component : c == '^' ? repetition : c);
            }
            out.append(terminator);
        }
        return out.toString();
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    ClaimFile parse() throws MalformedX12Exception {
        return parse(text());
    }

    static ClaimFile parse(String text) throws MalformedX12Exception {
        return ClaimParser.standard().parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
