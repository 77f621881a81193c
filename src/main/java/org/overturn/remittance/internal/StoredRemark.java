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

/** One remark code (RARC) from MIA/MOA (claim) or LQ*HE (line). */
@Entity
@Table(name = "remark")
public class StoredRemark {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "remark_seq")
    @SequenceGenerator(name = "remark_seq", sequenceName = "remark_seq", allocationSize = 100)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_payment_id")
    private StoredClaimPayment claimPayment;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "service_line_id")
    private StoredServiceLine serviceLine;
    private String code;

    protected StoredRemark() {
    }

    public Long getId() { return id; }
    public StoredServiceLine getServiceLine() { return serviceLine; }
    public String getCode() { return code; }
}
