package org.overturn.claimstatus;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The payer's 277 claim status response (005010X212) to a 276 the product wrote: the same payer, provider, member,
 * trace (TRN*1 of the 276 comes back as TRN*2), patient control number, charge and dates, with the status given.
 */
public final class StatusAnswers {

    private final List<String[]> request;
    private String trace;
    private String patientControlNumber;

    private StatusAnswers(byte[] x276) {
        request = Arrays.stream(new String(x276, StandardCharsets.US_ASCII).split("~\\R?"))
                .filter(s -> !s.isBlank()).map(s -> s.strip().split("\\*", -1)).toList();
        trace = element("TRN", 2);
        patientControlNumber = element("REF", "EJ", 2);
    }

    /** Answers this 276. */
    public static StatusAnswers to(byte[] x276) {
        return new StatusAnswers(x276);
    }

    /** Another trace than the 276's (a payer that does not echo it): the claim's facts must find it. */
    public StatusAnswers trace(String other) {
        trace = other;
        return this;
    }

    /** A claim number the practice never sent. */
    public StatusAnswers patientControlNumber(String other) {
        patientControlNumber = other;
        return this;
    }

    /** The 277 with one claim status: {@code category:status} (F1:65, P1:20, A4:35 ...), dated {@code on}. */
    public byte[] with(String categoryAndStatus, String paid, LocalDate on) {
        String d = on.toString().replace("-", "");
        String payer = String.join("*", find("NM1", "PR"));
        String provider = String.join("*", find("NM1", "1P"));
        String member = String.join("*", find("NM1", "IL"));
        String charge = element("AMT", "T3", 2);
        String dates = String.join("*", find("DTP", "472"));
        List<String> segments = new ArrayList<>(List.of(
                "ST*277*0001*005010X212", "BHT*0010*08*R" + trace + "*" + d + "*1200*DG",
                "HL*1**20*1", payer, "HL*2*1*21*1", "NM1*41*2*BILLING OFFICE*****46*OVERTURN",
                "HL*3*2*19*1", provider, "HL*4*3*22*0", member, "TRN*2*" + trace,
                "STC*" + categoryAndStatus + "*" + d + "**" + charge + "*" + paid));
        if (patientControlNumber != null) {
            segments.add("REF*EJ*" + patientControlNumber);
        }
        segments.add(dates);
        segments.add("SE*" + (segments.size() + 1) + "*0001");
        String icn = String.format("%09d", Math.abs((trace + categoryAndStatus + d).hashCode()) % 1_000_000_000);
        List<String> file = new ArrayList<>();
        file.add("ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*OVERTURN       *" + d.substring(2)
                + "*1200*^*00501*" + icn + "*0*T*:");
        file.add("GS*HN*CLEARINGHOUSE*OVERTURN*" + d + "*1200*" + Integer.parseInt(icn) + "*X*005010X212");
        file.addAll(segments);
        file.add("GE*1*" + Integer.parseInt(icn));
        file.add("IEA*1*" + icn);
        return (String.join("~\n", file) + "~\n").getBytes(StandardCharsets.US_ASCII);
    }

    private String[] find(String tag, String qualifier) {
        return request.stream().filter(s -> s[0].equals(tag) && s.length > 1 && s[1].equals(qualifier)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the 276 has no " + tag + "*" + qualifier));
    }

    private String element(String tag, String qualifier, int index) {
        return find(tag, qualifier)[index];
    }

    private String element(String tag, int index) {
        return request.stream().filter(s -> s[0].equals(tag)).findFirst().orElseThrow()[index];
    }
}
