package org.overturn.intake.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.overturn.claim.AcknowledgementFile;
import org.overturn.claim.AcknowledgementParser;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledClaimView;
import org.overturn.claim.ClaimFile;
import org.overturn.claim.ClaimParser;
import org.overturn.claim.ClaimStatusResponse;
import org.overturn.claim.ClaimTransaction;
import org.overturn.claim.StatusResponseParser;
import org.overturn.denial.Classification;
import org.overturn.denial.DenialAssessment;
import org.overturn.denial.DenialDetector;
import org.overturn.denial.RootCauseClassifier;
import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.X12Identity;
import org.overturn.x12.X12Segments;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceBalance;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.RemittanceParser;
import org.overturn.remittance.ServiceLine;

/**
 * {@code java -jar overturn.jar inspect FILE... [--json]}: parses and classifies 835 files, and reads 837 claims and
 * their 999/277CA acknowledgements, with no database and no web server, and prints what a biller would want to know
 * (DESIGN section 3 is the JSON contract). Exit 0 when every file parsed, 2 when any did not.
 */
public final class InspectCommand {

    /** Dates as ISO text and amounts as written: what the claim JSON of DESIGN section 3 shows. */
    private static final ObjectMapper CLAIMS = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final RemittanceParser parser = RemittanceParser.standard();
    private final ClaimParser claimParser = ClaimParser.standard();
    private final AcknowledgementParser acknowledgementParser = AcknowledgementParser.standard();
    private final StatusResponseParser statusParser = StatusResponseParser.standard();
    private final DenialDetector detector = new DenialDetector();
    private final RootCauseClassifier classifier = RootCauseClassifier.fromClasspath();
    private final JsonNodeFactory json = JsonNodeFactory.withExactBigDecimals(true);

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        boolean asJson = args.contains("--json");
        List<Path> files = args.stream().filter(a -> !a.equals("--json")).map(Path::of).toList();
        if (files.isEmpty()) {
            err.println("usage: java -jar overturn.jar inspect FILE... [--json]");
            return 2;
        }
        return new InspectCommand().inspect(files, asJson, out, err);
    }

    int inspect(List<Path> files, boolean asJson, PrintStream out, PrintStream err) {
        boolean allParsed = true;
        List<ObjectNode> results = new ArrayList<>();
        for (Path file : files) {
            ObjectNode result = inspect(file);
            if (!result.get("ok").asBoolean()) {
                allParsed = false;
                err.println(file + ": " + result.get("error").asText());
            }
            // the file is read (as the intake stores it) but for these payments: said, without failing the run
            result.path("unreadable").forEach(u -> err.println(file + ": left out " + u.get("reason").asText()));
            results.add(result);
        }
        if (asJson) {
            ObjectNode root = json.objectNode();
            root.putArray("files").addAll(results);
            out.println(write(root));
        } else {
            results.forEach(r -> InspectTable.print(r, out));
        }
        return allParsed ? 0 : 2;
    }

    private ObjectNode inspect(Path file) {
        ObjectNode node = json.objectNode();
        node.put("file", file.toString());
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return failed(node, "segment 0 (?): cannot read the file: " + e.getMessage());
        }
        X12Identity identity = X12Segments.identifyIfReadable(content);
        if (identity != null && identity.is("837")) {
            return claims(node, content);
        }
        if (identity != null && identity.is("277") && identity.implementation() != null
                && identity.implementation().endsWith("X212")) {
            return statusResponses(node, content);
        }
        if (identity != null && (identity.is("999") || identity.is("277"))) {
            return acknowledgements(node, content, identity);
        }
        node.put("kind", "835");
        RemittanceFile parsed;
        try {
            parsed = parser.parse(content);
        } catch (MalformedX12Exception e) {
            return failed(node, e.getMessage());
        }
        node.put("ok", true);
        node.putNull("error");
        ArrayNode transactions = node.putArray("transactions");
        parsed.transactions().forEach(t -> transactions.add(transaction(t)));
        if (!parsed.unreadable().isEmpty()) {
            // only when there are any: the contract's fields stay as they were for every file read whole
            ArrayNode unreadable = node.putArray("unreadable");
            for (var u : parsed.unreadable()) {
                ObjectNode n = unreadable.addObject();
                n.put("controlNumber", u.controlNumber());
                n.put("error", u.error());
                n.put("reason", u.describe());
            }
        }
        return node;
    }

    /** An 837: {@code "kind":"837P"} (or 837I) and its claims as DESIGN section 3 shows them. */
    private ObjectNode claims(ObjectNode node, byte[] content) {
        ClaimFile parsed;
        try {
            parsed = claimParser.parse(content);
        } catch (MalformedX12Exception e) {
            node.put("kind", "837");
            node.put("ok", false);
            node.put("error", e.getMessage());
            node.putArray("claims");
            return node;
        }
        node.put("kind", parsed.kind() == null ? "837" : parsed.kind().label());
        node.put("ok", true);
        node.putNull("error");
        ArrayNode claims = node.putArray("claims");
        for (ClaimTransaction transaction : parsed.transactions()) {
            for (BilledClaim claim : transaction.claims()) {
                claims.add(CLAIMS.valueToTree(BilledClaimView.of(claim, transaction.submittedOn())));
            }
        }
        return node;
    }

    /** A 999 or 277CA: what it accepted and rejected. */
    private ObjectNode acknowledgements(ObjectNode node, byte[] content, X12Identity identity) {
        AcknowledgementFile parsed;
        try {
            parsed = acknowledgementParser.parse(content);
        } catch (MalformedX12Exception e) {
            node.put("kind", identity.is("999") ? "999" : "277CA");
            node.put("ok", false);
            node.put("error", e.getMessage());
            return node;
        }
        node.put("kind", parsed.kind());
        node.put("ok", true);
        node.putNull("error");
        node.set("functional", CLAIMS.valueToTree(parsed.functional()));
        node.set("claims", CLAIMS.valueToTree(parsed.claims()));
        return node;
    }

    /** A 277 claim status response (005010X212): what the payer said of each claim asked about. */
    private ObjectNode statusResponses(ObjectNode node, byte[] content) {
        node.put("kind", "277");
        List<ClaimStatusResponse> parsed;
        try {
            parsed = statusParser.parse(content);
        } catch (MalformedX12Exception e) {
            node.put("ok", false);
            node.put("error", e.getMessage());
            node.putArray("statuses");
            return node;
        }
        node.put("ok", true);
        node.putNull("error");
        node.set("statuses", CLAIMS.valueToTree(parsed));
        return node;
    }

    private ObjectNode failed(ObjectNode node, String error) {
        node.put("ok", false);
        node.put("error", error);
        node.putArray("transactions");
        return node;
    }

    private ObjectNode transaction(RemittanceAdvice advice) {
        ObjectNode t = json.objectNode();
        t.put("controlNumber", advice.controlNumber());
        ObjectNode payer = t.putObject("payer");
        payer.put("name", advice.payer() == null ? null : advice.payer().name());
        payer.put("id", advice.payer() == null ? null : advice.payer().id());
        ObjectNode payee = t.putObject("payee");
        payee.put("name", advice.payee() == null ? null : advice.payee().name());
        payee.put("npi", advice.payee() == null ? null : advice.payee().npi());
        ObjectNode payment = t.putObject("payment");
        payment.put("method", advice.payment().method());
        payment.put("amount", money(advice.payment().amount()));
        payment.put("date", advice.payment().date() == null ? null : advice.payment().date().toString());
        payment.put("trace", advice.payment().trace());
        List<String> problems = RemittanceBalance.problems(advice);
        t.put("balanced", problems.isEmpty());
        ArrayNode problemNodes = t.putArray("balanceProblems");
        problems.forEach(problemNodes::add);
        if (!advice.envelopeWarnings().isEmpty()) {
            // only when there are any, as for "unreadable"
            ArrayNode warnings = t.putArray("envelopeWarnings");
            advice.envelopeWarnings().forEach(warnings::add);
        }
        ArrayNode claims = t.putArray("claims");
        advice.claims().forEach(c -> claims.add(claim(c)));
        return t;
    }

    private ObjectNode claim(ClaimPayment claim) {
        ObjectNode c = json.objectNode();
        c.put("patientControlNumber", claim.patientControlNumber());
        c.put("status", claim.status());
        c.put("charge", money(claim.charge()));
        c.put("paid", money(claim.paid()));
        c.put("patientResponsibility", money(claim.patientResponsibility()));
        c.put("payerClaimControlNumber", claim.payerClaimControlNumber());
        c.put("filingIndicator", claim.filingIndicator());
        adjustments(c.putArray("adjustments"), claim.adjustments());
        ArrayNode remarks = c.putArray("remarks");
        claim.remarks().forEach(remarks::add);
        ArrayNode lines = c.putArray("lines");
        claim.lines().forEach(l -> lines.add(line(l)));
        Optional<DenialAssessment> assessment = detector.assess(claim);
        if (assessment.isEmpty()) {
            c.putNull("denial");
        } else {
            Classification classification = classifier.classify(claim, assessment.get());
            ObjectNode d = c.putObject("denial");
            d.put("kind", assessment.get().kind().name());
            d.put("primaryReason", assessment.get().primaryReason());
            d.put("rootCause", classification.rootCause().name());
            d.put("queue", classification.queue());
            d.put("amountAtRisk", money(assessment.get().amountAtRisk()));
        }
        return c;
    }

    private ObjectNode line(ServiceLine line) {
        ObjectNode l = json.objectNode();
        l.put("procedure", line.procedure());
        ArrayNode modifiers = l.putArray("modifiers");
        line.modifiers().forEach(modifiers::add);
        l.put("charge", money(line.charge()));
        l.put("paid", money(line.paid()));
        adjustments(l.putArray("adjustments"), line.adjustments());
        ArrayNode remarks = l.putArray("remarks");
        line.remarks().forEach(remarks::add);
        return l;
    }

    private void adjustments(ArrayNode target, List<Adjustment> adjustments) {
        for (Adjustment a : adjustments) {
            ObjectNode node = target.addObject();
            node.put("level", a.level() == Adjustment.Level.CLAIM ? "claim" : "line");
            node.put("group", a.group());
            node.put("reason", a.reason());
            node.put("amount", money(a.amount()));
        }
    }

    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }

    private static String write(ObjectNode root) {
        try {
            return new ObjectMapper()
                    .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .disable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("JSON of an in-memory tree cannot fail", e);
        }
    }
}
