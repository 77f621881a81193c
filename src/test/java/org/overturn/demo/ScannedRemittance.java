package org.overturn.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The generator's output read back segment by segment, independently of the production parser, so that the
 * tests check the text itself: sums, counts and which claims the DESIGN contract calls denials.
 */
record ScannedRemittance(List<Transaction> transactions, int interchanges, int segments) {

    /** CO/OA/PI reasons that are routine (DESIGN section 3); PR is always routine. */
    static final Set<String> ROUTINE_REASONS = Set.of("23", "24", "42", "45", "44", "94", "104", "105", "131",
            "253", "A2");

    record Transaction(BigDecimal bpr02, List<Claim> claims, List<BigDecimal> providerAdjustments) {

        BigDecimal paidTotal() {
            return claims.stream().map(Claim::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal providerAdjustmentTotal() {
            return providerAdjustments.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    record Adjustment(String group, String reason, BigDecimal amount) {

        boolean nonRoutine() {
            return !"PR".equals(group) && !ROUTINE_REASONS.contains(reason);
        }
    }

    record Line(String procedure, List<String> modifiers, BigDecimal charge, BigDecimal paid,
                List<Adjustment> adjustments, List<String> remarks) {
    }

    record Claim(String[] clp, List<Adjustment> adjustments, List<String> remarks, List<Line> lines,
                 String renderingNpi) {

        String patientControlNumber() {
            return clp[1];
        }

        String status() {
            return clp[2];
        }

        BigDecimal charge() {
            return new BigDecimal(clp[3]);
        }

        BigDecimal paid() {
            return new BigDecimal(clp[4]);
        }

        BigDecimal patientResponsibility() {
            return new BigDecimal(clp[5]);
        }

        String filingIndicator() {
            return clp[6];
        }

        String payerClaimControlNumber() {
            return clp[7];
        }

        List<Adjustment> allAdjustments() {
            List<Adjustment> all = new ArrayList<>(adjustments);
            lines.forEach(l -> all.addAll(l.adjustments()));
            return all;
        }

        boolean reversal() {
            return "22".equals(status());
        }

        /** FULL, PARTIAL or null, exactly as DESIGN section 3 defines a denial. */
        String denialKind() {
            if (reversal()) {
                return null;
            }
            boolean nonRoutine = allAdjustments().stream()
                    .anyMatch(a -> a.nonRoutine() && a.amount().signum() > 0);
            if ("4".equals(status()) || (paid().signum() == 0 && nonRoutine)) {
                return "FULL";
            }
            return paid().signum() > 0 && nonRoutine ? "PARTIAL" : null;
        }
    }

    static ScannedRemittance scan(String text) {
        List<Transaction> transactions = new ArrayList<>();
        int interchanges = 0;
        int segments = 0;
        BigDecimal bpr = null;
        List<Claim> claims = null;
        List<BigDecimal> plb = null;
        Claim claim = null;
        Line line = null;
        for (String raw : text.split("~\n")) {
            if (raw.isBlank()) {
                continue;
            }
            segments++;
            String[] e = raw.split("\\*", -1);
            switch (e[0]) {
                case "ISA" -> interchanges++;
                case "ST" -> {
                    claims = new ArrayList<>();
                    plb = new ArrayList<>();
                    claim = null;
                    line = null;
                }
                case "BPR" -> bpr = new BigDecimal(e[2]);
                case "CLP" -> {
                    claim = new Claim(e, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), null);
                    claims.add(claim);
                    line = null;
                }
                case "NM1" -> {
                    if ("82".equals(e[1])) {
                        Claim withNpi = new Claim(claim.clp(), claim.adjustments(), claim.remarks(), claim.lines(), e[9]);
                        claims.set(claims.size() - 1, withNpi);
                        claim = withNpi;
                    }
                }
                case "MOA" -> {
                    for (int i = 3; i < e.length; i++) {
                        if (!e[i].isEmpty()) {
                            claim.remarks().add(e[i]);
                        }
                    }
                }
                case "SVC" -> {
                    String[] procedure = e[1].split(":");
                    line = new Line(procedure[1], List.of(procedure).subList(2, procedure.length),
                            new BigDecimal(e[2]), new BigDecimal(e[3]), new ArrayList<>(), new ArrayList<>());
                    claim.lines().add(line);
                }
                case "CAS" -> {
                    List<Adjustment> target = line != null ? line.adjustments() : claim.adjustments();
                    for (int i = 2; i + 1 < e.length; i += 3) {
                        target.add(new Adjustment(e[1], e[i], new BigDecimal(e[i + 1])));
                    }
                }
                case "LQ" -> line.remarks().add(e[2]);
                case "PLB" -> {
                    for (int i = 4; i < e.length; i += 2) {
                        plb.add(new BigDecimal(e[i]));
                    }
                }
                case "SE" -> transactions.add(new Transaction(bpr, claims, plb));
                default -> {
                    // other segments carry nothing the tests sum or count
                }
            }
        }
        return new ScannedRemittance(transactions, interchanges, segments);
    }

    List<Claim> claims() {
        return transactions.stream().flatMap(t -> t.claims().stream()).toList();
    }
}
