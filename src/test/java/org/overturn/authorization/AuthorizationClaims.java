package org.overturn.authorization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.overturn.KnownRemittance;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimAddress;
import org.overturn.claim.ClaimBatch;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimPerson;
import org.overturn.claim.ClaimProvider;
import org.overturn.claim.ClaimWriter;
import org.overturn.practice.DemoPractices;

/**
 * 837Ps and the 835s that answer them, for authorization tests: one line a claim, the authorization number in the
 * claim's REF*G1, the rendering provider given; billed by and paid to the first demo practice (its group NPI), the
 * practice whose authorizations alone can cover them. The names and ids are made up.
 */
public final class AuthorizationClaims {

    static final ClaimProvider CLINIC = new ClaimProvider(DemoPractices.GROUP_THERAPY.npi(),
            "RIVERBEND BEHAVIORAL HEALTH", null,
            "261QM0801X", "123456789", new ClaimAddress("400 RIVER ROAD", null, "HARRISBURG", "PA", "17101"));
    public static final ClaimProvider LCSW = new ClaimProvider("1497758544", "MORALES", "ANA", "1041C0700X", null, null);
    static final ClaimProvider PSYCHOLOGIST = new ClaimProvider("1588667638", "CHEN", "LI", "103TC0700X", null, null);
    private static final AtomicLong BATCH = new AtomicLong(7000);
    private static final DateTimeFormatter X12_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private static final String PAYEE = "N1*PE*RIVERBEND BEHAVIORAL HEALTH*XX*" + DemoPractices.GROUP_THERAPY.npi();

    private final String payerId;
    private final String payerName;

    public AuthorizationClaims(String payerId, String payerName) {
        this.payerId = payerId;
        this.payerName = payerName;
    }

    /** One claim of one line, sent the day after the service. */
    public byte[] claim(String pcn, String memberId, String procedure, int units, LocalDate service, String authorization,
                 ClaimProvider rendering) {
        var person = new ClaimPerson(memberId, "TESTPATIENT", "JORDAN", LocalDate.of(1984, 3, 12), "F");
        BigDecimal charge = new BigDecimal("150.00").multiply(BigDecimal.valueOf(units));
        var line = new BilledLine(1, null, "HC", procedure, List.of(), charge, "UN", BigDecimal.valueOf(units), null,
                List.of(1), service, null, null, null, null);
        var claim = new BilledClaim(ClaimKind.PROFESSIONAL, pcn, charge, "11", "B", "1",
                new ClaimParty(payerName, payerId), CLINIC, rendering, person, person, "CI", List.of("F331"),
                authorization, null, null, null, null, null, null, List.of(), List.of(line));
        long batch = BATCH.incrementAndGet();
        return ClaimWriter.standard().write(new ClaimBatch(ClaimKind.PROFESSIONAL, "RBH0001", "CPEDI01", batch,
                LocalDateTime.of(service.plusDays(1), LocalTime.NOON), "RBH-" + batch, false,
                new ClaimParty("RIVERBEND BEHAVIORAL HEALTH", "RBH0001"), "BILLING OFFICE", "7175550100",
                new ClaimParty("CLEARPATH EDI", "CPEDI01"), List.of(claim)));
    }

    /** The payer's 835 denying the claim with the CARC given (CO group), the whole charge at risk. */
    byte[] denial(String trace, String pcn, String memberId, String procedure, int units, LocalDate service,
                  String carc) {
        String charge = new BigDecimal("150").multiply(BigDecimal.valueOf(units)).toPlainString();
        return KnownRemittance.toPayee(payerId, payerName, trace, "20260320", "0", PAYEE)
                .claim("CLP*" + pcn + "*4*" + charge + "*0**12*ICN-" + pcn, "CAS*CO*" + carc + "*" + charge,
                        "NM1*QC*1*TESTPATIENT*JORDAN****MI*" + memberId,
                        "SVC*HC:" + procedure + "*" + charge + "*0**" + units, "DTM*472*" + X12_DATE.format(service))
                .bytes();
    }

    /** The payer's 835 paying the claim in full. */
    byte[] payment(String trace, String pcn, String memberId, String procedure, int units, LocalDate service) {
        String charge = new BigDecimal("150").multiply(BigDecimal.valueOf(units)).toPlainString();
        return KnownRemittance.toPayee(payerId, payerName, trace, "20260320", charge, PAYEE)
                .claim("CLP*" + pcn + "*1*" + charge + "*" + charge + "**12*ICN-" + pcn,
                        "NM1*QC*1*TESTPATIENT*JORDAN****MI*" + memberId,
                        "SVC*HC:" + procedure + "*" + charge + "*" + charge + "**" + units,
                        "DTM*472*" + X12_DATE.format(service))
                .bytes();
    }
}
