package org.overturn.remittance.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One stored SVC loop. */
@Entity
@Table(name = "service_line")
public class StoredServiceLine {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_line_seq")
    @SequenceGenerator(name = "service_line_seq", sequenceName = "service_line_seq", allocationSize = 100)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_payment_id")
    private StoredClaimPayment claimPayment;
    private int position;
    private String procedureQualifier;
    private String procedureCode;
    /** Modifiers joined with ':' as they appear in SVC01, e.g. {@code 95:HF}. */
    private String modifiers;
    private BigDecimal charge;
    private BigDecimal paid;
    private String revenueCode;
    private BigDecimal units;
    private String originalProcedure;
    private LocalDate serviceDate;
    private LocalDate serviceDateTo;
    private BigDecimal allowed;
    private String lineControlNumber;

    protected StoredServiceLine() {
    }

    public Long getId() { return id; }
    public int getPosition() { return position; }
    public String getProcedureQualifier() { return procedureQualifier; }
    public String getProcedureCode() { return procedureCode; }
    public String getModifiers() { return modifiers; }
    public BigDecimal getCharge() { return charge; }
    public BigDecimal getPaid() { return paid; }
    public String getRevenueCode() { return revenueCode; }
    public BigDecimal getUnits() { return units; }
    public String getOriginalProcedure() { return originalProcedure; }
    public LocalDate getServiceDate() { return serviceDate; }
    public LocalDate getServiceDateTo() { return serviceDateTo; }
    public BigDecimal getAllowed() { return allowed; }
    public String getLineControlNumber() { return lineControlNumber; }
}
