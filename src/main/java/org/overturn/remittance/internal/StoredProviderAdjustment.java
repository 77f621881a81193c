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
import org.overturn.remittance.ProviderAdjustment;

/** One stored PLB reason/amount pair. */
@Entity
@Table(name = "provider_adjustment")
public class StoredProviderAdjustment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "provider_adjustment_seq")
    @SequenceGenerator(name = "provider_adjustment_seq", sequenceName = "provider_adjustment_seq", allocationSize = 100)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "remittance_id")
    private StoredRemittance remittance;
    private String providerId;
    private LocalDate fiscalPeriodDate;
    private String reasonCode;
    private String reference;
    private BigDecimal amount;

    protected StoredProviderAdjustment() {
    }

    StoredProviderAdjustment(StoredRemittance remittance, ProviderAdjustment adjustment) {
        this.remittance = remittance;
        this.providerId = adjustment.providerId();
        this.fiscalPeriodDate = adjustment.fiscalPeriodDate();
        this.reasonCode = adjustment.reason();
        this.reference = adjustment.reference();
        this.amount = adjustment.amount();
    }

    public Long getId() { return id; }
    public String getProviderId() { return providerId; }
    public LocalDate getFiscalPeriodDate() { return fiscalPeriodDate; }
    public String getReasonCode() { return reasonCode; }
    public String getReference() { return reference; }
    public BigDecimal getAmount() { return amount; }
}
