package org.overturn;

import java.nio.charset.StandardCharsets;
import org.overturn.remittance.Edi835;

/**
 * An 835 written for a test with a payer of its own (REF*2U), so figures filtered by that payer are exactly the
 * test's own whatever else the shared database holds. Claims are given as segment lists in the usual notation.
 */
public final class KnownRemittance {

    private final Edi835 edi = Edi835.create().interchange("000000001").group("1").transaction("0001");

    private static final String DEFAULT_PAYEE = "N1*PE*RIVERSIDE COUNSELING*XX*1234567893";

    private KnownRemittance(String payerId, String payerName, String trace, String paymentDate, String amount,
                            String... payee) {
        edi.segment("BPR*I*" + amount + "*C*CHK************" + paymentDate)
                .segment("TRN*1*" + trace + "*1512345678")
                .segment("N1*PR*" + payerName)
                .segment("REF*2U*" + payerId);
        for (String segment : payee.length == 0 ? new String[] {DEFAULT_PAYEE} : payee) {
            edi.segment(segment);
        }
    }

    /** The same, paid to the payee the segments name (loop 1000B: N1*PE, REF*TJ ...): the practice it is for. */
    public static KnownRemittance toPayee(String payerId, String payerName, String trace, String paymentDate,
                                          String amount, String... payee) {
        return new KnownRemittance(payerId, payerName, trace, paymentDate, amount, payee);
    }

    /** A transaction from the payer paid on {@code paymentDate} (CCYYMMDD) under trace number {@code trace}. */
    public static KnownRemittance from(String payerId, String payerName, String trace, String paymentDate,
                                       String amount) {
        return new KnownRemittance(payerId, payerName, trace, paymentDate, amount);
    }

    public KnownRemittance claim(String... segments) {
        for (String segment : segments) {
            edi.segment(segment);
        }
        return this;
    }

    /** Waits until the lifecycle gave {@code count} of the payer's denials their user task (the job executor runs it). */
    public static void awaitTasks(org.springframework.jdbc.core.JdbcTemplate jdbc, String payerId, int count) {
        org.awaitility.Awaitility.await("the denials' tasks").atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject("""
                        select count(*) from act_ru_task t join denial_process dp on dp.process_instance_id = t.proc_inst_id_
                          join denial d on d.id = dp.denial_id where d.payer_id = ? and dp.kind = 'LIFECYCLE'
                        """, Long.class, payerId), tasks -> tasks != null && tasks >= count);
    }

    public byte[] bytes() {
        return edi.closeAll().text().getBytes(StandardCharsets.ISO_8859_1);
    }
}
