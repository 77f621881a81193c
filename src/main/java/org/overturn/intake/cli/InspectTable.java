package org.overturn.intake.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** The readable form of {@code inspect}: one block per transaction set, one row per claim. */
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
        for (JsonNode t : file.get("transactions")) {
            JsonNode payment = t.get("payment");
            out.printf("  ST %s  payer %s (%s)  payee %s (NPI %s)%n", t.get("controlNumber").asText(),
                    text(t.at("/payer/name")), text(t.at("/payer/id")), text(t.at("/payee/name")),
                    text(t.at("/payee/npi")));
            out.printf("  %s %s on %s, trace %s  %s%n", text(payment.get("method")),
                    payment.get("amount").decimalValue().toPlainString(), text(payment.get("date")),
                    text(payment.get("trace")), t.get("balanced").asBoolean() ? "balanced" : "NOT BALANCED");
            t.get("balanceProblems").forEach(p -> out.println("    ! " + p.asText()));
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
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? "-" : node.asText();
    }
}
