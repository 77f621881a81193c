package org.overturn.denial.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.overturn.denial.Classification;
import org.overturn.denial.DenialAssessment;
import org.overturn.denial.DenialKind;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.RootCause;

/** A denied or partly denied claim payment, with the root cause the decision table gave it. */
@Entity
@Table(name = "denial")
public class Denial {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "denial_seq")
    @SequenceGenerator(name = "denial_seq", sequenceName = "denial_seq", allocationSize = 100)
    private Long id;
    private long claimPaymentId;
    @Enumerated(EnumType.STRING)
    private DenialKind kind;
    private String primaryReason;
    @Enumerated(EnumType.STRING)
    private RootCause rootCause;
    /** Where the denial's open work is: its first work's queue, then the queue of each task its process creates. */
    private String queue;
    @Enumerated(EnumType.STRING)
    private org.overturn.denial.WorkPath path;
    private boolean correctable;
    private boolean appealable;
    private String explanation;
    private BigDecimal amountAtRisk;
    private boolean part2;
    @Enumerated(EnumType.STRING)
    private DenialStatus status;
    private String payerId;
    private String payerName;
    private String patientControlNumber;
    private LocalDate remittanceDate;
    private Instant detectedAt;
    private String planType;
    private LocalDate appealDueDate;
    private int priority;
    private int appealLevel;
    private BigDecimal recoveredAmount;
    private Instant closedAt;
    private String closingReason;
    private Long followsDenialId;
    private long practiceId;
    private String appealRegime;
    private Integer appealStep;
    private LocalDate appealClockStart;
    private String appealRecipient;

    protected Denial() {
    }

    public Denial(long claimPaymentId, String patientControlNumber, String payerId, String payerName,
                  LocalDate remittanceDate, DenialAssessment assessment, Classification classification,
                  boolean part2, Instant detectedAt, long practiceId) {
        this.claimPaymentId = claimPaymentId;
        this.practiceId = practiceId;
        this.patientControlNumber = patientControlNumber;
        this.payerId = payerId;
        this.payerName = payerName;
        this.remittanceDate = remittanceDate;
        this.kind = assessment.kind();
        this.primaryReason = assessment.primaryReason();
        this.amountAtRisk = assessment.amountAtRisk();
        this.rootCause = classification.rootCause();
        this.queue = classification.workQueue();
        this.path = classification.path();
        this.correctable = classification.correctable();
        this.appealable = classification.appealable();
        this.explanation = classification.explanation();
        this.part2 = part2;
        this.status = DenialStatus.OPEN;
        this.detectedAt = detectedAt;
    }

    /** Its open work moved to another queue. */
    public void moveToQueue(String workQueue) {
        this.queue = workQueue;
    }

    public void schedule(String planType, LocalDate appealDueDate, int priority) {
        this.planType = planType;
        this.appealDueDate = appealDueDate;
        this.priority = priority;
    }

    /** The appeal level now worked, its regime, the date its clock started, its due date and its recipient. */
    public void enterAppealStep(String regime, int level, LocalDate clockStart, LocalDate dueOn, String recipient) {
        this.appealRegime = regime;
        this.appealStep = level;
        this.appealClockStart = clockStart;
        this.appealDueDate = dueOn;
        this.appealRecipient = recipient;
    }

    public void moveTo(DenialStatus status) {
        this.status = status;
    }

    public void close(DenialStatus status, BigDecimal recoveredAmount, Instant at) {
        close(status, recoveredAmount, null, at);
    }

    /** Closes with the reason its status alone does not tell (e.g. which payment made a denial "nothing lost"). */
    public void close(DenialStatus status, BigDecimal recoveredAmount, String reason, Instant at) {
        this.closingReason = reason;
        this.status = status;
        this.recoveredAmount = recoveredAmount;
        this.closedAt = at;
    }

    /** A later 835 for the same claim, handled by the process of the denial it follows. */
    public void follow(long denialId, Instant at) {
        this.followsDenialId = denialId;
        this.status = DenialStatus.FOLLOW_UP;
        this.closedAt = at;
    }

    public void enterAppealLevel(int level) {
        this.appealLevel = level;
    }

    public void reprioritise(int priority) {
        this.priority = priority;
    }

    public Long getId() { return id; }
    public long getClaimPaymentId() { return claimPaymentId; }

    public long getPracticeId() {
        return practiceId;
    }
    public DenialKind getKind() { return kind; }
    public String getPrimaryReason() { return primaryReason; }
    public RootCause getRootCause() { return rootCause; }
    public String getQueue() { return queue; }
    public org.overturn.denial.WorkPath getPath() { return path; }
    public boolean isCorrectable() { return correctable; }
    public boolean isAppealable() { return appealable; }
    public String getExplanation() { return explanation; }
    public BigDecimal getAmountAtRisk() { return amountAtRisk; }
    public boolean isPart2() { return part2; }
    public DenialStatus getStatus() { return status; }
    public String getPayerId() { return payerId; }
    public String getPayerName() { return payerName; }
    public String getPatientControlNumber() { return patientControlNumber; }
    public LocalDate getRemittanceDate() { return remittanceDate; }
    public Instant getDetectedAt() { return detectedAt; }
    public String getPlanType() { return planType; }
    public LocalDate getAppealDueDate() { return appealDueDate; }
    public int getPriority() { return priority; }
    public int getAppealLevel() { return appealLevel; }
    public BigDecimal getRecoveredAmount() { return recoveredAmount; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosingReason() { return closingReason; }
    public Long getFollowsDenialId() { return followsDenialId; }
    public String getAppealRegime() { return appealRegime; }
    public Integer getAppealStep() { return appealStep; }
    public LocalDate getAppealClockStart() { return appealClockStart; }
    public String getAppealRecipient() { return appealRecipient; }
}
