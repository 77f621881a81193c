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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.overturn.remittance.RemittanceAdvice;

/** One stored 835 transaction set: a payment from one payer to one payee. */
@Entity
@Table(name = "remittance")
public class StoredRemittance {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "remittance_seq")
    @SequenceGenerator(name = "remittance_seq", sequenceName = "remittance_seq", allocationSize = 100)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "file_id")
    private ReceivedFile file;
    private String interchangeControlNumber;
    private String groupControlNumber;
    private String version;
    private String controlNumber;
    private String payerName;
    private String payerId;
    private String payeeName;
    private String payeeIdQualifier;
    private String payeeId;
    private long practiceId;
    private String handlingCode;
    private BigDecimal paymentAmount;
    private String creditDebit;
    private String paymentMethod;
    private LocalDate paymentDate;
    private String traceNumber;
    private String originatorId;
    private LocalDate productionDate;
    private boolean balanced;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> balanceProblems = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> envelopeWarnings = new ArrayList<>();
    @OneToMany(mappedBy = "remittance")
    @OrderBy("position")
    private List<StoredClaimPayment> claims = new ArrayList<>();
    @OneToMany(mappedBy = "remittance")
    private List<StoredProviderAdjustment> providerAdjustments = new ArrayList<>();

    protected StoredRemittance() {
    }

    StoredRemittance(ReceivedFile file, RemittanceAdvice advice, List<String> balanceProblems, long practiceId) {
        this.file = file;
        this.practiceId = practiceId;
        this.interchangeControlNumber = advice.interchangeControlNumber();
        this.groupControlNumber = advice.groupControlNumber();
        this.version = advice.version();
        this.controlNumber = advice.controlNumber();
        if (advice.payer() != null) {
            this.payerName = advice.payer().name();
            this.payerId = advice.payer().id();
        }
        if (advice.payee() != null) {
            this.payeeName = advice.payee().name();
            this.payeeIdQualifier = advice.payee().idQualifier();
            this.payeeId = advice.payee().id();
        }
        var payment = advice.payment();
        this.handlingCode = payment.handlingCode();
        this.paymentAmount = payment.amount();
        this.creditDebit = payment.creditDebit();
        this.paymentMethod = payment.method();
        this.paymentDate = payment.date();
        this.traceNumber = payment.trace();
        this.originatorId = payment.originatorId();
        this.productionDate = advice.productionDate();
        this.balanced = balanceProblems.isEmpty();
        this.balanceProblems = new ArrayList<>(balanceProblems);
        this.envelopeWarnings = new ArrayList<>(advice.envelopeWarnings());
    }

    public Long getId() { return id; }
    public ReceivedFile getFile() { return file; }
    public String getInterchangeControlNumber() { return interchangeControlNumber; }
    public String getGroupControlNumber() { return groupControlNumber; }
    public String getVersion() { return version; }
    public String getControlNumber() { return controlNumber; }
    public String getPayerName() { return payerName; }
    public String getPayerId() { return payerId; }
    public String getPayeeName() { return payeeName; }
    public String getPayeeIdQualifier() { return payeeIdQualifier; }
    public String getPayeeId() { return payeeId; }
    public long getPracticeId() { return practiceId; }
    public String getHandlingCode() { return handlingCode; }
    public BigDecimal getPaymentAmount() { return paymentAmount; }
    public String getCreditDebit() { return creditDebit; }
    public String getPaymentMethod() { return paymentMethod; }
    public LocalDate getPaymentDate() { return paymentDate; }
    public String getTraceNumber() { return traceNumber; }
    public String getOriginatorId() { return originatorId; }
    public LocalDate getProductionDate() { return productionDate; }
    public boolean isBalanced() { return balanced; }
    public List<String> getBalanceProblems() { return balanceProblems; }
    public List<String> getEnvelopeWarnings() { return envelopeWarnings; }
    public List<StoredClaimPayment> getClaims() { return claims; }
    public List<StoredProviderAdjustment> getProviderAdjustments() { return providerAdjustments; }
}
