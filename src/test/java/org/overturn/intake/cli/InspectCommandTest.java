package org.overturn.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overturn.Samples;
import org.overturn.remittance.Edi835;

class InspectCommandTest {

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsTheJsonContractForARealRemittance() throws Exception {
        Path file = copy("tastypackets__profee.835");

        int exit = run(file.toString(), "--json");

        assertThat(exit).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        JsonNode root = new ObjectMapper().readTree(printed);
        JsonNode result = root.get("files").get(0);
        assertThat(fieldNames(result)).containsExactly("file", "kind", "ok", "error", "transactions");
        assertThat(result.get("kind").asText()).isEqualTo("835");
        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.get("error").isNull()).isTrue();
        JsonNode t = result.get("transactions").get(0);
        assertThat(fieldNames(t)).containsExactly("controlNumber", "payer", "payee", "payment", "balanced",
                "balanceProblems", "claims");
        assertThat(t.get("controlNumber").asText()).isEqualTo("1740");
        assertThat(t.at("/payer/name").asText()).isEqualTo("NYSDOH");
        assertThat(t.at("/payee/npi").asText()).isEqualTo("9999999995");
        assertThat(t.at("/payment/method").asText()).isEqualTo("ACH");
        assertThat(t.at("/payment/date").asText()).isEqualTo("2010-01-01");
        assertThat(t.at("/payment/trace").asText()).isEqualTo("10100000000");
        assertThat(t.get("balanced").asBoolean()).isTrue();
        JsonNode claims = t.get("claims");
        assertThat(claims).hasSize(3);
        assertThat(fieldNames(claims.get(0))).containsExactly("patientControlNumber", "status", "charge", "paid",
                "patientResponsibility", "payerClaimControlNumber", "filingIndicator", "adjustments", "remarks",
                "lines", "denial");
        assertThat(claims.get(0).get("denial").isNull()).isTrue();
        JsonNode denied = claims.get(1);
        assertThat(denied.at("/lines/0/procedure").asText()).isEqualTo("V2020");
        assertThat(denied.at("/lines/0/adjustments/0/level").asText()).isEqualTo("line");
        assertThat(denied.at("/denial/kind").asText()).isEqualTo("FULL");
        assertThat(denied.at("/denial/primaryReason").asText()).isEqualTo("29");
        assertThat(denied.at("/denial/rootCause").asText()).isEqualTo("TIMELY_FILING");
        assertThat(denied.at("/denial/queue").asText()).isEqualTo("appeals");
        assertThat(claims.get(2).at("/denial/kind").asText()).isEqualTo("PARTIAL");
        // amounts are JSON numbers with two decimals
        assertThat(printed).contains("\"charge\":34.25").contains("\"amountAtRisk\":34.00")
                .contains("\"amountAtRisk\":22.75");
    }

    @Test
    void reportsABadFileOnStderrAndExitsTwo() throws Exception {
        Path good = copy("pyx12__835_mult_loops.835");
        Path bad = copy("stupidedi__fail-3b.835");

        int exit = run(good.toString(), bad.toString(), "--json");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).trim())
                .matches(java.util.regex.Pattern.quote(bad.toString()) + ": segment \\d+ \\([A-Z0-9]+\\): .+");
        JsonNode files = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("files");
        assertThat(files.get(0).get("ok").asBoolean()).isTrue();
        assertThat(files.get(1).get("ok").asBoolean()).isFalse();
        assertThat(files.get(1).get("error").asText()).matches("segment \\d+ \\([A-Z0-9]+\\): .+");
        assertThat(files.get(1).get("transactions")).isEmpty();
    }

    @Test
    @DisplayName("a wrong trailer adds envelopeWarnings to the transaction, after the fields of the contract")
    void addsTheEnvelopeWarningsOfATransaction() throws Exception {
        Path file = copy("affect-therapeutics__nevada-medicaid-3-st-plb-only.835");

        int exit = run(file.toString(), "--json");

        assertThat(exit).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("files").get(0);
        assertThat(fieldNames(result)).containsExactly("file", "kind", "ok", "error", "transactions");
        JsonNode t = result.get("transactions").get(0);
        assertThat(fieldNames(t)).containsExactly("controlNumber", "payer", "payee", "payment", "balanced",
                "balanceProblems", "envelopeWarnings", "claims");
        assertThat(t.get("envelopeWarnings")).extracting(JsonNode::asText)
                .containsExactly("IEA02 '100000301' does not match ISA13 '100000300'");
        assertThat(t.get("balanced").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("a transaction set that cannot be read is listed under unreadable, and named on stderr; the rest reads")
    void listsTheTransactionSetsLeftOut() throws Exception {
        Path file = dir.resolve("partly.835");
        Files.writeString(file, Edi835.create().interchange("000000001").group("1")
                .transaction("0001").header().segment("CLP*A*1*10*10**12").endTransaction()
                .transaction("0002").header().segment("CLP*B*1*ten*10**12").endTransaction()
                .endGroup().endInterchange().text());

        int exit = run(file.toString(), "--json");

        assertThat(exit).as("the file is read").isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("files").get(0);
        assertThat(fieldNames(result)).containsExactly("file", "kind", "ok", "error", "transactions", "unreadable");
        assertThat(result.get("transactions")).hasSize(1);
        assertThat(result.at("/unreadable/0/controlNumber").asText()).isEqualTo("0002");
        assertThat(result.at("/unreadable/0/error").asText()).isEqualTo("segment 15 (CLP): CLP03 'ten' is not a number");
        assertThat(err.toString(StandardCharsets.UTF_8).trim()).isEqualTo(file + ": left out transaction set 0002 "
                + "(segments 10-16): segment 15 (CLP): CLP03 'ten' is not a number");

        out.reset();
        run(file.toString());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("LEFT OUT  transaction set 0002 (segments 10-16)");
    }

    @Test
    @DisplayName("a capitated service (CLP02 4, CO-24 only) and a predetermination (CLP02 25) are not denials")
    void givesNoDenialForACapitatedServiceOrAPredetermination() throws Exception {
        Path file = dir.resolve("capitated.835");
        Files.writeString(file, Edi835.create().interchange("000000001").group("1")
                .transaction("0001").header()
                .segment("CLP*CAP1*4*120*0**MC").segment("SVC*HC:90834*120*0**1").segment("CAS*CO*24*120")
                .segment("CLP*PRE1*25*900*0**12").segment("CAS*CO*197*900")
                .segment("CLP*DEN1*4*150*0**12").segment("CAS*CO*197*150")
                .endTransaction().endGroup().endInterchange().text());

        run(file.toString(), "--json");

        JsonNode claims = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8))
                .at("/files/0/transactions/0/claims");
        assertThat(claims).hasSize(3);
        assertThat(claims.get(0).get("denial").isNull()).as("capitated").isTrue();
        assertThat(claims.get(1).get("denial").isNull()).as("predetermination").isTrue();
        assertThat(claims.get(2).at("/denial/rootCause").asText()).isEqualTo("AUTHORIZATION");
    }

    @Test
    void printsAReadableTableByDefault() throws Exception {
        Path file = copy("pyx12__835_mult_loops.835");

        int exit = run(file.toString());

        assertThat(exit).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("2005555A").contains("FULL").contains("915.39").contains("1 claim(s), 1 denied");
    }

    @Test
    void printsTheClaimsOfAnEightThirtySevenAsDesignSectionThreeShowsThem() throws Exception {
        Path file = dir.resolve("commercial.837");
        Files.write(file, x12Sample("stupidedi__x222a1-example1-commercial-one-line.837"));

        int exit = run(file.toString(), "--json");

        assertThat(exit).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("files").get(0);
        assertThat(result.get("kind").asText()).isEqualTo("837P");
        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.has("transactions")).isFalse();
        JsonNode claim = result.get("claims").get(0);
        assertThat(result.get("claims")).hasSize(1);
        assertThat(claim.get("patientControlNumber").asText()).isEqualTo("26463774");
        assertThat(claim.at("/payer/id").asText()).isEqualTo("999996666");
        assertThat(claim.at("/payer/name").asText()).isEqualTo("KEY INSURANCE COMPANY");
        assertThat(claim.at("/patient/memberId").asText()).isEqualTo("JS00111223333");
        assertThat(claim.at("/patient/birthDate").asText()).isEqualTo("1973-05-01");
        assertThat(claim.at("/billingProvider/npi").asText()).isEqualTo("9876543210");
        assertThat(claim.get("renderingProvider").isNull()).isTrue();
        assertThat(claim.get("placeOfService").asText()).isEqualTo("11");
        assertThat(claim.get("frequency").asText()).isEqualTo("1");
        assertThat(claim.get("diagnoses")).extracting(JsonNode::asText).containsExactly("0340", "V7389");
        assertThat(claim.get("priorAuthorization").isNull()).isTrue();
        assertThat(claim.get("submittedOn").asText()).isEqualTo("2006-10-15");
        JsonNode line = claim.get("lines").get(0);
        assertThat(line.get("procedure").asText()).isEqualTo("99213");
        assertThat(line.get("modifiers")).isEmpty();
        assertThat(line.get("units").decimalValue()).isEqualByComparingTo("1");
        assertThat(line.get("charge").decimalValue()).isEqualByComparingTo("40");
        assertThat(line.get("serviceDate").asText()).isEqualTo("2006-10-03");
    }

    @Test
    void refusesABrokenEightThirtySevenWithItsSegmentAndExitsTwo() throws Exception {
        Path file = dir.resolve("truncated.837");
        Files.write(file, x12Sample("tigershark__4010-837i-psych-inpatient-truncated-interchange.837"));

        int exit = run(file.toString(), "--json");

        assertThat(exit).isEqualTo(2);
        JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("files").get(0);
        assertThat(result.get("ok").asBoolean()).isFalse();
        assertThat(result.get("error").asText()).startsWith("segment 54 (ISA): truncated interchange");
    }

    @Test
    void readsAClaimAcknowledgement() throws Exception {
        Path file = dir.resolve("accepted.277");
        Files.write(file, x12Sample("imsweb__277ca-accepted-emedny.277"));

        int exit = run(file.toString(), "--json");

        assertThat(exit).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("files").get(0);
        assertThat(result.get("kind").asText()).isEqualTo("277CA");
        assertThat(result.at("/claims/0/patientControlNumber").asText()).isEqualTo("5781");
        assertThat(result.at("/claims/0/accepted").asBoolean()).isTrue();
    }

    @Test
    void readsAClaimStatusResponseWithEachClaimsTraceAndCategory() throws Exception {
        Path file = dir.resolve("status.277");
        Files.write(file, x12Sample("linuxforhealth__277-claim-level-status.277"));

        int exit = run(file.toString(), "--json");

        assertThat(exit).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("files").get(0);
        assertThat(result.get("kind").asText()).isEqualTo("277");
        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.at("/statuses/0/trace").asText()).isEqualTo("ABCXYZ1");
        assertThat(result.at("/statuses/2/category").asText()).isEqualTo("F2");
    }

    private static byte[] x12Sample(String name) throws Exception {
        try (var in = InspectCommandTest.class.getResourceAsStream("/samples/x12/real/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void asksForFilesWhenGivenNone() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    private int run(String... args) {
        return InspectCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path copy(String sample) throws Exception {
        Path file = dir.resolve(sample);
        Files.write(file, Samples.real(sample));
        return file;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
