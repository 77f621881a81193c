package org.overturn.remittance.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One stored CLP loop. Patient name and member id are PHI: shown only to those allowed, never logged. */
@Entity
@Table(name = "claim_payment")
public class StoredClaimPayment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_payment_seq")
    @SequenceGenerator(name = "claim_payment_seq", sequenceName = "claim_payment_seq", allocationSize = 100)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "remittance_id")
    private StoredRemittance remittance;
    private int position;
    private String patientControlNumber;
    private String status;
    private BigDecimal charge;
    private BigDecimal paid;
    private BigDecimal patientResponsibility;
    private String filingIndicator;
    private String payerClaimControlNumber;
    private String facilityCode;
    private String frequencyCode;
    private String patientLastName;
    private String patientFirstName;
    private String memberId;
    private String renderingProviderNpi;
    /** A 42 CFR Part 2 record, decided when stored (remittance.Part2Records); written by ClaimRowWriter only. */
    @jakarta.persistence.Column(insertable = false, updatable = false)
    private boolean part2;
    /** CAPITATED, ROUTINE_ADJUSTMENTS or PREDETERMINATION (denial.NotADenial); set by ClaimRecords.countApart only. */
    @jakarta.persistence.Column(name = "not_a_denial", insertable = false, updatable = false)
    private String notADenial;
    private LocalDate statementFrom;
    private LocalDate statementTo;
    private LocalDate receivedDate;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reverses_id")
    private StoredClaimPayment reverses;
    @OneToMany(mappedBy = "claimPayment")
    @OrderBy("position")
    private List<StoredServiceLine> lines = new ArrayList<>();
    @OneToMany(mappedBy = "claimPayment")
    @OrderBy("id")
    private List<StoredAdjustment> adjustments = new ArrayList<>();
    @OneToMany(mappedBy = "claimPayment")
    @OrderBy("id")
    private List<StoredRemark> remarks = new ArrayList<>();

    protected StoredClaimPayment() {
    }

    public Long getId() { return id; }
    public StoredRemittance getRemittance() { return remittance; }
    public int getPosition() { return position; }
    public String getPatientControlNumber() { return patientControlNumber; }
    public String getStatus() { return status; }
    public BigDecimal getCharge() { return charge; }
    public BigDecimal getPaid() { return paid; }
    public BigDecimal getPatientResponsibility() { return patientResponsibility; }
    public String getFilingIndicator() { return filingIndicator; }
    public String getPayerClaimControlNumber() { return payerClaimControlNumber; }
    public String getFacilityCode() { return facilityCode; }
    public String getFrequencyCode() { return frequencyCode; }
    public String getPatientLastName() { return patientLastName; }
    public String getPatientFirstName() { return patientFirstName; }
    public String getMemberId() { return memberId; }
    public String getRenderingProviderNpi() { return renderingProviderNpi; }
    public boolean isPart2() { return part2; }
    public String getNotADenial() { return notADenial; }
    public LocalDate getStatementFrom() { return statementFrom; }
    public LocalDate getStatementTo() { return statementTo; }
    public LocalDate getReceivedDate() { return receivedDate; }
    public StoredClaimPayment getReverses() { return reverses; }
    public List<StoredServiceLine> getLines() { return lines; }
    public List<StoredAdjustment> getAdjustments() { return adjustments; }
    public List<StoredRemark> getRemarks() { return remarks; }
}
