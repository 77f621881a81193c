package org.overturn.payer.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.overturn.payer.PlanType;

@Entity
@Table(name = "payer")
public class Payer {

    @Id
    private String id;
    private String name;
    @Enumerated(EnumType.STRING)
    private PlanType planType;
    private int appealLimitDays;
    private boolean needsReview;
    private Instant createdAt;

    protected Payer() {
    }

    /** A payer first met in an 835: default terms, flagged for someone to confirm. */
    public Payer(String id, String name, PlanType planType, int appealLimitDays, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.planType = planType;
        this.appealLimitDays = appealLimitDays;
        this.needsReview = true;
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public PlanType getPlanType() { return planType; }
    public int getAppealLimitDays() { return appealLimitDays; }
    public boolean isNeedsReview() { return needsReview; }
    public Instant getCreatedAt() { return createdAt; }
}
