package org.overturn.intake.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** The readable form of {@code inspect}: for an 835 one block per transaction set, one row per claim; for an 837 one row per claim. */
final class InspectTable {

    private static final String ROW = "  %-20s %-3s %11s %11s  %-8s %-6s %-26s %-15s %11s%n";

    private InspectTable() {
    }

    static void print(JsonNode file, PrintStream out) {
        out.println(file.get("file").asText());
        if (!file.get("ok").asBoolean()) {
            out.println("  REJECTED  " + file.get("error").asText());
            out.println();
            return;
        }
        String kind = file.path("kind").asText("835");
        if (kind.startsWith("837")) {
            printClaims(file, out);
            return;
        }
        if (!kind.equals("835")) {
            out.printf("  %s: %d claim answer(s), %d functional group(s)%n%n", kind, file.path("claims").size(),
                    file.path("functional").size());
            return;
        }
        for (JsonNode t : file.get("transactions")) {
            JsonNode payment = t.get("payment");
            out.printf("  ST %s  payer %s (%s)  payee %s (NPI %s)%n", t.get("controlNumber").asText(),
                    text(t.at("/payer/name")), text(t.at("/payer/id")), text(t.at("/payee/name")),
                    text(t.at("/payee/npi")));
            out.printf("  %s %s on %s, trace %s  %s%n", text(payment.get("method")),
                    payment.get("amount").decimalValue().toPlainString(), text(payment.get("date")),
                    text(payment.get("trace")), t.get("balanced").asBoolean() ? "balanced" : "NOT BALANCED");
            t.get("balanceProblems").forEach(p -> out.println("    ! " + p.asText()));
            t.path("envelopeWarnings").forEach(w -> out.println("    ~ envelope: " + w.asText()));
            out.printf(ROW, "claim", "st", "charge", "paid", "denial", "reason", "root cause", "queue", "at risk");
            int denied = 0;
            for (JsonNode c : t.get("claims")) {
                JsonNode d = c.get("denial");
                boolean isDenial = d != null && !d.isNull();
                denied += isDenial ? 1 : 0;
                out.printf(ROW, c.get("patientControlNumber").asText(), c.get("status").asText(),
                        c.get("charge").decimalValue().toPlainString(), c.get("paid").decimalValue().toPlainString(),
                        isDenial ? d.get("kind").asText() : "-", isDenial ? text(d.get("primaryReason")) : "",
                        isDenial ? d.get("rootCause").asText() : "", isDenial ? d.get("queue").asText() : "",
                        isDenial ? d.get("amountAtRisk").decimalValue().toPlainString() : "");
            }
            out.printf("  %d claim(s), %d denied%n%n", t.get("claims").size(), denied);
        }
        for (JsonNode u : file.path("unreadable")) {
            out.println("  LEFT OUT  " + u.get("reason").asText());
        }
        if (file.path("unreadable").size() > 0) {
            out.println();
        }
    }

    private static final String CLAIM_ROW = "  %-20s %-5s %-3s %10s %-12s %-8s %-14s %-10s%n";

    private static void printClaims(JsonNode file, PrintStream out) {
        out.printf(CLAIM_ROW, "claim", "kind", "frq", "charge", "payer", "sent", "diagnoses", "auth");
        for (JsonNode c : file.get("claims")) {
            String diagnoses = joined(c.path("diagnoses"));
            out.printf(CLAIM_ROW, text(c.get("patientControlNumber")), file.get("kind").asText(),
                    text(c.get("frequency")), text(c.get("charge")), text(c.at("/payer/id")),
                    text(c.get("submittedOn")), diagnoses, text(c.get("priorAuthorization")));
        }
        out.printf("  %d claim(s)%n%n", file.get("claims").size());
    }

    private static String joined(JsonNode array) {
        StringBuilder out = new StringBuilder();
        array.forEach(n -> out.append(out.length() == 0 ? "" : ",").append(n.asText()));
        return out.length() == 0 ? "-" : out.toString();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? "-" : node.asText();
    }
}
