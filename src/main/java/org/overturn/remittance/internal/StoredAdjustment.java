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

/** One stored CAS triplet; {@code serviceLine} is null for a claim-level adjustment. */
@Entity
@Table(name = "adjustment")
public class StoredAdjustment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "adjustment_seq")
    @SequenceGenerator(name = "adjustment_seq", sequenceName = "adjustment_seq", allocationSize = 100)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_payment_id")
    private StoredClaimPayment claimPayment;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "service_line_id")
    private StoredServiceLine serviceLine;
    private String level;
    private String groupCode;
    private String reasonCode;
    private BigDecimal amount;
    private BigDecimal quantity;

    protected StoredAdjustment() {
    }

    public Long getId() { return id; }
    public StoredServiceLine getServiceLine() { return serviceLine; }
    public String getLevel() { return level; }
    public String getGroupCode() { return groupCode; }
    public String getReasonCode() { return reasonCode; }
    public BigDecimal getAmount() { return amount; }
    public BigDecimal getQuantity() { return quantity; }
}
